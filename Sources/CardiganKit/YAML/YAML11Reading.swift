/// How a YAML 1.1 reader (PyYAML, and the many pipelines built on it) reads a plain scalar,
/// when that differs from the YAML 1.2 core schema cardigan uses: `no` is a string here and
/// false there, `010` is 10 here and 8 there, `1e3` is a number here and a string there,
/// `2024-01-15` a string here and a date there.
///
/// PyYAML's implicit resolvers are the reference (YAML 1.1's bool, int, float and timestamp
/// types; its bool set adds `y`/`n`, which other 1.1 readers take as booleans too).
enum YAML11Reading {
    /// What YAML 1.1 makes of plain scalar `text` whose YAML 1.2 core value is `core`, in words
    /// for a message ("the boolean false"); nil when both read it alike.
    static func differingReading(of text: String, core: ValueNode.Kind) -> String? {
        if readsAlike(text, core: core) { return nil }
        return slowDifferingReading(of: text, core: core)
    }

    /// Whether `text` is a short plain decimal — `42`, `-7`, `0.91`, `12.5` (no leading zero
    /// but `0` itself, no `+`, `_`, `:` or exponent) — that both schemas read as `core`: the
    /// usual number in a card, answered from its bytes instead of by the full YAML 1.1 readers
    /// below (their `String` handling was 12% of a commit of many cards). Anything else, and any
    /// such text whose `core` differs, is left to ``slowDifferingReading(of:core:)``.
    static func readsAlike(_ text: String, core: ValueNode.Kind) -> Bool {
        var text = text
        return text.withUTF8 { bytes -> Bool in
            guard !bytes.isEmpty, bytes.count <= 15 else { return false }
            var index = bytes[0] == UInt8(ascii: "-") ? 1 : 0
            let wholeStart = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            let wholeCount = index - wholeStart
            guard wholeCount > 0, wholeCount == 1 || bytes[wholeStart] != UInt8(ascii: "0") else { return false }
            guard index < bytes.count else {
                // An integer of at most 15 digits: YAML 1.1's !!int and the core's integer agree.
                guard case .integer(let value) = core else { return false }
                return Int(String(decoding: bytes, as: UTF8.self)) == value
            }
            guard bytes[index] == UInt8(ascii: "."), index + 1 < bytes.count else { return false }
            index += 1
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            guard index == bytes.count, case .number(let value) = core else { return false }
            return Double(String(decoding: bytes, as: UTF8.self)) == value
        }
    }

    /// ``differingReading(of:core:)`` by the YAML 1.1 readers themselves, whatever the text.
    static func slowDifferingReading(of text: String, core: ValueNode.Kind) -> String? {
        switch text {
        case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON": return "the boolean true"
        case "n", "N", "no", "No", "NO", "off", "Off", "OFF": return "the boolean false"
        default: break
        }
        guard let first = text.unicodeScalars.first,
            first == "-" || first == "+" || first == "." || ("0"..."9").contains(first)
        else { return nil }
        if isTimestamp(text) { return text.count == 10 ? "a date" : "a timestamp" }
        if isLargeDecimal(text), case .number = core { return nil }  // the same number, as near as either can
        if let integer = integer(text) {
            if case .integer(let value) = core, value == integer { return nil }
            if case .number(let value) = core, value == Double(integer) { return nil }
            return "the integer \(integer)"
        }
        if let number = float(text) {
            if case .number(let value) = core, value == number || (value.isNaN && number.isNaN) { return nil }
            if case .integer(let value) = core, Double(value) == number { return nil }
            return "the number \(CanonicalJSON.format(number))"
        }
        switch core {
        case .integer, .number: return "the string '\(text)'"
        default: return nil
        }
    }

