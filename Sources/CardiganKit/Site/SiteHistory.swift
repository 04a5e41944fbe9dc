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
        guard let head = try git({ try repository.resolve(branch) }) else {
            throw CardiganError("'\(shortBranch)' has no commits yet", hint: "commit a card version first")
        }
        var names: [String] = []
        for entry in try git({ try repository.treeEntries(at: cardsDirectory, inCommit: head) }) where entry.isBlob {
            if let name = CardPaths.cardName(forFileName: entry.name) { names.append(name) }
        }
        let timelines = try git { try self.timelines(head: head) }
        let cards = names.sorted().compactMap { name -> SiteHistory.Card? in
            guard let versions = timelines[name], !versions.isEmpty else { return nil }
            return SiteHistory.Card(name: name, timelines: versions)
        }
        return SiteHistory(branch: shortBranch, commit: head.hex, cards: cards)
    }

    /// The blob ids of card `name` in each of `commits`, for reading on worker threads.
    func cardBlobIDs(_ name: String, commits: [String]) throws -> [String: ObjectID] {
        var ids: [String: ObjectID] = [:]
        for commit in commits where ids[commit] == nil {
            guard let id = ObjectID(hex: commit),
                let blob = try git({ try repository.blobID(at: path(of: name), inCommit: id) })
            else {
                throw CardiganError("card '\(name)' is missing from commit \(commit.prefix(12)), which records it")
            }
            ids[commit] = blob
        }
        return ids
    }

    /// The object database, shared by the site's workers.
    func objectDatabase() throws -> ObjectDatabase {
        try git { try ObjectDatabase(of: repository) }
    }
}
