import Foundation

extension CardStore {
    /// The latest version `list` shows for each of `names` that has one: the highest version
    /// tag (``RecordLookup/highestTaggedVersions(of:targets:)``) whose tag object records that
    /// version of that card (``tagRecords(_:card:version:message:)``), stepping down past one that does not.
    ///
    /// The commit is the truth and `show` reads it: a tag made by hand for a card no commit
    /// versioned (a message without the card's record, or with a zero digest) is no version,
    /// in `list` as in `show`; `verify` reports such a tag. A tag object found sound is
    /// remembered with its card and version (``ListedTagCache``), so a second `list` reads no
    /// tag object; when `names` are not `every` card (`list --status`), the others' lines are
    /// kept too. The tags' targets come from the same scan of the references that finds the
    /// highest versions: no second scan of `packed-refs`, no reference name built per card; the
    /// latest tag objects not remembered are read on every core first.
    func listedVersions(of names: [String], every: Bool) throws -> [String: Int] {
        var targets: [String: ObjectID] = [:]
        let highest = try lookup.highestTaggedVersions(of: names, targets: &targets)
        var cache = ListedTagCache(gitDirectory: repository.gitDirectory, enabled: usesSnapshotCache)
        cache.load()
        var key: [UInt8] = []
        var known: [Int] = []
        var versions: [String: Int] = [:]
        versions.reserveCapacity(highest.count)
        // Cards whose highest tag is remembered are done; the others' latest tag objects are read
        // on every core before the walk below: as cardigan writes a repository, each is a loose file.
        var unknown: [(name: String, top: Int)] = []
        for (name, top) in highest {
            if let tag = targets[name] {
                ListedTagCache.key(tag: tag, card: name, version: top, into: &key)
                if let line = cache.line(of: key) {
                    known.append(line)
                    versions[name] = top
                    continue
                }
            }
            unknown.append((name, top))
        }
        let messages = try repository.plainTagMessages(unknown.compactMap { targets[$0.name] })
        var learned: [[UInt8]] = []
        for (name, top) in unknown {
            var version = top
            var target = try targets[name] ?? repository.resolve(VersionTag.reference(card: name, version: version))
            while version >= 1 {
                if let tag = target {
                    ListedTagCache.key(tag: tag, card: name, version: version, into: &key)
                    if let line = cache.line(of: key) {
                        known.append(line)
                        versions[name] = version
                        break
                    }
                    if try tagRecords(tag, card: name, version: version, message: messages[tag]) {
                        learned.append(key)
                        versions[name] = version
                        break
                    }
                }
                version -= 1
                target = version >= 1 ? try repository.resolve(VersionTag.reference(card: name, version: version)) : nil
            }
        }
        if !learned.isEmpty || (every && known.count != cache.count) {
            cache.store(known: every ? known : Array(0..<cache.count), learned: learned)
        }
        return versions
    }

    /// Whether `tag` is a tag object whose message records `version` of `card`, as cardigan
    /// writes it: the card's trailers with that version and a `Card-Digest` of `sha256:` and 64
    /// hex digits, not all zero. A lightweight tag (a commit) records nothing. `message` is the
    /// tag's message when it was read already (``Repository/plainTagMessages(_:)``).
    func tagRecords(_ tag: ObjectID, card: String, version: Int, message: String? = nil) throws -> Bool {
        guard let message = try message ?? repository.tag(tag)?.message else { return false }
        let records = CardRecord.parse(trailers: VersionTag.fields(inMessage: message)).records
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