    /// YAML 1.1 `!!int`: binary, octal with a leading 0, decimal and hex with `_` separators,
    /// and base 60 (`1:20` is 80).
    static func integer(_ text: String) -> Int? {
        var body = Substring(text)
        var sign = 1
        if body.first == "-" || body.first == "+" {
            sign = body.first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        guard !body.isEmpty else { return nil }
        if body.contains(":") {
            let parts = body.split(separator: ":", omittingEmptySubsequences: false)
            guard let head = parts.first, head.first != "0", head.first != "_",
                head.allSatisfy({ $0 == "_" || ($0.isASCII && $0.isNumber) }),
                let headValue = Int(head.filter { $0 != "_" })
            else { return nil }
            var value = headValue
            for part in parts.dropFirst() {
                guard (1...2).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }),
                    let digit = Int(part), digit < 60,
                    part.count == 1 || part.first.map({ ("0"..."5").contains($0) }) == true
                else { return nil }
                value = value * 60 + digit
            }
            return sign * value
        }
        let radix: Int
        var digits = body
        if body.hasPrefix("0b") {
            radix = 2
            digits = body.dropFirst(2)
        } else if body.hasPrefix("0x") {
            radix = 16
            digits = body.dropFirst(2)
        } else if body.count > 1, body.first == "0" {
            radix = 8
            digits = body.dropFirst()
        } else {
            radix = 10
        }
        // Digits of the radix and '_' only (Swift's Int parser would also take a sign).
        guard !digits.isEmpty, digits.allSatisfy({ $0 == "_" || ($0.hexDigitValue.map { $0 < radix } ?? false) })
        else { return nil }
        if radix == 10, digits.first == "_" { return nil }
        let cleaned = digits.filter { $0 != "_" }
        if cleaned.isEmpty { return radix == 8 ? 0 : nil }  // `0_` is 0; `0x_` reads as nothing
        if let value = Int(cleaned, radix: radix) { return sign * value }
        return nil
    }

    /// Whether `text` is a YAML 1.1 decimal integer too large for 64 bits (which YAML 1.2 core
    /// reads as a number of about the same value).
    static func isLargeDecimal(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        return body.count > 18 && body.first != "0" && body.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// YAML 1.1 `!!float` as PyYAML resolves it: a `.` is required, an exponent needs its sign
    /// (`1.0e+3`; `1e3` is a string), `_` separators, base 60, `.inf` and `.nan`.
    static func float(_ text: String) -> Double? {
        var body = Substring(text)
        var sign = 1.0
        if body.first == "-" || body.first == "+" {
            sign = body.first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        switch body {
        case ".inf", ".Inf", ".INF": return sign * .infinity
        case ".nan", ".NaN", ".NAN": return text == body ? .nan : nil
        default: break
        }
        guard let dot = body.firstIndex(of: ".") else { return nil }
        let whole = body[..<dot]
        var fraction = body[body.index(after: dot)...]
        var exponent: Substring = ""
        if let e = fraction.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = fraction[fraction.index(after: e)...]
            fraction = fraction[..<e]
            guard exponent.first == "+" || exponent.first == "-", exponent.count > 1,
                exponent.dropFirst().allSatisfy({ ("0"..."9").contains($0) })
            else { return nil }
        }
        guard fraction.allSatisfy({ ("0"..."9").contains($0) || $0 == "_" }) else { return nil }
        if whole.contains(":") {
            guard exponent.isEmpty, let base = integer(String(whole)) else { return nil }
            return sign * (Double(base) + (Double("0." + fraction.filter { $0 != "_" }) ?? 0))
        }
        if whole.isEmpty {
            // PyYAML's `.5` form takes no sign.
            guard !fraction.isEmpty, fraction.first != "_", body.count == text.count else { return nil }
        } else {
            guard whole.first.map({ ("0"..."9").contains($0) }) == true,
                whole.allSatisfy({ ("0"..."9").contains($0) || $0 == "_" })
            else { return nil }
        }
        let plain = (whole.isEmpty ? "0" : whole.filter { $0 != "_" }) + "." + fraction.filter { $0 != "_" } + "0"
        guard let value = Double(plain + (exponent.isEmpty ? "" : "e" + exponent)) else { return nil }
        return sign * value
    }

    /// YAML 1.1 `!!timestamp`: `2001-12-14`, or a date with a time (`2001-12-14t21:59:43.10-05:00`,
    /// `2001-12-14 21:59:43.10 -5`).
    static func isTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= bytes.count && range.allSatisfy { (48...57).contains(bytes[$0]) }
        }
        guard bytes.count >= 10, digits(0..<4), bytes[4] == UInt8(ascii: "-") else { return false }
        if bytes.count == 10 { return digits(5..<7) && bytes[7] == UInt8(ascii: "-") && digits(8..<10) }
        // With a time: month and day of one or two digits, then 'T', 't' or blanks, then h:mm:ss.
        let text = Substring(text)
        let parts = text.split(separator: "-", maxSplits: 2)
        guard parts.count == 3, (1...2).contains(parts[1].count), parts[1].allSatisfy(\.isNumber) else { return false }
        let rest = parts[2]
        guard let separator = rest.firstIndex(where: { $0 == "T" || $0 == "t" || $0 == " " || $0 == "\t" }) else {
            return false
        }
        let day = rest[..<separator]
        let time = rest[separator...].drop { $0 == "T" || $0 == "t" || $0 == " " || $0 == "\t" }
        guard (1...2).contains(day.count), day.allSatisfy(\.isNumber) else { return false }
        let clock = time.split(separator: ":", maxSplits: 2)
        guard clock.count == 3, (1...2).contains(clock[0].count), clock[0].allSatisfy(\.isNumber),
            clock[1].count == 2, clock[1].allSatisfy(\.isNumber), clock[2].prefix(2).count == 2,
            clock[2].prefix(2).allSatisfy(\.isNumber)
        else { return false }
        // Then an optional fraction, blanks, and a zone: 'Z' or +h, -hh, +hh:mm.
        var zone = clock[2].dropFirst(2)
        if zone.first == "." { zone = zone.dropFirst().drop(while: \.isNumber) }
        zone = zone.drop { $0 == " " || $0 == "\t" }
        if zone.isEmpty || zone == "Z" { return true }
        guard zone.first == "+" || zone.first == "-" else { return false }
        let offset = zone.dropFirst().split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(offset.count), (1...2).contains(offset[0].count), offset[0].allSatisfy(\.isNumber)
        else { return false }
        return offset.count == 1 || (offset[1].count == 2 && offset[1].allSatisfy(\.isNumber))
    }

    /// A value as YAML 1.2 core reads it, in words for a message.
    static func describe(_ kind: ValueNode.Kind, text: String) -> String {
        switch kind {
        case .null: return "null"
        case .bool(let value): return "the boolean \(value)"
        case .integer(let value): return "the integer \(value)"
        case .number(let value): return "the number \(CanonicalJSON.format(value))"
        default: return "the string '\(text)'"
        }
    }

    /// The warning for plain scalar `text` (a key when `isKey`) at `position`, read as `core`,
    /// when YAML 1.1 reads it otherwise.
    static func warning(_ text: String, core: ValueNode.Kind, isKey: Bool, path: String, position: SourcePosition)
        -> Finding?
    {
        guard let other = differingReading(of: text, core: core) else { return nil }
        let subject = isKey ? "key '\(text)'" : "'\(text)'"
        return Finding(
            ruleID: .yaml11Ambiguous, severity: .warning,
            message:
                "\(subject) is \(describe(core, text: text)) here (YAML 1.2), but YAML 1.1 readers such as PyYAML read it as \(other)",
            location: Location(path: path, position: position),
            hint: "quote it ('\(text)') to keep the text, or write the value so both read it alike")
    }
}
