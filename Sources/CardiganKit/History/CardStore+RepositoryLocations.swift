import Foundation

/// Where a finding about the repository rather than a card file is printed: compilers name the
/// file a diagnostic concerns, so a finding about a reference names the file git keeps it in,
/// and one about a checkpoint names the checkpoint file's line.
extension CardStore {
    /// The place of reference `name` (`refs/tags/cards/x`, `refs/heads/main`): its loose file
    /// (`.git/refs/tags/cards/x`), else the line of `packed-refs` that holds it
    /// (`.git/packed-refs:3:42`, the column of the name), else the repository's folder (`.git`)
    /// when git has it nowhere. Paths are relative to the working tree, as `damagedTagFinding`
    /// shows a reference file.
    func referenceLocation(_ name: String) -> Location {
        let common = repository.commonDirectory
        var isFolder: ObjCBool = false
        let loose = common + "/" + name
        if FileManager.default.fileExists(atPath: loose, isDirectory: &isFolder), !isFolder.boolValue {
            return Location(path: shownPath(of: loose))
        }
        let packed = common + "/packed-refs"
        if let data = FileManager.default.contents(atPath: packed) {
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() where !line.hasPrefix("#") && !line.hasPrefix("^") {
                guard let space = line.firstIndex(of: " "), line[line.index(after: space)...] == name else { continue }
                let column = line.distance(from: line.startIndex, to: space) + 2
                return Location(
                    path: shownPath(of: packed), position: SourcePosition(line: index + 1, column: column))
            }
        }
        return Location(path: shownPath(of: common))
    }

    /// The place of the revision `spec` (`HEAD`, `feature`, `origin/main`): the place of the
    /// reference it names (``referenceLocation(_:)``), or the revision as the user gave it when
    /// it names none (a commit id, `pr~2`): there is no file to name, and the repository's
    /// folder (`.git`) would say nothing a user can act on, while the revision is what they
    /// passed and can look at (`git show <it>`).
    func revisionLocation(_ spec: String) throws -> Location {
        guard let name = try repository.referenceName(of: spec) else { return Location(path: spec) }
        return referenceLocation(name)
    }

    /// `findings` with a place for each finding that has none: a finding about the history of
    /// `branch` that names no card (a commit's malformed record) is placed at the branch's
    /// reference, with its commit in the message. Findings about a tag or a checkpoint get the
    /// tag's or the checkpoint line's place where they are made.
    func placedInRepository(_ findings: [Finding], branch: String) -> [Finding] {
        var branchLocation: Location?
        return findings.map { finding in
            guard finding.location == nil else { return finding }
            if branchLocation == nil { branchLocation = referenceLocation(branch) }
            var placed = finding
            placed.location = branchLocation
            return placed
        }
    }
}
