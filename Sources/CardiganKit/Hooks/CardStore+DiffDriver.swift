import Foundation

extension CardStore {
    /// The name of cardigan's git diff driver (`diff=cardigan` in `.gitattributes`).
    public static let diffDriverName = "cardigan"

    /// Sets up git's diff driver for card files, so `git diff`, `git log -p` and `git show`
    /// show field-level changes: the line `<cards>/*.yaml diff=cardigan` in `.gitattributes`
    /// (added when missing; commit it so every clone marks card files), and in this clone's
    /// configuration `diff.cardigan.command` (the whole semantic diff, which `git diff` runs)
    /// and `diff.cardigan.textconv` (one line per field, which `git log -p` and `git show` diff,
    /// as they run no external diff without `--ext-diff`). Returns what was done.
    public func installDiffDriver(executable: String) throws -> [String] {
        guard let workdir = repository.workdir else { return [] }  // a server's bare repository diffs nothing
        let quoted = "'" + executable.replacingOccurrences(of: "'", with: "'\\''") + "'"
        var done: [String] = []
        let attributesPath = (workdir.hasSuffix("/") ? workdir : workdir + "/") + ".gitattributes"
        let line = "\(cardsDirectory)/*.yaml diff=\(Self.diffDriverName)"
        let existing = FileManager.default.contents(atPath: attributesPath).map { String(decoding: $0, as: UTF8.self) }
        if existing?.split(separator: "\n").contains(where: { $0.trimmingCharacters(in: .whitespaces) == line }) != true
        {
            var text = existing ?? ""
            if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
            text += line + "\n"
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: attributesPath), options: .atomic)
            } catch {
                throw CardiganError("cannot write '.gitattributes': \(error.localizedDescription)")
            }
            done.append("added '\(line)' to .gitattributes (commit it)")
        }
        try repository.setLocalConfigString("diff.\(Self.diffDriverName).command", "\(quoted) hook diff-driver")
        try repository.setLocalConfigString("diff.\(Self.diffDriverName).textconv", "\(quoted) hook textconv")
        done.append(
            "set diff.\(Self.diffDriverName).command and .textconv: git diff, log -p and show compare card fields")
        return done
    }
}
