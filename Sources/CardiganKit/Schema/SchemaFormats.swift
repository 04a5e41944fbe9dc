import Foundation

/// The `format` values cardigan asserts: `date` and `date-time` (RFC 3339), `uri` (RFC 3986
/// absolute URI) and `email` (RFC 5321 mailbox).
enum SchemaFormats {
    /// Whether `text` is valid for `format`.
    static func isValid(_ text: String, format: CompiledSchemaNode.Format) -> Bool {
        switch format {
        case .date: return isDate(Array(text.utf8))
        case .dateTime: return isDateTime(Array(text.utf8))
        case .uri: return isURI(Array(text.utf8))
        case .email: return isEmail(Array(text.utf8))
        }
    }

    // MARK: RFC 3339

    private static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return bytes.isEmpty ? nil : value
    }

    static func isDate(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 10 else { return false }
        return isDate(bytes[0..<10])
    }

    private static func isDate(_ bytes: ArraySlice<UInt8>) -> Bool {
        let base = bytes.startIndex
        guard bytes.count == 10, bytes[base + 4] == UInt8(ascii: "-"), bytes[base + 7] == UInt8(ascii: "-"),
            let year = digits(bytes[base..<base + 4]), let month = digits(bytes[base + 5..<base + 7]),
            let day = digits(bytes[base + 8..<base + 10]), (1...12).contains(month)
        else { return false }
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day >= 1 && day <= lengths[month - 1]
    }

    static func isDateTime(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 20, isDate(bytes[0..<10]), bytes[10] | 0x20 == UInt8(ascii: "t") else { return false }
        let time = bytes[11...]
        let t = time.startIndex
        guard time.count >= 9, time[t + 2] == UInt8(ascii: ":"), time[t + 5] == UInt8(ascii: ":"),
            let hour = digits(time[t..<t + 2]), let minute = digits(time[t + 3..<t + 5]),
            let second = digits(time[t + 6..<t + 8]), hour <= 23, minute <= 59, second <= 60
        else { return false }
        var cursor = t + 8
        if time[cursor] == UInt8(ascii: ".") {
            cursor += 1
            let fractionStart = cursor
            while cursor < time.endIndex, time[cursor] >= 0x30 && time[cursor] <= 0x39 { cursor += 1 }
            guard cursor > fractionStart, cursor < time.endIndex else { return false }
        }
        var offsetMinutes = 0
        let zone = time[cursor...]
        if zone.count == 1 && zone[cursor] | 0x20 == UInt8(ascii: "z") {
            offsetMinutes = 0
        } else {
            guard zone.count == 6, zone[cursor] == UInt8(ascii: "+") || zone[cursor] == UInt8(ascii: "-"),
                zone[cursor + 3] == UInt8(ascii: ":"), let offsetHour = digits(zone[cursor + 1..<cursor + 3]),
                let offsetMinute = digits(zone[cursor + 4..<cursor + 6]), offsetHour <= 23, offsetMinute <= 59
            else { return false }
            offsetMinutes = (offsetHour * 60 + offsetMinute) * (zone[cursor] == UInt8(ascii: "-") ? -1 : 1)
        }
        if second == 60 {
            // A leap second is only ever inserted at 23:59:60 UTC.
            let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    // MARK: RFC 3986

    private static func isAlpha(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isHex(_ byte: UInt8) -> Bool { SchemaURI.hexValue(byte) != nil }
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        isAlpha(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
    }
    private static func isSubDelim(_ byte: UInt8) -> Bool {
        "!$&'()*+,;=".utf8.contains(byte)
    }

    /// Whether every byte is unreserved, a sub-delimiter, one of `extra`, or part of a `%XX` escape.
    private static func isEncoded(_ bytes: ArraySlice<UInt8>, extra: String) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex, isHex(bytes[index + 1]), isHex(bytes[index + 2]) else { return false }
                index += 3
                continue
            }
            guard isUnreserved(byte) || isSubDelim(byte) || extra.utf8.contains(byte) else { return false }
            index += 1
        }
        return true
    }

    static func isURI(_ bytes: [UInt8]) -> Bool {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, isAlpha(bytes[0]),
            bytes[1..<colon].allSatisfy({
                isAlpha($0) || isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-")
                    || $0 == UInt8(ascii: ".")
            })
        else { return false }
        var rest = bytes[(colon + 1)...]
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            guard isEncoded(rest[(hash + 1)...], extra: ":@/?") else { return false }
            rest = rest[..<hash]
        }
        if let mark = rest.firstIndex(of: UInt8(ascii: "?")) {
            guard isEncoded(rest[(mark + 1)...], extra: ":@/?") else { return false }
            rest = rest[..<mark]
        }
        if rest.starts(with: "//".utf8) {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
            guard isAuthority(rest[..<end]) else { return false }
            rest = rest[end...]
        }
        return isEncoded(rest, extra: ":@/")
    }

    private static func isAuthority(_ bytes: ArraySlice<UInt8>) -> Bool {
        var hostPort = bytes
        if let at = bytes.lastIndex(of: UInt8(ascii: "@")) {
            guard isEncoded(bytes[..<at], extra: ":") else { return false }
            hostPort = bytes[(at + 1)...]
        }
        var host = hostPort
        if hostPort.first == UInt8(ascii: "[") {
            guard let close = hostPort.firstIndex(of: UInt8(ascii: "]")) else { return false }
            let literal = hostPort[(hostPort.startIndex + 1)..<close]
            guard isIPv6(literal) || isIPvFuture(literal) else { return false }
            host = hostPort[close...].dropFirst()
            guard host.isEmpty || host.first == UInt8(ascii: ":") else { return false }
            return host.dropFirst().allSatisfy(isDigit)
        }
        if let portColon = hostPort.lastIndex(of: UInt8(ascii: ":")) {
            guard hostPort[(portColon + 1)...].allSatisfy(isDigit) else { return false }
            host = hostPort[..<portColon]
        }
        return isEncoded(host, extra: "")
    }

    private static func isIPvFuture(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.first.map({ $0 | 0x20 == UInt8(ascii: "v") }) ?? false,
            let dot = bytes.firstIndex(of: UInt8(ascii: ".")), dot > bytes.startIndex + 1
        else { return false }
        let tail = bytes[(dot + 1)...]
        return bytes[(bytes.startIndex + 1)..<dot].allSatisfy(isHex) && !tail.isEmpty
            && tail.allSatisfy { isUnreserved($0) || isSubDelim($0) || $0 == UInt8(ascii: ":") }
    }

    static func isIPv4(_ bytes: ArraySlice<UInt8>) -> Bool {
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        return parts.allSatisfy { part in
            guard (1...3).contains(part.count), part.allSatisfy(isDigit), let value = digits(part) else { return false }
            return value <= 255 && !(part.count > 1 && part.first == UInt8(ascii: "0"))
        }
    }

    static func isIPv6(_ bytes: ArraySlice<UInt8>) -> Bool {
        var groups = bytes.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false).map { $0 }
        var groupCount = 0
        var hasIPv4 = false
        if let last = groups.last, last.contains(UInt8(ascii: ".")) {
            guard isIPv4(last) else { return false }
            hasIPv4 = true
            groups.removeLast()
            groups.append(ArraySlice("0".utf8))
            groupCount += 1
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let compressions = text.components(separatedBy: "::").count - 1
        guard compressions <= 1 else { return false }
        // Empty groups come only from "::" (two at the ends, one in the middle).
        var emptyRun = 0
        for (index, group) in groups.enumerated() {
            if group.isEmpty {
                emptyRun += 1
                let atEdge = index == 0 || index == groups.count - 1
                if !atEdge && compressions == 0 { return false }
                continue
            }
            guard group.count <= 4, group.allSatisfy(isHex) else { return false }
            if !(hasIPv4 && index == groups.count - 1) { groupCount += 1 }
        }
        if compressions == 0 {
            return emptyRun == 0 && (hasIPv4 ? groupCount + 1 : groupCount) == 8
        }
        let total = hasIPv4 ? groupCount + 1 : groupCount
        // "::" stands for at least one group of zeros.
        if text.hasPrefix(":") && !text.hasPrefix("::") { return false }
        if text.hasSuffix(":") && !text.hasSuffix("::") { return false }
        return total <= 7
    }

    // MARK: RFC 5321

    static func isEmail(_ bytes: [UInt8]) -> Bool {
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")), at > 0, at < bytes.count - 1 else { return false }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        return isLocalPart(local) && isMailDomain(domain)
    }

    private static func isAtext(_ byte: UInt8) -> Bool {
        isAlpha(byte) || isDigit(byte) || "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
    }

    private static func isLocalPart(_ bytes: ArraySlice<UInt8>) -> Bool {
        if bytes.first == UInt8(ascii: "\"") {
            guard bytes.count >= 2, bytes.last == UInt8(ascii: "\"") else { return false }
            var index = bytes.startIndex + 1
            while index < bytes.endIndex - 1 {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\") {
                    guard index + 1 < bytes.endIndex - 1 else { return false }
                    index += 2
                    continue
                }
                guard byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") else { return false }
                index += 1
            }
            return true
        }
        let atoms = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return atoms.allSatisfy { !$0.isEmpty && $0.allSatisfy(isAtext) }
    }

    private static func isMailDomain(_ bytes: ArraySlice<UInt8>) -> Bool {
        if bytes.first == UInt8(ascii: "[") {
            guard bytes.last == UInt8(ascii: "]") else { return false }
            let literal = bytes.dropFirst().dropLast()
            if literal.starts(with: "IPv6:".utf8) { return isIPv6(literal.dropFirst(5)) }
            return isIPv4(literal)
        }
        let labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
                && label.allSatisfy { isAlpha($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
        }
    }
}
