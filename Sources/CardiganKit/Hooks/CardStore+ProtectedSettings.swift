import Foundation

extension CardStore {
    /// The store that judges `updates` on a server whose HEAD has no commit yet: the first push.
    /// A server reads `.cardigan.yaml` from the branch HEAD names, and before that branch exists
    /// the defaults (folder `cards`) would judge a repository keeping its cards elsewhere by the
    /// wrong folder and refuse its first push. Taken instead: the settings of the pushed commit
    /// that creates HEAD's branch, when they name that branch as the protected one (the server
    /// reads them from there on); otherwise the defaults, as before.
    public func judgingFirstPush(_ updates: [(old: String, new: String, reference: String)]) throws -> CardStore {
        guard repository.isBare, try repository.resolve("HEAD") == nil, let head = try repository.currentBranch(),
            let update = updates.first(where: { $0.reference == head && $0.old == zeroObjectID }),
            let commit = ObjectID(hex: update.new)
        else { return self }
        let pushed = try Self.committedWorkspace(repository, at: commit, rootPath: repository.gitDirectory)
        guard "refs/heads/" + pushed.config.branch == head else { return self }
        return CardStore(repository: repository, environment: environment, workspace: pushed)
    }

    /// The refusal of an update of the protected branch from `old` to `new` that changes which
    /// branch is protected (`branch:`) or where the cards are (`cards:`) in `.cardigan.yaml`:
    /// the hooks read both from the branch itself, so such a commit would switch the gate off
    /// for every later push (an unapproved Approved, a force push). Nil when neither changes,
    /// or when the branch holds no card yet.
    func protectedSettingsProblem(from old: ObjectID, to new: ObjectID) throws -> Finding? {
        func settings(at commit: ObjectID) throws -> (branch: String, cards: String)? {
            guard let bytes = try repository.blob(at: CardiganConfig.fileName, inCommit: commit) else {
                return ("main", "cards")
            }
            guard let config = try? CardiganConfig.parse(Data(bytes), path: CardiganConfig.fileName) else {
                return nil
            }
            return (config.branch, config.cardsDirectory)
        }
        let before = try settings(at: old)
        let after = try settings(at: new)
        guard let before, before.branch != after?.branch || before.cards != after?.cards,
            // Before the first card there is nothing to protect: a new repository sets them up.
            !(try repository.treeEntries(at: before.cards, inCommit: old)).isEmpty
        else { return nil }
        let key = before.branch != after?.branch ? "branch" : "cards"
        let what =
            key == "branch"
            ? "'branch' (the protected branch, '\(before.branch)')" : "'cards' (the cards folder, '\(before.cards)')"
        return Finding(
            ruleID: .pushRefused,
            message:
                "the push changes \(what) in \(CardiganConfig.fileName) of the protected branch; the hooks read it from the branch, so the change would switch the checks off",
            location: try settingLocation(key, at: new),
            hint:
                "keep 'branch' and 'cards' as they are; a repository that must move them is set up anew by its administrator on the server"
        )
    }

    /// Where `key` is set in `.cardigan.yaml` of `commit`: its value's line and column, or the
    /// whole file when the key (or the file) is gone: the line the person pushing changes back.
    private func settingLocation(_ key: String, at commit: ObjectID) throws -> Location {
        let path = CardiganConfig.fileName
        guard let bytes = try repository.blob(at: path, inCommit: commit),
            let member = SafeYAMLLoader.load(Data(bytes), path: path).root?.members?.first(where: { $0.key == key })
        else { return Location(path: path) }
        return Location(path: path, position: member.value.position, pointer: "/" + key)
    }
}
