import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// The canonical JSON of digests is RFC 8785 (JCS), checked against the reference
/// implementation PyPI `rfc8785` on the example cards and on generated numbers.
@Suite struct CanonicalJSONTests {
    static let reason = "the PyPI package rfc8785 is not installed (scripts/install-test-tools.sh)"

    /// Runs `script` with the tools' Python, `input` on standard input; its output.
    static func python(_ script: String, input: String) throws -> String {
        let python = try TestTools.requirePython()
        let directory = FileManager.default.temporaryDirectory.path
        return try ProcessResult.run([python, "-c", script], in: directory, input: input).checked().output
    }

    /// The numbers at the edges, then `count` more from a fixed-seed generator: random bit
    /// patterns (every exponent, subnormals included), integers around and past 2^53, and
    /// short decimals at every scale.
    static func numbers(count: Int) -> [Double] {
        var values: [Double] = [
            0, -0.0, 1, -1, 0.1, 0.5, 1e-7, 1e-6, 0.000001, 0.0000012345, 1e-5, 0.00001, 1e15, 1e16, 1e17, 1e20,
            1e21, 1e22, 999_999_999_999_999_900_000, 123_456_789_012_345_680_000, 1e21.nextDown, 1e21.nextUp,
            1e-6.nextDown, 1e-7.nextUp, 5e-324, -5e-324, 2.2250738585072014e-308, 2.2250738585072009e-308,
            Double.leastNonzeroMagnitude, Double.leastNormalMagnitude, Double.greatestFiniteMagnitude,
            -Double.greatestFiniteMagnitude, 9_007_199_254_740_991, 9_007_199_254_740_992, 9_007_199_254_740_994,
            18_014_398_509_481_984, 9.223372036854776e18, 295_147_905_179_352_830_000, 0.1 + 0.2, 1 / 3.0, 100, 1e2,
            4.35, 0.000001234, 123e-20, 1.5e300, 333_333_333.33333329, 1e23, 5e-7, 2e-7,
        ]
        var generator = SplitMix64(seed: 8785)
        while values.count < count {
            switch generator.next() % 4 {
            case 0:
                let value = Double(bitPattern: generator.next())
                if value.isFinite { values.append(value) }
            case 1:
                let magnitude = Double(UInt64(1) << (50 + generator.next() % 14))
                values.append(magnitude + Double(generator.next() % 100_000) * (generator.next() % 2 == 0 ? 1 : -1))
            case 2:
                let digits = Double(generator.next() % 1_000_000)
                let scale = Int(generator.next() % 60) - 30
                values.append(digits * pow(10, Double(scale)))
            default:
                let subnormal = Double(bitPattern: generator.next() & 0x000F_FFFF_FFFF_FFFF)
                values.append(generator.next() % 2 == 0 ? subnormal : -subnormal)
            }
        }
        return values
    }

