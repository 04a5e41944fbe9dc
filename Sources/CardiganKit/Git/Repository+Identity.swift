internal import CLibgit2
import Foundation

extension Repository {
    /// A value from git's configuration (repository, global, system), nil when unset.
    public func configString(_ key: String) throws -> String? {
        var config: OpaquePointer?
        try check(git_repository_config_snapshot(&config, pointer), "git_repository_config_snapshot")
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        let code = git_config_get_string(&value, config, key)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_config_get_string", reference: key)
        return value.map { String(cString: $0) }
    }

    /// The author or committer as git would choose: `GIT_AUTHOR_NAME`/`_EMAIL`/`_DATE` (or the
    /// committer's) from `environment`, else `user.name`/`user.email` from the configuration,
    /// else `EMAIL` for the address; the time is now unless a `_DATE` variable says otherwise.
    /// libgit2's own default signature ignores the variables, so they are read here.
    public func defaultSignature(
        environment: [String: String] = ProcessInfo.processInfo.environment, role: SignatureRole
    ) throws -> Signature {
        let prefix = role == .author ? "GIT_AUTHOR_" : "GIT_COMMITTER_"
        let roleName = role == .author ? "author" : "committer"
        let configuredName = try configString("user.name")
        let configuredEmail = try configString("user.email")
        let name = nonEmpty(environment[prefix + "NAME"]) ?? nonEmpty(configuredName)
        let email =
            nonEmpty(environment[prefix + "EMAIL"]) ?? nonEmpty(configuredEmail) ?? nonEmpty(environment["EMAIL"])
        guard let name, let email else { throw GitError.missingIdentity(roleName) }
        var time = Int64(Date().timeIntervalSince1970)
        var offset = Int32(TimeZone.current.secondsFromGMT() / 60)
        if let date = nonEmpty(environment[prefix + "DATE"]) {
            guard let parsed = Self.parseGitDate(date) else {
                throw GitError.libgit2(
                    function: "parse \(prefix)DATE", code: -1, message: "cannot read the date '\(date)'")
            }
            (time, offset) = parsed
        }
        return Signature(name: name, email: email, time: time, offsetMinutes: offset)
    }

    private func nonEmpty(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    /// Reads the date forms git accepts most: `@1700000000 +0100`, `1700000000 +0100` and ISO 8601
    /// (`2005-04-07T22:13:13+02:00`, `2005-04-07 22:13:13 +0200`).
    static func parseGitDate(_ text: String) -> (time: Int64, offsetMinutes: Int32)? {
        let parts = text.split(separator: " ")
        if let first = parts.first, let seconds = Int64(first.hasPrefix("@") ? first.dropFirst() : first) {
            let offset = parts.count > 1 ? parseOffset(String(parts[1])) : 0
            return offset.map { (seconds, $0) }
        }
        var iso = text.replacingOccurrences(of: " ", with: "T", options: [], range: text.range(of: " "))
        iso = iso.replacingOccurrences(of: " ", with: "")
        if iso.hasSuffix("Z") == false, let sign = iso.lastIndex(where: { $0 == "+" || $0 == "-" }),
            iso.distance(from: sign, to: iso.endIndex) == 5, !iso[sign...].contains(":")
        {
            iso.insert(":", at: iso.index(sign, offsetBy: 3))
        }
        let formatter = ISO8601DateFormatter()
        guard let date = formatter.date(from: iso) else { return nil }
        var offset: Int32 = 0
        if let sign = iso.lastIndex(where: { $0 == "+" || $0 == "-" }), iso.distance(from: sign, to: iso.endIndex) == 6
        {
            offset = parseOffset(iso[sign...].replacingOccurrences(of: ":", with: "")) ?? 0
        }
        return (Int64(date.timeIntervalSince1970), offset)
    }

    private static func parseOffset(_ text: String) -> Int32? {
        guard text.count == 5, let sign = text.first, sign == "+" || sign == "-",
            let hours = Int32(text.dropFirst().prefix(2)), let minutes = Int32(text.suffix(2))
        else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 60 + minutes)
    }
}
