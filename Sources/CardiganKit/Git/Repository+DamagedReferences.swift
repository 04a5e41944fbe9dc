internal import CLibgit2
import Foundation

/// A loose reference file that git cannot follow: its text is not an object id (git says
/// "ignoring broken ref" and no longer sees the reference, not even a copy in `packed-refs`), or
/// the object it names is not in the repository.
public struct DamagedReference: Sendable, Hashable {
    /// What is wrong with it.
    public enum Damage: Sendable, Hashable {
        /// The file does not hold an object id (or a symbolic reference).
        case unreadable
        /// The file names an object the repository does not have.
        case missingObject(ObjectID)
    }

    /// The reference's full name, `refs/tags/cards/x/v1`.
    public var name: String
    /// The loose file's path.
    public var file: String
    /// What is wrong with it.
    public var damage: Damage
}

extension Repository {
    /// The repository's common folder (the main `.git` folder, also from a linked worktree),
    /// without a trailing slash: where references live.
    public var commonDirectory: String {
        let path = String(cString: git_repository_commondir(pointer))
        return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// The loose reference files under `prefix` (`refs/tags/`) that git cannot follow, sorted by
    /// name. libgit2's reference iterator skips a file it cannot parse and then yields the
    /// `packed-refs` copy of the same name as if nothing were wrong, and git refuses both; so
    /// each loose file is looked up by name, which fails for a damaged one, and the object a
    /// readable one names must exist. Lock files (`*.lock`) of a write in progress are not
    /// references.
    public func damagedReferences(under prefix: String) throws -> [DamagedReference] {
        let root = commonDirectory + "/" + prefix
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        let objects = try ObjectDatabase(of: self)
        var damaged: [DamagedReference] = []
        while let relative = enumerator.nextObject() as? String {
            let file = root + relative
            var isDirectory: ObjCBool = false
            guard !relative.hasSuffix(".lock"), FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory),
                !isDirectory.boolValue
            else { continue }
            let name = prefix + relative
            var reference: OpaquePointer?
            let code = git_reference_lookup(&reference, pointer, name)
            defer { if let reference { git_reference_free(reference) } }
            if code == GIT_ENOTFOUND.rawValue { continue }  // removed since the folder was listed
            guard code == 0, let reference else {
                damaged.append(DamagedReference(name: name, file: file, damage: .unreadable))
                continue
            }
            guard let target = git_reference_target(reference).map(ObjectID.init) else { continue }  // symbolic
            if !objects.contains(target) {
                damaged.append(DamagedReference(name: name, file: file, damage: .missingObject(target)))
            }
        }
        return damaged.sorted { $0.name < $1.name }
    }
}
