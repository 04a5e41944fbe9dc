import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// Plain values that YAML 1.1 reads otherwise are warned about, checked against PyYAML itself
/// (a dependency of the pre-commit framework, in the tools' environment); and unclosed quoted
/// strings are reported where they open.
@Suite struct YAML11ReadingTests {
    static let reason = "PyYAML is not installed (scripts/install-test-tools.sh installs it with pre-commit)"

    /// Scalars worth asking about: the 1.1 booleans in every case form, numbers in every 1.1 and
    /// 1.2 notation, dates and times, and 20,000 random strings over the characters numbers use.
    static func candidates() -> [String] {
        var words = [
            "y", "Y", "yes", "Yes", "YES", "yEs", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
            "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "~", "010", "08", "0", "-0", "00",
            "0o10",
            "0x1F", "0x_1f", "0b1010", "1_000", "1:20", "-1:20", "1:20.5", "190:20:30", "1e3", "1.0e3", "1.0e+3",
            "1.5", "1.", ".5", "-.5", "+.5", "1_0.5", ".inf", "-.inf", ".Inf", ".nan", ".NaN", "2024-01-15",
            "2024-1-15", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2001-12-15 2:59:43.10",
            "2001-12-14T21:59:43Z", "++1:20", "1:+5", "1:_5", "1__0:20", "0x_", "0_", "0b", "1.10", "3.14",
            "12345678901234567890", "+12", "0.000001", "1e-05", "-1E+2",
        ]
        var generator = SplitMix64(seed: 1111)
        let alphabet = Array("0123456789+-._:eExXbBoO ")
        while words.count < 20_000 {
            let length = 1 + Int(generator.next() % 8)
            let word = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            let trimmed = word.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty, !trimmed.contains(": "), !trimmed.hasSuffix(":"),
                !trimmed.hasPrefix("-") || trimmed.count > 1
            {
                words.append(trimmed)
            }
        }
        return words
    }

