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

    /// The place of the revision `spec` (`HEAD`, `feature`, `origin/main`) in a finding about a
    /// whole branch: the full name of the reference it names (`refs/heads/feature`; `HEAD` when
    /// detached), as a refused push names the branch, or the revision as the user gave it when
    /// it names none (a commit id, `pr~2`). Never the reference's file inside `.git`: a reviewer
    /// cannot act on that, and it does not exist once references are packed.
    func revisionLocation(_ spec: String) throws -> Location {
        Location(path: try repository.referenceName(of: spec) ?? spec)
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
