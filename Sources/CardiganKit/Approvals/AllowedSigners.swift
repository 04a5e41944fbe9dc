import Foundation

/// An OpenSSH `allowed_signers` file (ssh-keygen(1), "ALLOWED SIGNERS"), the file git names in
/// `gpg.ssh.allowedSignersFile`: one line per key, `principals [options] keytype base64 [comment]`.
///
/// Options read: `namespaces="…"` (the key signs only in those namespaces), `valid-after` and
/// `valid-before` (`YYYYMMDD[HHMM[SS]][Z]`, read as UTC). A `cert-authority` line trusts
/// certificates, which cardigan does not verify, so it allows nothing.
public struct AllowedSigners: Sendable, Equatable {
    /// One line of the file.
    public struct Entry: Sendable, Equatable {
        /// The principal patterns (`*` and `?` wildcards, `!` to exclude).
        public var principals: [String]
        /// The key.
        public var key: SSHPublicKey
        /// The namespaces the key may sign in; nil for any.
        public var namespaces: [String]?
        /// The key is valid from this time on, when given.
        public var validAfter: Date?
        /// The key is valid before this time, when given.
        public var validBefore: Date?
        /// Whether the line is a `cert-authority` line.
        public var isCertificateAuthority = false
        /// The 1-based line in the file.
        public var line: Int
    }

    /// The usable lines.
    public var entries: [Entry] = []
    /// Lines that cannot be read: line number and what is wrong.
    public var problems: [(line: Int, message: String)] = []

    /// An `approval-policy` finding for each line that cannot be read, at its line of the file
    /// (`path`): `message` of the line's problem, and `hint`. The pre-commit hook and
    /// `approve --policy` refuse a signers file this way.
    func problemFindings(at path: String, message: (String) -> String, hint: String) -> [Finding] {
        problems.map { problem in
            Finding(
                ruleID: .approvalPolicy, message: message(problem.message),
                location: Location(path: path, position: SourcePosition(line: problem.line, column: 1)), hint: hint)
        }
    }

    /// Reads the file's text.
    public init(text: String) {
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            do {
                entries.append(try Self.entry(line, number: index + 1))
            } catch let error as SSHFormatError {
                problems.append((index + 1, error.message))
            } catch {
                problems.append((index + 1, "\(error)"))
            }
        }
    }

    /// The same usable lines and the same unreadable line numbers.
    public static func == (lhs: AllowedSigners, rhs: AllowedSigners) -> Bool {
        lhs.entries == rhs.entries && lhs.problems.map(\.line) == rhs.problems.map(\.line)
    }

    /// The principals `key` may sign as in `namespace` at `date`: the patterns of every line for
    /// the key that allows it then, for ``allows(_:key:namespace:date:)`` and for choosing a name.
    public func principalPatterns(for key: SSHPublicKey, namespace: String, date: Date) -> [String] {
        entries.filter { $0.key == key && $0.allows(namespace: namespace, date: date) }.flatMap(\.principals)
    }

    /// The same lines without their line numbers, so that a comment or a blank line added to
    /// the file is not a change of who may sign.
    var withoutLines: AllowedSigners {
        var copy = self
        for index in copy.entries.indices { copy.entries[index].line = 0 }
        copy.problems = problems.map { (0, $0.message) }
        return copy
    }

    /// Whether `principal` may sign with `key` in `namespace` at `date`.
    public func allows(_ principal: String, key: SSHPublicKey, namespace: String, date: Date) -> Bool {
        entries.contains {
            $0.key == key && $0.allows(namespace: namespace, date: date)
                && Self.matches(principal, patternList: $0.principals)
        }
    }

    /// OpenSSH's pattern-list match: no `!pattern` matches and some other pattern does.
    public static func matches(_ name: String, patternList: [String]) -> Bool {
        var matched = false
        for pattern in patternList {
            if pattern.hasPrefix("!") {
                if Glob.matches(name, pattern: String(pattern.dropFirst())) { return false }
            } else if Glob.matches(name, pattern: pattern) {
                matched = true
            }
        }
        return matched
    }

    private static func entry(_ line: String, number: Int) throws -> Entry {
        var fields = tokens(of: line)
        guard fields.count >= 3 else { throw SSHFormatError("expected 'principals [options] keytype key'") }
        let principals = unquoted(fields.removeFirst()).split(separator: ",").map(String.init)
        var options: [(name: String, value: String?)] = []
        if !SSHPublicKey.supportedTypes.contains(fields[0]), isOption(fields[0]) {
            options = splitOutsideQuotes(fields.removeFirst(), on: ",").map { option in
                let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
                return (parts[0].lowercased(), parts.count > 1 ? unquoted(parts[1]) : nil)
            }
        }
        guard fields.count >= 2 else { throw SSHFormatError("expected a key type and a key") }
        var entry = Entry(
            principals: principals, key: try SSHPublicKey(text: fields[0] + " " + fields[1]), line: number)
        for option in options {
            switch (option.name, option.value) {
            case ("cert-authority", nil): entry.isCertificateAuthority = true
            case ("namespaces", let value?): entry.namespaces = value.split(separator: ",").map(String.init)
            case ("valid-after", let value?): entry.validAfter = try time(value)
            case ("valid-before", let value?): entry.validBefore = try time(value)
            default: throw SSHFormatError("unknown option '\(option.name)'")
            }
        }
        return entry
    }

    private static func isOption(_ field: String) -> Bool {
        splitOutsideQuotes(field, on: ",").allSatisfy { $0 == "cert-authority" || $0.contains("=") }
    }

    private static func time(_ text: String) throws -> Date {
        var digits = text.uppercased()
        if digits.hasSuffix("Z") { digits.removeLast() }
        guard [8, 12, 14].contains(digits.count), digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else {
            throw SSHFormatError("cannot read the time '\(text)' (YYYYMMDD[HHMM[SS]][Z])")
        }
        digits += String(repeating: "0", count: 14 - digits.count)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMddHHmmss"
        guard let date = formatter.date(from: digits) else { throw SSHFormatError("cannot read the time '\(text)'") }
        return date
    }

    /// Whitespace-separated fields; a double-quoted stretch is part of its field.
    private static func tokens(of line: String) -> [String] { splitOutsideQuotes(line, on: " ", orTab: true) }

    private static func splitOutsideQuotes(_ text: String, on separator: Character, orTab: Bool = false) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if !quoted, character == separator || (orTab && character == "\t") {
                if !current.isEmpty { fields.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { fields.append(current) }
        return fields
    }

    private static func unquoted(_ text: String) -> String {
        text.count >= 2 && text.hasPrefix("\"") && text.hasSuffix("\"") ? String(text.dropFirst().dropLast()) : text
    }
}

