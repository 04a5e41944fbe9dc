internal import CLibgit2
import Foundation

/// A git repository opened through libgit2; owns the `git_repository` handle and frees it in
/// `deinit`. Every read and write cardigan makes to git goes through here.
///
/// Not `Sendable`: libgit2 allows one repository handle per thread. Code that reads on several
/// threads copies the bytes out first.
public final class Repository {
    let pointer: OpaquePointer
    /// The last trees ``changedFiles(in:from:to:)`` loaded: walking a linear history, each
    /// commit's folder is the next commit's parent folder, and libgit2 does not cache trees of
    /// more than 4 KiB.
    var recentTrees: [(id: ObjectID, tree: LoadedObject)] = []
    /// The commit the last annotated tag pointed at: one commit of 1,000 new cards gets 2,000
    /// tags, and a commit whose trailers are over 4 KiB is not in libgit2's cache, so looking
    /// it up for each tag inflated and parsed it 2,000 times.
    var lastTagTarget: (id: ObjectID, object: LoadedObject)?
    /// The root tree of each commit read so far (by ``commit(_:)`` or ``rootTreeID(of:)``): a
    /// commit's tree never changes, and a commit of 1,000 cards carries 1,000 trailer groups,
    /// over libgit2's 4 KiB cache limit for commits, so each look-up inflated and parsed it
    /// again (`verify` at 100,000 versions: five times per commit, 7% of its instructions).
    /// About 100 bytes per commit read, for the handle's life.
    var rootTrees: [ObjectID: ObjectID] = [:]
    /// While ``writingObjectsAsOnePack(_:)`` runs: every object written so far, in order, for
    /// the pack (nil otherwise).
    var objectsForPack: [ObjectID]?
    /// While ``writingObjectsAsOnePack(_:)`` runs: the in-memory backend that receives the
    /// objects (nil otherwise).
    var packStaging: UnsafeMutablePointer<git_odb_backend>?
    /// What this repository has read, for tests (``ReadCounts``).
    var reads = ReadCounts()

    private init(pointer: OpaquePointer) {
        self.pointer = pointer
        dropMultiPackIndexNamingMissingPacks()
    }

    deinit {
        // Objects and trees kept for speed go first: they belong to the repository.
        recentTrees.removeAll()
        lastTagTarget = nil
        git_repository_free(pointer)
    }

    /// The repository holding `path`, searched upwards from it as git does. A repository owned
    /// by another user is opened when git's `safe.directory` trusts it (``SafeDirectory``).
    public static func discover(
        from path: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Repository {
        Libgit2.initialize()
        var handle: OpaquePointer?
        var code = git_repository_open_ext(&handle, path, 0, nil)
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EOWNER.rawValue,
            let foreign = SafeDirectory.foreignRepository(above: path)
        {
            guard SafeDirectory.trusts(foreign.path, environment: environment) else {
                throw GitError.notOwned(path: foreign.path, owner: foreign.owner)
            }
            SafeDirectory.disableOwnerValidation()
            code = git_repository_open_ext(&handle, path, 0, nil)
        }
        if code == GIT_ENOTFOUND.rawValue { throw GitError.notARepository(path: path) }
        try check(code, "git_repository_open_ext")
        guard let handle else { throw GitError.notARepository(path: path) }
        let repository = Repository(pointer: handle)
        try repository.applyConfigEnvironment(environment)
        return repository
    }

    /// The repository exactly at `path` (a working tree or a `.git`/bare folder), reading git's
    /// configuration from the files `environment` names, as git would.
    public static func open(
        at path: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Repository {
        Libgit2.initialize()
        var handle: OpaquePointer?
        let code = git_repository_open_ext(&handle, path, UInt32(GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue), nil)
        if code == GIT_ENOTFOUND.rawValue { throw GitError.notARepository(path: path) }
        try check(code, "git_repository_open_ext")
        guard let handle else { throw GitError.notARepository(path: path) }
        let repository = Repository(pointer: handle)
        try repository.applyConfigEnvironment(environment)
        return repository
    }

    /// The repository git's environment names (`GIT_DIR`, `GIT_OBJECT_DIRECTORY`,
    /// `GIT_ALTERNATE_OBJECT_DIRECTORIES`): what a server hook must open, since the objects being
    /// pushed wait in a quarantine folder that only these variables point at.
    public static func openFromEnvironment(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Repository {
        Libgit2.initialize()
        var handle: OpaquePointer?
        try check(
            git_repository_open_ext(&handle, nil, UInt32(GIT_REPOSITORY_OPEN_FROM_ENV.rawValue), nil),
            "git_repository_open_ext")
        guard let handle else { throw GitError.notARepository(path: "$GIT_DIR") }
        let repository = Repository(pointer: handle)
        try repository.applyConfigEnvironment(environment)
        return repository
    }

    /// The working tree's folder, without a trailing slash; nil for a bare repository.
    public var workdir: String? {
        guard let path = git_repository_workdir(pointer) else { return nil }
        return Self.trimmed(String(cString: path))
    }

    /// The `.git` folder (or the bare repository's folder), without a trailing slash.
    public var gitDirectory: String { Self.trimmed(String(cString: git_repository_path(pointer))) }

    /// Whether the repository is a shallow clone (its history cut off by `--depth`).
    public var isShallow: Bool { git_repository_is_shallow(pointer) == 1 }

    /// Whether the repository has no working tree.
    public var isBare: Bool { git_repository_is_bare(pointer) == 1 }

    private static func trimmed(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}
