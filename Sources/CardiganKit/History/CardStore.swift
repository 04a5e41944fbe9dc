import Foundation

/// A card repository: the git repository (through libgit2) and the workspace in its working
/// tree. Every history command starts here.
public final class CardStore {
    /// The git repository.
    let repository: Repository
    /// The working tree and its configuration.
    public let workspace: Workspace
    /// Variables that name the author and committer (`GIT_AUTHOR_NAME` …).
    let environment: [String: String]
    /// The version records of the cards, as commits and version tags hold them.
    let lookup: RecordLookup
    /// Whether `verify` and `check` may reuse what they learned of card blobs before (see
    /// `SnapshotCache`); `verify --no-cache` turns it off. Whether objects are hashed again as
    /// they are read follows it (``hashesObjectsOnRead(for:)``).
    public var usesSnapshotCache = true

    /// The card repository around `directory`, found like git finds a repository.
    public convenience init(
        discoveringFrom directory: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        try self.init(
            repository: Self.discoverRepository(from: directory, environment: environment), environment: environment)
    }

    /// The git repository around `directory`, found like git finds one, with an error that says
    /// what to do when it cannot be used (not owned, a broken configuration, a shallow clone).
    static func discoverRepository(from directory: String, environment: [String: String]) throws -> Repository {
        let repository: Repository
        do {
            repository = try Repository.discover(from: directory, environment: environment)
        } catch GitError.notOwned(let path, let owner) {
            throw CardiganError(
                GitError.notOwned(path: path, owner: owner).description,
                hint: "if you trust it: 'git config --global --add safe.directory \(path)'")
        } catch let error as GitError {
            if case .libgit2(function: "git_config_add_file_ondisk", _, _) = error {
                throw CardiganError(
                    error.description,
                    hint: "git cannot read that configuration file either: fix it, or unset the variable")
            }
            throw CardiganError(error.description, hint: "run cardigan inside a git repository, or use -C <dir>")
        }
        if repository.isShallow {
            throw CardiganError(
                "'\(repository.workdir ?? repository.gitDirectory)' is a shallow clone: the history that records the card versions is cut off",
                hint: "fetch all of it: 'git fetch --unshallow --tags' (in CI, check out with fetch-depth: 0)")
        }
        return repository
    }

