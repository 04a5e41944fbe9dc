import Testing

@testable import CardiganKit

/// The JSON parser: positions of values and keys, and located errors for bad input.
@Suite struct JSONParserTests {
    @Test func positionsOfValuesAndKeys() throws {
        let text = """
            {
              "name": "bert",
              "sizes": [1, 2.5, -3e2],
              "ünï": {"deep": null}
            }
            """
        let root = try JSONParser.parse(text)
        #expect(root.position == SourcePosition(line: 1, column: 1))
        let name = try #require(root.member("name"))
        #expect(name.keyPosition == SourcePosition(line: 2, column: 3))
        #expect(name.value.position == SourcePosition(line: 2, column: 11))
        let sizes = try #require(root["sizes"]?.elements)
        #expect(sizes.map(\.position.column) == [13, 16, 21])
        if case .integer(1) = sizes[0].kind {} else { Issue.record("1 should be an integer") }
        if case .number(2.5) = sizes[1].kind {} else { Issue.record("2.5 should be a number") }
        if case .number(-300) = sizes[2].kind {} else { Issue.record("-3e2 should be a number") }
        // Columns count Unicode scalars, not bytes: "ünï" is three columns wide.
        let nested = try #require(root["ünï"])
        #expect(nested.position == SourcePosition(line: 4, column: 10))
        #expect(nested.member("deep")?.keyPosition == SourcePosition(line: 4, column: 11))
    }

    @Test func escapesAndLargeNumbers() throws {
        let root = try JSONParser.parse(#"["a\"b\u00e9\ud83d\ude00", 12345678901234567890, 0]"#)
        let elements = try #require(root.elements)
        #expect(elements[0].stringValue == "a\"bé😀")
        if case .number = elements[1].kind {} else { Issue.record("a number beyond Int should be .number") }
        if case .integer(0) = elements[2].kind {} else { Issue.record("0 should be an integer") }
    }

    func error(_ text: String) -> JSONParseError? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch let error as JSONParseError {
            return error
        } catch {
            return nil
        }
    }

    @Test func duplicateKeyIsLocatedAtTheSecondKey() throws {
        let failure = try #require(error("{\n  \"a\": 1,\n  \"a\": 2\n}"))
        #expect(failure.position == SourcePosition(line: 3, column: 3))
        #expect(failure.message == "duplicate key 'a'")
    }

    @Test func trailingCommas() throws {
        let object = try #require(error("{\"a\": 1,\n}"))
        #expect(object.position == SourcePosition(line: 2, column: 1))
        #expect(object.message.contains("trailing comma"))
        let array = try #require(error("[1, 2, ]"))
        #expect(array.position == SourcePosition(line: 1, column: 8))
        #expect(array.message.contains("trailing comma"))
    }

    @Test func unterminatedStringIsLocatedAtItsQuote() throws {
        let failure = try #require(error("{\"a\": \"abc"))
        #expect(failure.position == SourcePosition(line: 1, column: 7))
        #expect(failure.message == "unterminated string")
        let newline = try #require(error("[\"ab\n\"]"))
        #expect(newline.position == SourcePosition(line: 1, column: 2))
    }

    @Test func deepNestingIsRefused() throws {
        let accepted = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(error(accepted) == nil)
        let refused = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        let failure = try #require(error(refused))
        #expect(failure.position == SourcePosition(line: 1, column: 513))
        #expect(failure.message.contains("deeper than 512"))
    }

    @Test func otherMistakes() throws {
        #expect(error("") != nil)
        #expect(error("01") != nil)
        #expect(error("1.") != nil)
        #expect(error("tru") != nil)
        #expect(error("{'a': 1}") != nil)
        #expect(error("[1] 2") != nil)
        #expect(error("\"\\x\"") != nil)
        #expect(error("\"\\ud800\"") != nil)
        #expect(error("[1 2]")?.position == SourcePosition(line: 1, column: 4))
        #expect(error("{\"a\" 1}")?.message.contains("expected ':'") == true)
        #expect(error("1e999")?.message.contains("too large") == true)
    }
}
