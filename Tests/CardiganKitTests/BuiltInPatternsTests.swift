import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// The built-in schema's patterns, matched without ICU, answer what ICU answers.
@Suite struct BuiltInPatternsTests {
    /// The patterns of the built-in schema, read from it: a pattern added there without a
    /// matcher is simply compiled by ICU, and this list says which ones have one.
    static let patterns = [
        "^[a-z0-9](-?[a-z0-9]){0,62}$", "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$", "^models:/",
        "^[a-zA-Z_][a-zA-Z0-9_]*$", "\\S",
    ]

    @Test func everyPatternOfTheBuiltInSchemaHasAMatcher() throws {
        let schema = try String(
            contentsOfFile: PackagePaths.root + "/templates/model-card.schema.json", encoding: .utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(schema.utf8)) as? [String: Any])
        var found: Set<String> = []
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                if let pattern = object["pattern"] as? String { found.insert(pattern) }
                if let properties = object["patternProperties"] as? [String: Any] { found.formUnion(properties.keys) }
                object.values.forEach(collect)
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(json)
        #expect(found == Set(Self.patterns))
        for pattern in Self.patterns { #expect(BuiltInPatterns.matcher(for: pattern) != nil, "\(pattern)") }
        #expect(BuiltInPatterns.matcher(for: "^[a-z]+$") == nil)
    }

    /// Every code point of the Basic Multilingual Plane (and a few beyond), alone and between
    /// letters, and every string of up to four of the characters the patterns turn on.
    @Test(arguments: patterns)
    func answersWhatICUAnswers(pattern: String) throws {
        let matcher = try #require(BuiltInPatterns.matcher(for: pattern))
        var texts: [String] = ["", String(repeating: "a", count: 63), String(repeating: "a", count: 64)]
        texts += ["a" + String(repeating: "-b", count: 62), "a" + String(repeating: "-b", count: 63), "models:/x"]
        let scalars = (0...0xFFFF).compactMap(Unicode.Scalar.init) + ["\u{1F600}", "\u{E0041}", "\u{10FFFF}"]
        for scalar in scalars {
            let character = String(scalar)
            texts += [character, "a" + character, character + "a", "a" + character + "b"]
        }
        let alphabet = ["a", "Z", "0", "_", "-", "\n", "\r", "\u{0B}", "\u{85}", "\u{2028}", " ", "é", "m", ":", "/"]
        var strings = [""]
        for _ in 1...4 {
            strings = strings.flatMap { prefix in alphabet.map { prefix + $0 } }
            texts += strings
        }
        let icu = try NSRegularExpression(pattern: pattern, options: [])
        var differing: [String] = []
        for text in texts
        where matcher(text)
            != (icu.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil)
        {
            differing.append(text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
            if differing.count > 10 { break }
        }
        #expect(differing.isEmpty, "\(pattern): \(differing)")
    }
}
