import Foundation

/// Adds new references to a repository's `packed-refs` file in one flushed write, under git's
/// lock protocol: `packed-refs.lock` taken with `O_CREAT | O_EXCL` (a held lock is a named
/// refusal), the current file read, every new name checked against the existing references,
/// loose and packed, the union written sorted, flushed, renamed over `packed-refs`, and the
/// folder flushed. A commit of 1,000 cards makes 1,000 version tags: one loose file each costs
/// two fsyncs apiece (the file and its folder); this costs two in all.
///
/// The format is git's (`refs/packed-backend.c`): an optional header
/// `# pack-refs with: peeled fully-peeled sorted `, then `<oid> <name>` lines in byte order of
/// the names, each annotated tag followed by `^<oid of the commit it peels to>`. Existing lines
/// are kept byte for byte.
struct PackedRefsWriter {
    /// One reference to add: its full name (`refs/tags/cards/x/v3`), the object it points at,
    /// and the commit an annotated tag peels to (nil for a reference to a commit).
    struct NewReference {
        let name: String
        let target: ObjectID
        let peeled: ObjectID?
    }

    /// The git folder holding `packed-refs` and `refs/`.
    let gitDirectory: String
    /// Whether the file and its folder are flushed (`.cardigan.yaml`'s `fsync`).
    let fsync: Bool

    private static let fullHeader = Array("# pack-refs with: peeled fully-peeled sorted \n".utf8)

    /// Adds `references` to `packed-refs`. Refuses, changing nothing, when one of them exists
    /// (``GitError/alreadyExists(reference:)``), when its name or one of its folders is taken
    /// by another reference, or when the lock is held (``GitError/locked(_:)``).
    func add(_ references: [NewReference]) throws {
        let lock = try LockFile(for: gitDirectory + "/packed-refs")
        let existing = try Self.parse(try PackedRefsReader.contents(of: lock.target), path: lock.target)
        let packedNames = Set(existing.entries.map(\.name))
        var added: [(name: [UInt8], lines: [UInt8])] = []
        var seen = Set<[UInt8]>()
        for reference in references {
            let name = Array(reference.name.utf8)
            guard seen.insert(name).inserted, !packedNames.contains(name) else {
                throw GitError.alreadyExists(reference: reference.name)
            }
            try checkLoose(reference.name, packed: packedNames)
            var lines = Array("\(reference.target.hex) \(reference.name)\n".utf8)
            if let peeled = reference.peeled { lines += Array("^\(peeled.hex)\n".utf8) }
            added.append((name, lines))
        }
        let merged = (existing.entries + added).sorted { $0.name.lexicographicallyPrecedes($1.name) }
        for (index, entry) in merged.enumerated() where index + 1 < merged.count {
            // Names that start with this one are next in byte order: is one of them in its folder?
            var next = index + 1
            while next < merged.count, merged[next].name.starts(with: entry.name) {
                let name = merged[next].name
                if name.count > entry.name.count, name[entry.name.count] == UInt8(ascii: "/"),
                    seen.contains(entry.name) || seen.contains(name)
                {
                    throw Self.conflict(
                        String(decoding: entry.name, as: UTF8.self), String(decoding: name, as: UTF8.self))
                }
                next += 1
            }
        }
        // A file without a header says nothing of its lines' peeling: it stays without one.
        var bytes = existing.header ?? (existing.entries.isEmpty ? Self.fullHeader : [])
        bytes.reserveCapacity(bytes.count + merged.reduce(0) { $0 + $1.lines.count })
        for entry in merged { bytes += entry.lines }
        try lock.write(bytes)
        try lock.commit(fsync: fsync)
    }

    /// Refuses `name` when it exists as a loose reference (or a folder of them), or when a loose
    /// or packed reference is named like one of its folders.
    private func checkLoose(_ name: String, packed: Set<[UInt8]>) throws {
        var info = stat()
        if lstat(gitDirectory + "/" + name, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { throw Self.conflict(name, name + "/…") }
            throw GitError.alreadyExists(reference: name)
        }
        var folder = Substring(name)
        while let slash = folder.lastIndex(of: "/") {
            folder = folder[..<slash]
            guard folder.contains("/") else { break }  // `refs/tags` itself
            if packed.contains(Array(folder.utf8)) { throw Self.conflict(String(folder), name) }
            if lstat(gitDirectory + "/" + folder, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR {
                throw Self.conflict(String(folder), name)
            }
        }
    }

    /// The refusal of a reference named like another one's folder, in git's words.
    private static func conflict(_ existing: String, _ inside: String) -> GitError {
        .libgit2(
            function: "packed-refs", code: -4, message: "'\(existing)' exists; cannot create '\(inside)'")
    }

    /// The header line (kept as it is, "sorted" being true of what is written) and the entries
    /// of a `packed-refs` file, read by ``PackedRefsReader``: each reference's name and its
    /// lines, the `^` line included.
    static func parse(_ bytes: [UInt8], path: String) throws -> (
        header: [UInt8]?, entries: [(name: [UInt8], lines: [UInt8])]
    ) {
        var entries: [(name: [UInt8], lines: [UInt8])] = []
        let header = try bytes.withUnsafeBufferPointer { buffer in
            try PackedRefsReader.scan(buffer, path: path) { record in
                entries.append((Array(buffer[record.name]), Array(buffer[record.lines])))
            }
        }
        // The header's range ends after its newline, which ``withSorted(_:)`` adds back.
        return (header.map { Self.withSorted(Array(bytes[$0.lowerBound..<$0.upperBound - 1])) }, entries)
    }

    /// A header line with the `sorted` trait added (what is written is sorted), ending in a
    /// newline; its other traits are kept, since they speak of the existing lines.
    private static func withSorted(_ line: [UInt8]) -> [UInt8] {
        let text = String(decoding: line, as: UTF8.self)
        let sorted =
            text.split(separator: " ").contains("sorted") ? text : text + (text.hasSuffix(" ") ? "" : " ") + "sorted "
        return Array(sorted.utf8) + [10]
    }
}
