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
    /// The model package groups the link tags name, read once per commit attempt (a commit of
    /// many new cards would otherwise list every link tag once per card).
    var linkedGroupsCache: Set<String>?
    /// The last large commit ``lastRecord(of:head:)`` read, its records grouped by card.
    var commitRecordsMemo: CommitRecordsMemo?
    /// Whether `verify` and `check` may reuse what they learned of card blobs before (see
    /// `SnapshotCache`); `verify --no-cache` turns it off.
    public var usesSnapshotCache = true

    /// The card repository around `directory`, found like git finds a repository.
    public convenience init(
        discoveringFrom directory: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        let repository: Repository
        do {
            repository = try Repository.discover(from: directory, environment: environment)
        } catch GitError.notOwned(let path, let owner) {
            throw CardiganError(
                GitError.notOwned(path: path, owner: owner).description,
                hint: "if you trust it: 'git config --global --add safe.directory \(path)'")
        } catch let error as GitError {
            throw CardiganError(error.description, hint: "run cardigan inside a git repository, or use -C <dir>")
        }
        if repository.isShallow {
            throw CardiganError(
                "'\(repository.workdir ?? repository.gitDirectory)' is a shallow clone: the history that records the card versions is cut off",
                hint: "fetch all of it: 'git fetch --unshallow --tags' (in CI, check out with fetch-depth: 0)")
        }
        try self.init(repository: repository, environment: environment)
    }

    /// The card repository git's environment names: what server hooks open.
    public static func fromGitEnvironment(environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> CardStore
    {
        do {
            return try CardStore(repository: Repository.openFromEnvironment(), environment: environment)
        } catch let error as GitError {
            throw CardiganError(error.description)
        }
    }

    /// A store over `repository`. A bare repository (a server) reads `.cardigan.yaml` and the
    /// schema it names from the commit HEAD points at, since it has no working tree.
    init(repository: Repository, environment: [String: String]) throws {
        self.repository = repository
        self.environment = environment
        if let workdir = repository.workdir {
            workspace = try Workspace(rootPath: workdir, configFile: workdir + "/" + CardiganConfig.fileName)
        } else {
            workspace = try Self.committedWorkspace(
                repository, at: try? repository.resolve("HEAD"), rootPath: repository.gitDirectory)
        }
        Libgit2.setFsync(workspace.config.fsync)
    }

    private init(repository: Repository, environment: [String: String], workspace: Workspace) {
        self.repository = repository
        self.environment = environment
        self.workspace = workspace
    }

    /// The workspace whose `.cardigan.yaml` and schema are those of commit `head`.
    static func committedWorkspace(_ repository: Repository, at head: ObjectID?, rootPath: String) throws -> Workspace {
        var config = CardiganConfig()
        if let head, let bytes = try? repository.blob(at: CardiganConfig.fileName, inCommit: head) {
            config = try CardiganConfig.parse(Data(bytes), path: CardiganConfig.fileName)
        }
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
        guard let workdir = repository.workdir, let head = try git({ try repository.resolve(protectedBranch) })
        else { return (self, nil) }
        let committed = try Self.committedWorkspace(repository, at: head, rootPath: workdir)
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
                != (try git({ try repository.blob(at: schemaPath, inCommit: head) }))
        {
            differs.append(schemaPath)
        }
        guard !differs.isEmpty else { return (self, nil) }
        let store = CardStore(repository: repository, environment: environment, workspace: committed)
        store.usesSnapshotCache = usesSnapshotCache
        let branch = protectedBranch.replacingOccurrences(of: "refs/heads/", with: "")
        return (
            store,
            "note: the working tree's \(differs.map { "'\($0)'" }.joined(separator: " and ")) \(differs.count > 1 ? "differ" : "differs") from \(differs.count > 1 ? "those" : "the one") on '\(branch)'; the committed configuration is used"
        )
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
        guard let branch = try git({ try repository.currentBranch() }) else {
            throw CardiganError(
                "HEAD is detached; card versions are committed to a branch", hint: "check out a branch first")
        }
        return branch
    }

    /// Runs a libgit2 call, turning its errors into cardigan's environment errors.
    func git<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as GitError {
            throw CardiganError(error.description)
        }
    }

    /// The version records in `commit`'s trailers.
    func records(in commit: CommitInfo) throws -> [CardRecord] {
        guard Self.bytes(of: commit.message, contain: "Card: ") else { return [] }  // most commits carry none
        return CardRecord.parse(trailers: try repository.trailers(of: commit.message)).records
    }

    /// The records of card `name` in `commit`'s trailers. A commit whose message does not hold
    /// the name is skipped unparsed: walks for one card pass many commits of others.
    func records(in commit: CommitInfo, of name: String) throws -> [CardRecord] {
        guard Self.bytes(of: commit.message, contain: name) else { return [] }
        return try records(in: commit).filter { $0.card == name }
    }

    /// Whether `text` holds `part`, compared as UTF-8 bytes. A plain loop on purpose:
    /// Foundation's `contains` goes through NSString on Linux, and the standard library's
    /// generic `firstRange(of:)` made `log` and `check` several times slower.
    static func bytes(of text: String, contain part: String) -> Bool {
        let needle = Array(part.utf8)
        guard let first = needle.first else { return true }
        var text = text
        return text.withUTF8 { haystack in
            guard haystack.count >= needle.count else { return false }
            for index in 0...(haystack.count - needle.count) where haystack[index] == first {
                if needle.indices.allSatisfy({ haystack[index + $0] == needle[$0] }) { return true }
            }
            return false
        }
    }

    /// The newest record of `name` in the history of `head`, with its commit.
    ///
    /// Back to the first merge, commits are read one by one from head. Past a merge, the
    /// highest version tag whose commit `head` contains bounds the walk: only commits after it
    /// can hold a newer record.
    func lastRecord(of name: String, head: ObjectID?) throws -> (record: CardRecord, commit: ObjectID)? {
        guard let head else { return nil }
        // On a linear stretch of history the first record met walking back from head is the
        // newest: no graph walk is needed (libgit2's merge-base and hidden walks are slow when
        // many commits share a timestamp, as scripted commits do).
        var current = head
        while true {
            let (found, parents) = try recordsAndParents(of: current, name: name)
            if let record = found.last { return (record, current) }
            if parents.isEmpty { return nil }  // the root: the card has no record
            guard parents.count == 1, let parent = parents.first else { break }
            current = parent  // past a merge, the bounded walk below is right
        }
        var hidden: [ObjectID] = []
        var fallback: (CardRecord, ObjectID)?
        if let tagged = try latestTaggedVersion(of: name, containedIn: head) {
            let commit = try repository.commit(tagged.commit)
            if let record = try records(in: commit, of: name).last {
                fallback = (record, tagged.commit)
                hidden = commit.parents
            }
        }
        let range = try repository.commitsOldestFirst(from: head, hiding: hidden)
        for id in range.reversed() {
            if let record = try records(in: repository.commit(id), of: name).last {
                return (record, id)
            }
        }
        return fallback
    }

    /// The records of `name` in commit `id` and the commit's parents; a large commit is parsed
    /// once and kept (see ``CommitRecordsMemo``), since every card of a big commit asks for it.
    private func recordsAndParents(of id: ObjectID, name: String) throws -> ([CardRecord], [ObjectID]) {
        if let memo = commitRecordsMemo, memo.commit == id { return (memo.recordsByCard[name] ?? [], memo.parents) }
        let commit = try repository.commit(id)
        guard commit.message.utf8.count >= CommitRecordsMemo.minimumMessageBytes else {
            return (try records(in: commit, of: name), commit.parents)
        }
        let memo = CommitRecordsMemo(commit: id, parents: commit.parents, records: try records(in: commit))
        commitRecordsMemo = memo
        return (memo.recordsByCard[name] ?? [], memo.parents)
    }

    /// The highest version tag of `name` whose commit `head` contains. The newest tags may
    /// belong to another branch (a pull request's versions, seen from its base), so this steps
    /// down from the highest tag, a few versions at most, before giving up the bound.
    func latestTaggedVersion(of name: String, containedIn head: ObjectID) throws -> (version: Int, commit: ObjectID)? {
        guard let highest = try highestTaggedVersion(of: name) else { return nil }
        for version in stride(from: highest, through: max(1, highest - 7), by: -1) {
            guard let tag = try repository.resolve(VersionTag.reference(card: name, version: version)),
                let commit = try repository.peelToCommit(tag)
            else { continue }
            if try repository.isDescendant(head, of: commit) { return (version, commit) }
        }
        return nil
    }

    /// The highest N with a tag `cards/<name>/vN`, found by probing v1, v2, v4 … and then
    /// bisecting: a handful of reference lookups, where listing the tags would read every one
    /// of them (libgit2 reads each loose tag file when it lists). Versions are 1…N without
    /// gaps; a gap left by a deleted tag can only make this answer low, and its callers treat
    /// the answer as a lower bound that the trailers confirm.
    ///
    /// `guess` (the answer for another card, when listing many) is tried first: two lookups
    /// when it is right.
    func highestTaggedVersion(of name: String, guess: Int? = nil) throws -> Int? {
        func exists(_ version: Int) throws -> Bool {
            try repository.resolve(VersionTag.reference(card: name, version: version)) != nil
        }
        if let guess, guess >= 1, try exists(guess), try !exists(guess + 1) { return guess }
        guard try exists(1) else { return nil }
        var low = 1
        var high = 2
        while try exists(high) {
            low = high
            high *= 2
        }
        while high - low > 1 {  // exists(low), !exists(high)
            let middle = (low + high) / 2
            if try exists(middle) { low = middle } else { high = middle }
        }
        return low
    }

    /// The head of `branch`, nil while it has no commits.
    func head(of branch: String) throws -> ObjectID? {
        try repository.resolve(branch)
    }
}
