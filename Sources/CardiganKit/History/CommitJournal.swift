import Foundation

/// What a commit in flight still has to do once its branch has moved: written to
/// `.git/cardigan-commit.json` after the commit's objects exist and before the branch moves,
/// removed when its tags, working files and index entries are done. A commit that is killed or
/// fails (a full disk, a lock) in between leaves it, and the next `cardigan commit` (or
/// `status`, `link`, `clone`, `verify --repair`) finishes the job, so no failure leaves hand work.
struct CommitJournal: Codable, Equatable {
    /// One card file of the commit.
    struct File: Codable, Equatable {
        /// The file's path from the repository root.
        var path: String
        /// The blob id committed.
        var committed: String
        /// The blob id of the working file when the commit began; nil when there was none.
        var workingBefore: String?
    }

    /// A link tag the commit makes.
    struct Link: Codable, Equatable {
        var card: String
        var version: Int
        var package: String
        var arn: String?
    }

    /// The commit made.
    var commit: String
    /// The branch it moves.
    var branch: String
    /// The card files it commits.
    var files: [File]
    /// The link tags it makes.
    var links: [Link]

    /// The journal's path in the git directory `gitDirectory`.
    static func path(in gitDirectory: String) -> String {
        (gitDirectory.hasSuffix("/") ? gitDirectory : gitDirectory + "/") + "cardigan-commit.json"
    }

    /// The journal left in `gitDirectory`, if any. An unreadable one (a kill mid-write cannot
    /// leave one: it is written whole, then renamed) is an error that names the file.
    static func read(in gitDirectory: String) throws -> CommitJournal? {
        let path = path(in: gitDirectory)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do {
            return try JSONDecoder().decode(CommitJournal.self, from: data)
        } catch {
            throw CardiganError(
                "'\(path)' is not a commit journal cardigan can read",
                hint: "it records an interrupted commit; if 'cardigan verify' is clean, delete it")
        }
    }

    /// Writes the journal whole (a temporary file, flushed, then renamed into place).
    func write(in gitDirectory: String) throws {
        let path = Self.path(in: gitDirectory)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(self)
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.failure("cannot write '\(temporary)'") }
        let written = data.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        let flushed = written == data.count ? fsync(descriptor) : -1
        let error = errno
        close(descriptor)
        guard written == data.count, flushed == 0 else {
            unlink(temporary)
            errno = error == 0 ? EIO : error
            throw Self.failure("cannot write '\(temporary)'")
        }
        guard rename(temporary, path) == 0 else {
            let failure = Self.failure("cannot rename '\(temporary)' to '\(path)'")
            unlink(temporary)
            throw failure
        }
    }

    /// Removes the journal of `gitDirectory`.
    static func remove(in gitDirectory: String) {
        unlink(path(in: gitDirectory))
    }

    /// An error naming what failed and why, from `errno` ("no space left on device").
    static func failure(_ what: String) -> CardiganError {
        CardiganError("\(what): \(String(cString: strerror(errno)).lowercased())")
    }
}

/// Test-only: `CARDIGAN_TEST_STOP_AT=<step>` kills the committing process (SIGKILL, as a crash
/// or `kill -9` would) right after the named step, so tests can assert the state each step
/// leaves and its recovery. Steps, in order: `objects`, `branch`, `tag:<tag name>` (after each
/// tag) or, for a commit of 50 tags or more, `tags` (after their one `packed-refs` write),
/// `working-file`, `index`. Read only here; not a user setting.
enum CommitStop {
    private static let step = ProcessInfo.processInfo.environment["CARDIGAN_TEST_STOP_AT"]

    /// Kills this process when `name` is the step to stop at.
    static func reached(_ name: String) {
        guard let step, step == name else { return }
        kill(getpid(), SIGKILL)
    }
}