    /// The card repository git's environment names: what server hooks open.
    public static func fromGitEnvironment(environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> CardStore
    {
        do {
            return try CardStore(
                repository: Repository.openFromEnvironment(environment: environment), environment: environment)
        } catch let error as GitError {
            throw CardiganError(error.description)
        }
    }

    /// A store over `repository`. A bare repository (a server) reads `.cardigan.yaml` and the
    /// schema it names from the commit HEAD points at, since it has no working tree.
    init(repository: Repository, environment: [String: String]) throws {
        self.repository = repository
        lookup = RecordLookup(repository: repository)
        self.environment = environment
        if let workdir = repository.workdir {
            workspace = try Workspace(rootPath: workdir, configFile: workdir + "/" + CardiganConfig.fileName)
        } else {
            workspace = try Self.committedWorkspace(
                repository, at: try? repository.resolve("HEAD"), rootPath: repository.gitDirectory)
        }
        Libgit2.setFsync(workspace.config.fsync)
    }

    init(repository: Repository, environment: [String: String], workspace: Workspace) {
        self.repository = repository
        lookup = RecordLookup(repository: repository)
        self.environment = environment
        self.workspace = workspace
    }

    /// The workspace whose `.cardigan.yaml` and schema are those of commit `head`.
    /// `branch`, when given, replaces the file's own setting.
    static func committedWorkspace(
        _ repository: Repository, at head: ObjectID?, rootPath: String, branch: String? = nil
    ) throws -> Workspace {
        var config = CardiganConfig()
        if let head, let bytes = try? repository.blob(at: CardiganConfig.fileName, inCommit: head) {
            config = try CardiganConfig.parse(Data(bytes), path: CardiganConfig.fileName)
        }
        if let branch { config.branch = branch }
        var workspace = Workspace(rootPath: rootPath, config: config)
        if let head, let schemaPath = config.schemaPath,
            let bytes = try? repository.blob(at: schemaPath, inCommit: head)
        {
            workspace.committedSchema = Data(bytes)
        }
        return workspace
    }

    /// The store that reads `.cardigan.yaml` and the schema it names from the protected
    /// branch, as `verify`, `check` and `list` do: the record is judged by the configuration it
    /// holds, not by an uncommitted edit. The note says so when the working tree's differs.
    public func onProtectedBranchConfiguration() throws -> (store: CardStore, note: String?) {
        guard let workdir = repository.workdir, let head = try repository.resolve(protectedBranch)
        else { return (self, nil) }
        // The branch is the one just read from: a file on it (or its absence, meaning 'main')
        // cannot send the judgement to another branch.
        let committed = try Self.committedWorkspace(
            repository, at: head, rootPath: workdir, branch: workspace.config.branch)
        var differs: [String] = []
        // Compared as settings, not bytes: comments, and the default written out or left out,
        // are the same configuration.
        func effective(_ config: CardiganConfig) -> CardiganConfig {
            var config = config
            config.schemaPath = config.schemaPath ?? Workspace.builtInSchemaPrefix + Workspace.defaultBuiltInSchema
            return config
        }
        if effective(workspace.config) != effective(committed.config) {
            differs.append(CardiganConfig.fileName)
        }
        if let schemaPath = committed.config.schemaPath, !schemaPath.hasPrefix(Workspace.builtInSchemaPrefix),
            FileManager.default.contents(atPath: workdir + "/" + schemaPath).map({ [UInt8]($0) })
                != (try repository.blob(at: schemaPath, inCommit: head))
        {
            differs.append(schemaPath)
        }
        guard !differs.isEmpty else { return (self, nil) }
        let store = CardStore(repository: repository, environment: environment, workspace: committed)
        store.usesSnapshotCache = usesSnapshotCache
        let branch = protectedBranch.replacingOccurrences(of: "refs/heads/", with: "")
        if differs.first == CardiganConfig.fileName,
            try repository.blobID(at: CardiganConfig.fileName, inCommit: head) == nil
        {
            // Not "differs": the branch has no such file yet (after 'cardigan init', say).
            return (
                store,
                "note: '\(CardiganConfig.fileName)' is not committed on '\(branch)' yet; the default configuration is used here until it is (commit it: 'git add \(CardiganConfig.fileName) && git commit'); the other commands read the working tree's"
            )
        }
        return (
            store,
            "note: the working tree's \(differs.map { "'\($0)'" }.joined(separator: " and ")) \(differs.count > 1 ? "differ" : "differs") from \(differs.count > 1 ? "those" : "the one") on '\(branch)'; the committed configuration is used"
        )
    }

    /// A command whose object reads ``prepareObjectReads(for:)`` sets up.
    enum ObjectReader {
        case verify, log, list, preCommit
    }

    /// Whether libgit2 hashes every object `command` reads again and compares it with its id,
    /// decided here for every command, beside the snapshot cache choice it follows. git reads
    /// objects without re-hashing them (only `git fsck` does), and hashing with the
    /// collision-detecting SHA-1 was a quarter of a fresh clone's `verify`, and most of the cost
    /// of reading commits of 20 KiB in `log` and the pre-commit hook at 10,000 cards: a command
    /// that trusts its snapshot cache trusts the object store as git does; `list`, which is not
    /// the integrity check, reads so too (re-hashing each blob was a fifth of a fresh clone's
    /// first `list`). `verify --no-cache`, the audit that trusts nothing on disk but git's
    /// objects, hashes each one; so does every command not named here (libgit2's default).
    func hashesObjectsOnRead(for command: ObjectReader) -> Bool {
        switch command {
        case .verify, .log, .list, .preCommit: return !usesSnapshotCache
        }
    }

    /// Sets libgit2's object reading for `command` (``hashesObjectsOnRead(for:)``); libgit2's
    /// setting is the process's, so each command that reads sets it before its first read.
    func prepareObjectReads(for command: ObjectReader) {
        Libgit2.setHashVerification(hashesObjectsOnRead(for: command))
    }

    /// Refuses commands that need a working tree in a bare repository.
    func requireWorkingTree() throws {
        if repository.workdir == nil {
            throw CardiganError("'\(repository.gitDirectory)' is a bare repository; this command needs a working tree")
        }
    }

    /// The cards folder, relative to the root.
    var cardsDirectory: String { workspace.config.cardsDirectory }

    /// The repository path of card `name`.
    func path(of name: String) -> String { CardPaths.path(of: name, in: cardsDirectory) }

    /// The full reference of the protected branch.
    var protectedBranch: String {
        let branch = workspace.config.branch
        return branch.hasPrefix("refs/") ? branch : "refs/heads/" + branch
    }

    /// The branch HEAD is on, which commits move; a detached HEAD is refused.
    func currentBranch() throws -> String {
        guard let branch = try repository.currentBranch() else {
            throw CardiganError(
                "HEAD is detached; card versions are committed to a branch", hint: "check out a branch first")
        }
        return branch
    }

    /// The head of `branch`, nil while it has no commits.
    func head(of branch: String) throws -> ObjectID? {
        try repository.resolve(branch)
    }
}