    @Test(.enabled(if: TestTools.usablePythonModule("yaml"), "\(reason)"))
    func warningsAgreeWithPyYAML() throws {
        let words = Self.candidates()
        let script = """
            import sys, yaml, math
            resolver = yaml.resolver.Resolver()
            for line in sys.stdin.read().split('\\n')[:-1]:
                tag = resolver.resolve(yaml.ScalarNode, line, (True, False)).split(':')[-1]
                value = ''
                if tag in ('int', 'float'):
                    try:
                        v = yaml.safe_load('v: ' + line)['v']
                    except Exception:
                        print('unreadable')
                        continue
                    value = 'nan' if isinstance(v, float) and math.isnan(v) else repr(v)
                print(tag + ' ' + value)
            """
        let python = try TestTools.requirePython()
        let output = try ProcessResult.run(
            [python, "-c", script], in: FileManager.default.temporaryDirectory.path,
            input: words.joined(separator: "\n") + "\n"
        ).checked().output
        let readings = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(readings.count == words.count)
        var disagreements: [String] = []
        for (word, reading) in zip(words, readings) {
            // Plain scalars only: a word libyaml would not read as one plain scalar is skipped.
            let loaded = SafeYAMLLoader.load(Data("v: \(word)\n".utf8), path: "x.yaml", checksYAML11: true)
            guard let node = loaded.root?["v"], loaded.findings.isEmpty else { continue }
            if reading == "unreadable" { continue }
            let parts = reading.split(separator: " ", maxSplits: 1).map(String.init)
            let pyDiffers = Self.differs(tag: parts[0], value: parts.count > 1 ? parts[1] : "", core: node.kind)
            let warned = !loaded.warnings.isEmpty
            // YAML 1.1 lists y/Y/n/N as booleans; PyYAML alone reads them as strings.
            let expected = pyDiffers || ["y", "Y", "n", "N"].contains(word)
            if warned != expected { disagreements.append("'\(word)': PyYAML \(reading), warned \(warned)") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements: \(disagreements.prefix(12))")
        print("YAML 1.1 warnings agree with PyYAML on \(words.count - disagreements.count) of \(words.count) scalars")
    }

    /// Whether PyYAML's reading (`tag`, and the repr of an int or float) differs from `core`.
    static func differs(tag: String, value: String, core: ValueNode.Kind) -> Bool {
        switch (tag, core) {
        case ("null", .null), ("bool", .bool), ("str", .string): return false
        case ("int", .integer(let number)): return value != String(number)
        case ("float", .number(let number)):
            if value == "nan" { return !number.isNaN }
            if value == "inf" || value == "-inf" { return Double(value) != number }
            return Double(value) != number
        case ("float", .integer(let number)): return Double(value) != Double(number)
        case ("int", .number(let number)): return Double(value) != number
        default: return true
        }
    }

    /// The byte-level answer for plain decimals (``YAML11Reading/readsAlike(_:core:)``) never
    /// hides a difference the YAML 1.1 readers find, and is taken for the numbers cards hold.
    @Test func plainDecimalsAnsweredFromTheirBytesAgreeWithTheReaders() {
        var generator = SplitMix64(seed: 1812)
        var words = Self.candidates()
        let digits = Array("0123456789")
        for _ in 0..<20_000 {
            let whole = String((0..<(1 + Int(generator.next() % 9))).map { _ in digits[Int(generator.next() % 10)] })
            let fraction = String((0..<Int(generator.next() % 7)).map { _ in digits[Int(generator.next() % 10)] })
            let sign = generator.next() % 3 == 0 ? "-" : ""
            words.append(sign + whole + (fraction.isEmpty ? "" : "." + fraction))
        }
        var fast = 0
        for word in words {
            let core = CoreSchemaScalar.resolve(word, isPlain: true, at: .start).kind
            if YAML11Reading.readsAlike(word, core: core) {
                fast += 1
                #expect(YAML11Reading.slowDifferingReading(of: word, core: core) == nil, "\(word)")
            }
            #expect(
                YAML11Reading.differingReading(of: word, core: core)
                    == YAML11Reading.slowDifferingReading(of: word, core: core), "\(word)")
        }
        #expect(fast > 15_000)
        #expect(YAML11Reading.readsAlike("0.91", core: .number(0.91)))
        #expect(YAML11Reading.readsAlike("42", core: .integer(42)))
        #expect(!YAML11Reading.readsAlike("010", core: .integer(10)))
        #expect(!YAML11Reading.readsAlike("1.5", core: .string("1.5")))
        #expect(YAML11Reading.differingReading(of: "010", core: .integer(10)) == "the integer 8")
    }

    /// The ASCII answer of ``DisplayText/firstHazard(in:)`` is the scalar-by-scalar one.
    @Test func hazardsAreFoundPastPrintableText() {
        for text in ["plain text\twith\nbreaks", "", "~ ascii !", "caf\u{E9}", "a\u{1B}[31m", "x\u{7F}", "ok\r"] {
            let slow = text.unicodeScalars.enumerated().first { DisplayText.isHazardous($0.element) }
            let fast = DisplayText.firstHazard(in: text)
            #expect(fast?.scalar == slow?.element && fast?.offset == slow?.offset, "\(text.debugDescription)")
        }
        #expect(DisplayText.firstHazard(in: "abc\u{202E}d")?.offset == 3)
        #expect(DisplayText.firstHazard(in: "abc\u{85}")?.scalar == "\u{85}")
        #expect(DisplayText.firstHazard(in: "no hazard here") == nil)
    }

    @Test func quotedValuesAreNotWarnedAbout() {
        let card = "a: 'no'\nb: \"010\"\nc: |\n  yes\nd: text\ne: 1.5\nf: 10\n"
        let loaded = SafeYAMLLoader.load(Data(card.utf8), path: "x.yaml", checksYAML11: true)
        #expect(loaded.warnings.isEmpty)
        let plain = SafeYAMLLoader.load(Data("a: no\nOff: 1\n".utf8), path: "x.yaml", checksYAML11: true)
        #expect(plain.warnings.map { $0.location?.position?.description } == ["1:4", "2:1"])
        #expect(plain.warnings.allSatisfy { $0.ruleID == .yaml11Ambiguous && $0.severity == .warning })
    }

    @Test func anUnclosedQuoteIsReportedWhereItOpens() {
        var lines = ["name: x", "model_overview:", "  model_name: m", "  model_description: \"Predicts churn"]
        lines += (1...35).map { "  # note \($0)" }
        let atEnd = SafeYAMLLoader.load(Data((lines.joined(separator: "\n") + "\n").utf8), path: "x.yaml")
        let finding = atEnd.findings.first
        #expect(finding?.location?.position == SourcePosition(line: 4, column: 22))
        #expect(
            finding?.message
                == "unclosed quoted string: the string that starts at 4:22 runs to line 40, the end of the file")

        let closedLater = "name: x\nmodel_overview:\n  model_name: 'm\n  model_description: 'Predicts churn'\n"
        let runaway = SafeYAMLLoader.load(Data(closedLater.utf8), path: "x.yaml").findings.first
        #expect(runaway?.location?.position == SourcePosition(line: 3, column: 15))
        #expect(
            runaway?.message.contains("the string that starts at 3:15 runs to line 4") == true,
            "\(runaway?.message ?? "")")
        // A string over several lines that is closed where it should be is not blamed.
        let fine = "a: \"one\n  two\"\nb: [1, 2\n"
        let other = SafeYAMLLoader.load(Data(fine.utf8), path: "x.yaml").findings.first
        #expect(other?.location?.position?.line != 1, "\(other?.message ?? "")")
    }
}
