import Foundation

/// What the site is built from: the protected branch's head and, for every card on it, the
/// status timeline of each version, read in one walk of the history.
public struct SiteHistory: Sendable {
    /// One card on the branch.
    public struct Card: Sendable {
        /// The card's name.
        public var name: String
        /// Its versions' timelines, oldest first; never empty.
        public var timelines: [VersionTimeline]

        /// The latest version's timeline.
        public var latest: VersionTimeline {
            timelines[timelines.count - 1]
        }
    }

    /// The protected branch, as people write it (`main`).
    public var branch: String
    /// The branch head the site is built from.
    public var commit: String
    /// The cards with at least one version on the branch, by name.
    public var cards: [Card]

    /// The commit that made `timeline`'s version: its content is read there.
    static func contentCommit(of timeline: VersionTimeline) -> String {
        (timeline.events.first { $0.change == .version } ?? timeline.madeIn)?.commit ?? ""
    }
}

extension CardStore {
    /// The history the site shows: the cards in the protected branch's head and their version
    /// timelines. A card file without a committed version is not on the site (it has no record
    /// yet); a card deleted from the branch is not either.
    public func siteHistory() throws -> SiteHistory {
        let branch = protectedBranch
        let shortBranch = branch.replacingOccurrences(of: "refs/heads/", with: "")
        guard let head = try repository.resolve(branch) else {
            throw CardiganError("'\(shortBranch)' has no commits yet", hint: "commit a card version first")
        }
        var names: [String] = []
        for entry in try repository.treeEntries(at: cardsDirectory, inCommit: head) where entry.isBlob {
            if let name = CardPaths.cardName(forFileName: entry.name) { names.append(name) }
        }
        let timelines = try self.timelines(head: head)
        let cards = names.sorted().compactMap { name -> SiteHistory.Card? in
            guard let versions = timelines[name], !versions.isEmpty else { return nil }
            return SiteHistory.Card(name: name, timelines: versions)
        }
        return SiteHistory(branch: shortBranch, commit: head.hex, cards: cards)
    }

    /// The blob of each card in each commit that `wanted` names, for reading on worker threads.
    /// Each commit's cards folder is listed once: looking a card up by path reads the whole
    /// folder's tree (past libgit2's cache limit at a thousand cards) every time.
    func cardBlobIDs(_ wanted: [String: Set<String>]) throws -> [String: [String: ObjectID]] {
        var found: [String: [String: ObjectID]] = [:]
        for (commit, names) in wanted.sorted(by: { $0.key < $1.key }) {
            guard let id = ObjectID(hex: commit) else { continue }
            var blobs: [String: ObjectID] = [:]
            for entry in try repository.treeEntries(at: cardsDirectory, inCommit: id) where entry.isBlob {
                if let name = CardPaths.cardName(forFileName: entry.name), names.contains(name) {
                    blobs[name] = entry.id
                }
            }
            for name in names where blobs[name] == nil {
                throw CardiganError("card '\(name)' is missing from commit \(commit.prefix(12)), which records it")
            }
            found[commit] = blobs
        }
        return found
    }

    /// The object database, shared by the site's workers.
    func objectDatabase() throws -> ObjectDatabase {
        try ObjectDatabase(of: repository)
    }
}