extension AllowedSigners {
    /// Why `key` may not sign in `namespace` at `date` although the file lists it (for
    /// `principal` when given): the first such line and its reason, e.g. `expired (valid-before
    /// 2026-01-01)`; nil when no line lists the key (for the principal) or one allows it.
    public func refusal(of key: SSHPublicKey, principal: String? = nil, namespace: String, date: Date) -> (
        entry: Entry, reason: String
    )? {
        let lines = entries.filter { entry in
            entry.key == key && (principal.map { AllowedSigners.matches($0, patternList: entry.principals) } ?? true)
        }
        guard !lines.contains(where: { $0.allows(namespace: namespace, date: date) }) else { return nil }
        return lines.lazy.compactMap { entry in entry.refusal(namespace: namespace, date: date).map { (entry, $0) } }
            .first
    }
}

extension AllowedSigners.Entry {
    /// Whether the line lets its key sign in `namespace` at `date`.
    func allows(namespace: String, date: Date) -> Bool {
        refusal(namespace: namespace, date: date) == nil
    }

    /// Why the line does not let its key sign in `namespace` at `date`; nil when it does.
    func refusal(namespace: String, date: Date) -> String? {
        if isCertificateAuthority {
            return "is on a cert-authority line, which allows nothing (certificates are not verified)"
        }
        if let namespaces, !AllowedSigners.matches(namespace, patternList: namespaces) {
            return "may sign only in namespaces '\(namespaces.joined(separator: ","))', not '\(namespace)'"
        }
        if let validAfter, date < validAfter { return "is not valid yet (valid-after \(Self.text(of: validAfter)))" }
        if let validBefore, date >= validBefore { return "expired (valid-before \(Self.text(of: validBefore)))" }
        return nil
    }

    /// A validity time as people read it: `2026-01-01` at midnight UTC, else with the time.
    private static func text(of date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        let full = formatter.string(from: date)
        return full.hasSuffix("T00:00:00Z") ? String(full.prefix(10)) : full
    }
}

/// Shell-style wildcards as OpenSSH and the policy's `cards` use them: `*` any run, `?` one
/// character.
enum Glob {
    /// Whether `name` matches `pattern`.
    static func matches(_ name: String, pattern: String) -> Bool {
        let text = Array(name)
        let glob = Array(pattern)
        var textIndex = 0
        var globIndex = 0
        var star: (glob: Int, text: Int)?
        while textIndex < text.count {
            if globIndex < glob.count, glob[globIndex] == "?" || glob[globIndex] == text[textIndex] {
                textIndex += 1
                globIndex += 1
            } else if globIndex < glob.count, glob[globIndex] == "*" {
                star = (globIndex, textIndex)
                globIndex += 1
            } else if let last = star {
                globIndex = last.glob + 1
                textIndex = last.text + 1
                star = (last.glob, last.text + 1)
            } else {
                return false
            }
        }
        while globIndex < glob.count, glob[globIndex] == "*" { globIndex += 1 }
        return globIndex == glob.count
    }
}