    @Test(.enabled(if: TestTools.usablePythonModule("rfc8785"), "\(reason)"))
    func numbersAreWrittenAsRFC8785Writes() throws {
        let values = Self.numbers(count: 100_050)
        let input = values.map { String($0.bitPattern, radix: 16) }.joined(separator: "\n") + "\n"
        let script = """
            import struct, sys, rfc8785
            out = []
            for line in sys.stdin:
                value = struct.unpack('<d', int(line, 16).to_bytes(8, 'little'))[0]
                out.append(rfc8785.dumps(value).decode())
            sys.stdout.write('\\n'.join(out) + '\\n')
            """
        let expected = try Self.python(script, input: input).split(separator: "\n").map(String.init)
        #expect(expected.count == values.count)
        var mismatches: [String] = []
        for (value, reference) in zip(values, expected) where ECMAScriptNumber.text(value) != reference {
            mismatches.append("\(value): cardigan \(ECMAScriptNumber.text(value)), rfc8785 \(reference)")
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(values.count) differ: \(mismatches.prefix(10))")
        print("rfc8785 agrees on \(values.count - mismatches.count) of \(values.count) numbers")
    }

    @Test(.enabled(if: TestTools.usablePythonModule("rfc8785"), "\(reason)"))
    func integersPastTwoToThe53AreWrittenAsDoubles() throws {
        let integers = [
            9_007_199_254_740_991, 9_007_199_254_740_992, 9_007_199_254_740_993, -9_007_199_254_740_993,
            Int.max, Int.min, 123_456_789_012_345_678, 10_000_000_000_000_000,
        ]
        let script = """
            import sys, rfc8785
            for line in sys.stdin:
                n = int(line)
                print(rfc8785.dumps(n if abs(n) < 2**53 else float(n)).decode())
            """
        let expected = try Self.python(script, input: integers.map(String.init).joined(separator: "\n") + "\n")
        let ours = integers.map { CanonicalJSON.text(of: ValueNode(.integer($0))) }.joined(separator: "\n") + "\n"
        #expect(ours == expected)
    }

    /// Cards through both: cardigan's canonical text, and rfc8785 on the same value read by
    /// Python's json module from cardigan's exact (legacy-form) text.
    @Test(.enabled(if: TestTools.usablePythonModule("rfc8785"), "\(reason)"))
    func exampleCardsCanonicalizeAsRFC8785Does() throws {
        var contents = try ExportFixtures.cardNames.map { CardDigest.content(of: try ExportFixtures.root($0)) }
        let hard = """
            name: x
            custom_details:
              "\u{10000}": supplementary
              "\u{FFFD}": replacement
              "é": e
              small: 0.00001
              large: 1e16
              huge: 1e21
              past: 9007199254740993
              minus_zero: -0.0
              text: "tab\\there \\u001f \\"quoted\\" \\\\ </script> \u{2028}"
            """
        let loaded = SafeYAMLLoader.load(Data(hard.utf8), path: "hard.yaml")
        contents.append(try #require(loaded.root))
        let input = contents.map { CanonicalJSON.text(of: $0, form: .legacy) }.joined(separator: "\n") + "\n"
        let script = """
            import json, sys, rfc8785
            for line in sys.stdin:
                value = json.loads(line)
                def fix(v):  # integers past 2^53 are doubles to a JSON reader that keeps I-JSON
                    if isinstance(v, bool): return v
                    if isinstance(v, int) and abs(v) >= 2**53: return float(v)
                    if isinstance(v, dict): return {k: fix(x) for k, x in v.items()}
                    if isinstance(v, list): return [fix(x) for x in v]
                    return v
                sys.stdout.buffer.write(rfc8785.dumps(fix(value)) + b'\\n')
            """
        let expected = try Self.python(script, input: input).split(separator: "\n").map(String.init)
        #expect(expected.count == contents.count)
        for (content, reference) in zip(contents, expected) {
            #expect(CanonicalJSON.text(of: content) == reference)
            #expect(CardDigest.of(content) == "sha256:" + CardDigest.sha256Hex(Data(reference.utf8)))
        }
    }

    @Test func numbersAtTheEdgesHaveTheirECMAScriptText() {
        let cases: [(Double, String)] = [
            (0.00001, "0.00001"), (1e16, "10000000000000000"), (1e21, "1e+21"), (-0.0, "0"), (1e-7, "1e-7"),
            (0.000001, "0.000001"), (5e-324, "5e-324"), (1.5, "1.5"), (100, "100"), (123e-20, "1.23e-18"),
            (Double.greatestFiniteMagnitude, "1.7976931348623157e+308"), (-1e-7, "-1e-7"),
        ]
        for (value, text) in cases {
            #expect(ECMAScriptNumber.text(value) == text, "\(value)")
        }
    }

    @Test func theLegacyFormIsKeptForOldRecords() {
        let node = ValueNode(
            .object([ValueNode.Member(key: "a", keyPosition: .start, value: ValueNode(.number(1e-5)))]))
        #expect(CanonicalJSON.text(of: node, form: .legacy) == "{\"a\":1e-05}")
        #expect(CanonicalJSON.text(of: node) == "{\"a\":0.00001}")
        #expect(CanonicalJSON.formsDiffer(node))
        let plain = ValueNode(
            .object([ValueNode.Member(key: "a", keyPosition: .start, value: ValueNode(.number(0.91)))]))
        #expect(!CanonicalJSON.formsDiffer(plain))
    }
}

/// A small deterministic generator (SplitMix64), so the generated numbers are the same each run.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
