extension Repository {
    /// The messages of tag objects `ids`, read on every core from the object database and parsed
    /// by ``PlainTagObject``: what `list` checks of each card's latest tag, which on a repository as
    /// cardigan writes it is a loose file each, too many to open one after another on one thread.
    /// An id missing from the answer (not a tag object in the plain form, or not readable) is
    /// left to ``tag(_:)``, which decides as before.
    func plainTagMessages(_ ids: [ObjectID]) throws -> [ObjectID: String] {
        guard !ids.isEmpty else { return [:] }
        let objects = try ObjectDatabase(of: self)
        let read = { @Sendable (id: ObjectID) in objects.plainTagMessage(id) }
        let messages = ObjectDatabase.isSharedSafely ? concurrentMap(ids, read) : ids.map(read)
        var found: [ObjectID: String] = [:]
        found.reserveCapacity(ids.count)
        for (id, message) in zip(ids, messages) {
            guard let message else { continue }
            found[id] = message
        }
        reads.tagObjectsRead += found.count
        return found
    }
}
