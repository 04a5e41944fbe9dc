internal import CLibgit2
import Foundation

/// A failure reported by libgit2, in cardigan's words where it has a meaning of its own.
public enum GitError: Error, CustomStringConvertible, Sendable {
    /// Any other libgit2 failure: the function, its return code and libgit2's message.
    case libgit2(function: String, code: Int32, message: String)
    /// No repository at or above a path.
    case notARepository(path: String)
    /// A repository owned by another user that git's `safe.directory` does not trust.
    case notOwned(path: String, owner: UInt32)
    /// A reference that must not exist exists (tags are created, never replaced).
    case alreadyExists(reference: String)
    /// A compare-and-swap reference update found another value than expected.
    case referenceMoved(reference: String, expected: ObjectID?, actual: ObjectID?)
    /// An object or reference that is not there.
    case notFound(String)
    /// No author or committer identity is configured.
    case missingIdentity(String)
    /// A lock file exists (`index.lock`, a ref's `.lock`): held by another process, or left by
    /// one that was killed. Carries the lock file's path.
    case locked(String)

    public var description: String {
        switch self {
        case .libgit2(let function, let code, let message):
            return "\(function) failed (\(code)): \(message)"
        case .notARepository(let path):
            return "not a git repository (or any parent): '\(path)'"
        case .notOwned(let path, let owner):
            return
                "'\(path)' is owned by another user (uid \(owner)); git's 'safe.directory' setting does not trust it, so neither does cardigan"
        case .alreadyExists(let reference):
            let name = reference.replacingOccurrences(of: "refs/tags/", with: "")
            return reference.hasPrefix("refs/tags/") ? "tag '\(name)' already exists" : "'\(reference)' already exists"
        case .referenceMoved(let reference, let expected, let actual):
            return
                "'\(reference)' moved from \(expected?.short ?? "nothing") to \(actual?.short ?? "nothing") while committing; nothing was written, run again"
        case .notFound(let what):
            return "not found: \(what)"
        case .missingIdentity(let role):
            return
                "no \(role) identity: set user.name and user.email in git's configuration, or GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL"
        case .locked(let lockFile):
            return
                "'\(lockFile)' exists: another git process holds this lock, or one was killed while holding it; if no git process is running, delete it"
        }
    }
}

/// libgit2's global state, initialised once, on first use, from any thread.
enum Libgit2 {
    private static let initialised: Bool = {
        git_libgit2_init()
        // Set before any pack is opened: a window already mapped stays as it is. 32 MiB windows
        // instead of 1 GiB ones, so the mapping limit `verify` sets can unmap part of a large pack.
        _ = cardigan_set_mwindow_size(32 << 20)
        return true
    }()

    /// Makes sure libgit2 is initialised.
    static func initialize() {
        _ = initialised
    }

    /// Whether libgit2 fsyncs the object and reference files it writes (and their folders)
    /// before it renames them into place, so a crash or power loss after a command said it
    /// committed cannot lose the commit or its tags. On by default (``CardStore`` sets it from
    /// `.cardigan.yaml`'s `fsync`).
    static func setFsync(_ enabled: Bool) {
        initialize()
        _ = cardigan_enable_fsync_gitdir(enabled ? 1 : 0)
        fsyncEnabled = enabled
    }

    /// Whether libgit2 hashes every object it reads again and compares the result with its id
    /// (on by default). Hashing with the collision-detecting SHA-1 was a quarter of a fresh
    /// clone's `verify` (mostly the cards folder's tree, read once per commit); git itself does
    /// not re-hash what it reads, `git fsck` does. `verify --no-cache`, the audit that trusts
    /// nothing on disk but git's objects, keeps it on. Each command's value is decided in one
    /// place, `CardStore.hashesObjectsOnRead(for:)`.
    static func setHashVerification(_ enabled: Bool) {
        initialize()
        _ = cardigan_enable_strict_hash_verification(enabled ? 1 : 0)
    }

    /// The most bytes of parsed objects libgit2 keeps in its cache (256 MiB by default). A
    /// whole-history read such as `verify` reads each tag object and commit once, so a cache
    /// that kept every one of 100,000 tags only added to the memory the command needs.
    static func setObjectCacheLimit(bytes: Int) {
        initialize()
        _ = cardigan_set_cache_max_size(Int64(bytes))
    }

    /// The most bytes of pack files libgit2 keeps mapped at once (8 GiB by default on 64-bit);
    /// past it, the windows used least recently (32 MiB each, see ``initialised``) are
    /// unmapped. A whole-history read touches every pack (a repository as cardigan writes it
    /// holds one per large commit, a clone one large one), and each mapped page counts in the
    /// command's memory.
    static func setPackMappingLimit(bytes: Int) {
        initialize()
        _ = cardigan_set_mwindow_mapped_limit(Int64(bytes))
    }

    /// What ``setFsync(_:)`` last set, for the files cardigan writes itself in the git folder
    /// (``PackedRefsWriter``); libgit2 1.5 has no getter for it. Set once per process, before
    /// any write.
    nonisolated(unsafe) private(set) static var fsyncEnabled = true
}

/// Turns a libgit2 return code into a typed error, reading `git_error_last()` at once.
@discardableResult
func check(_ code: Int32, _ function: String, reference: String? = nil) throws -> Int32 {
    guard code < 0 else { return code }
    // libgit2 leaves no message for some system call failures: then errno says why.
    let systemError = errno
    let message =
        git_error_last().map { String(cString: $0.pointee.message) }
        ?? (systemError != 0 ? String(cString: strerror(systemError)).lowercased() : "unknown error")
    switch code {
    case GIT_EEXISTS.rawValue: throw GitError.alreadyExists(reference: reference ?? message)
    case GIT_ENOTFOUND.rawValue: throw GitError.notFound(reference.map { "'\($0)': \(message)" } ?? message)
    case GIT_ELOCKED.rawValue:
        // libgit2 names the lock file in its message ("failed to lock file '…/x.lock' …").
        let quoted = message.split(separator: "'").first { $0.hasSuffix(".lock") }.map(String.init)
        throw GitError.locked(quoted ?? reference.map { $0 + ".lock" } ?? message)
    default: throw GitError.libgit2(function: function, code: code, message: message)
    }
}
