import Foundation

extension CardStore {
    /// The latest version `list` shows for each of `names` that has one: the highest version
    /// tag (``RecordLookup/highestTaggedVersions(of:)``) whose tag object records that version
    /// of that card (``tagRecords(_:card:version:)``), stepping down past one that does not.
    ///
    /// The commit is the truth and `show` reads it: a tag made by hand for a card no commit
    /// versioned (a message without the card's record, or with a zero digest) is no version,
    /// in `list` as in `show`; `verify` reports such a tag. A tag object found sound is
    /// remembered by its id (``ListedTagCache``), so a second `list` reads no tag object; when
    /// `names` are not `every` card (`list --status`), the others' ids are kept too.
    func listedVersions(of names: [String], every: Bool) throws -> [String: Int] {
        let highest = try lookup.highestTaggedVersions(of: names)
        var references: [String: String] = [:]
        for (name, version) in highest { references[VersionTag.reference(card: name, version: version)] = name }
        let targets = try repository.directTargets(of: Set(references.keys), under: VersionTag.referencePrefix)
        let cache = ListedTagCache(gitDirectory: repository.gitDirectory, enabled: usesSnapshotCache)
        let known = cache.load()
        var used = Set<String>()
        var learned = false
        var versions: [String: Int] = [:]
        for (name, top) in highest {
            var version = top
            var reference = VersionTag.reference(card: name, version: version)
            var target = try targets.map { $0[reference] } ?? repository.resolve(reference)
            while version >= 1 {
                if let tag = target {
                    if try known.contains(tag.hex) || tagRecords(tag, card: name, version: version) {
                        learned = learned || !known.contains(tag.hex)
                        used.insert(tag.hex)
                        versions[name] = version
                        break
                    }
                }
                version -= 1
                reference = VersionTag.reference(card: name, version: version)
                target = version >= 1 ? try repository.resolve(reference) : nil
            }
        }
        if !every { used.formUnion(known) }
        if learned || used.count != known.count { cache.store(used) }
        return versions
    }

    /// Whether `tag` is a tag object whose message records `version` of `card`, as cardigan
    /// writes it: the card's trailers with that version and a `Card-Digest` of `sha256:` and 64
    /// hex digits, not all zero. A lightweight tag (a commit) records nothing.
    func tagRecords(_ tag: ObjectID, card: String, version: Int) throws -> Bool {
        guard let info = try repository.tag(tag) else { return false }
        let records = CardRecord.parse(trailers: VersionTag.fields(inMessage: info.message)).records
        return records.contains { record in
            guard record.card == card, record.version == version, record.digest.hasPrefix("sha256:") else {
                return false
            }
            let digits = record.digest.utf8.dropFirst(7)
            return digits.count == 64 && digits.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
                && digits.contains { $0 != UInt8(ascii: "0") }
        }
    }
}
