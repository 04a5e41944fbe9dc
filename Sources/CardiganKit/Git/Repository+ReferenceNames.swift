internal import CLibgit2
import Foundation

extension Repository {
    /// Calls `body` with the name of every reference under `prefix` (`refs/tags/cards/`), packed
    /// or loose, as the UTF-8 bytes that follow the prefix, and whether it is loose; a name both
    /// packed and loose comes twice. `packed-refs` is read once and scanned as bytes, and the
    /// loose references' folders are listed: no reference file is opened, so a loose one is
    /// only known to exist (``resolve(_:)`` reads it). A look-up per name instead costs two
    /// `stat`s and some 20,000 instructions of libgit2.
    ///
    /// Returns false, calling `body` for nothing, when a namespace (`GIT_NAMESPACE`) puts the
    /// references elsewhere: the caller looks each name up instead.
    func forEachReferenceName(
        under prefix: String, _ body: (_ name: UnsafeBufferPointer<UInt8>, _ isLoose: Bool) -> Void
    ) throws -> Bool {
        guard git_repository_get_namespace(pointer) == nil, let common = git_repository_commondir(pointer) else {
            return false
        }
        let folder = String(cString: common)
        let root = folder.hasSuffix("/") ? folder : folder + "/"
        try Self.scanPacked(root + "packed-refs", prefix: Array(prefix.utf8)) { body($0, false) }
        Self.walkLoose(root + prefix, relative: []) { body($0, true) }
        return true
    }

    /// The direct targets of those of `references` (full names under `prefix`) that exist, read
    /// as git reads them but without a libgit2 look-up per name (which parses all of
    /// `packed-refs`, 100,000 tags at 10,000 cards, and costs two `stat`s each): `packed-refs` is
    /// scanned once, the loose references' folders are listed, and only the loose files asked for
    /// are read; a loose reference overrides a packed one. One that is symbolic, or a loose file
    /// that is not an id and a newline, is looked up by ``resolve(_:)`` as before. Nil when a
    /// namespace (`GIT_NAMESPACE`) puts the references elsewhere: the caller looks each one up.
    func directTargets(of references: Set<String>, under prefix: String) throws -> [String: ObjectID]? {
        guard git_repository_get_namespace(pointer) == nil, let common = git_repository_commondir(pointer) else {
            return nil
        }
        let folder = String(cString: common)
        let root = folder.hasSuffix("/") ? folder : folder + "/"
        // A record is turned into a String only when its length and its last two bytes are
        // those of a name asked for: most tags are not a card's highest version.
        var lengths = Set<Int>()
        var endings = [Bool](repeating: false, count: 1 << 16)
        for reference in references {
            let bytes = Array(reference.utf8)
            lengths.insert(bytes.count)
            if bytes.count >= 2 { endings[Int(bytes[bytes.count - 2]) << 8 | Int(bytes[bytes.count - 1])] = true }
        }
        var targets: [String: ObjectID] = [:]
        let path = root + "packed-refs"
        let contents = try PackedRefsReader.contents(of: path)
        try contents.withUnsafeBufferPointer { bytes in
            try PackedRefsReader.scan(bytes, path: path) { record in
                let name = record.name
                guard lengths.contains(name.count), name.count >= 2,
                    endings[Int(bytes[name.upperBound - 2]) << 8 | Int(bytes[name.upperBound - 1])]
                else { return }
                let reference = String(decoding: UnsafeBufferPointer(rebasing: bytes[name]), as: UTF8.self)
                guard references.contains(reference) else { return }
                let hex = UnsafeBufferPointer(rebasing: bytes[record.lines.lowerBound..<record.lines.lowerBound + 40])
                targets[reference] = ObjectID(hex: String(decoding: hex, as: UTF8.self))
            }
        }
        var loose: [String] = []
        Self.walkLoose(root + prefix, relative: []) { name in
            let reference = prefix + String(decoding: name, as: UTF8.self)
            if references.contains(reference) { loose.append(reference) }
        }
        for reference in loose {
            targets[reference] = try Self.looseTarget(root + reference) ?? resolve(reference)
        }
        return targets
    }

    /// The id in the loose reference file at `path` when it holds exactly 40 hex digits and a
    /// newline, as git writes it; nil for anything else (symbolic, unreadable, damaged).
    private static func looseTarget(_ path: String) -> ObjectID? {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { Glibc.close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 42)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, 42) }
        guard count == 41, buffer[40] == UInt8(ascii: "\n") else { return nil }
        return ObjectID(hex: String(decoding: buffer[..<40], as: UTF8.self))
    }

    /// Calls `body` with the part after `prefix` of each reference name in the `packed-refs`
    /// file at `path` that starts with `prefix`; none when there is no such file. The file is
    /// read by ``PackedRefsReader``, so a line git would refuse is an error here too.
    private static func scanPacked(
        _ path: String, prefix: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) throws {
        let contents = try PackedRefsReader.contents(of: path)
        try contents.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            try prefix.withUnsafeBytes { raw in
                let wanted = raw.baseAddress ?? UnsafeRawPointer(base)  // an empty prefix compares no byte
                try PackedRefsReader.scan(bytes, path: path) { record in
                    let name = record.name
                    guard name.count > prefix.count, memcmp(base + name.lowerBound, wanted, prefix.count) == 0 else {
                        return
                    }
                    body(UnsafeBufferPointer(rebasing: bytes[name.lowerBound + prefix.count..<name.upperBound]))
                }
            }
        }
    }

    /// Calls `body` with the path relative to the walk's start (`relative`) of every file under
    /// `folder`, found from the folders' listings (their entry types), no file opened; lock
    /// files are left out. A missing or unreadable folder has no files.
    private static func walkLoose(
        _ folder: String, relative: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.bindMemory(to: UInt8.self).prefix { $0 != 0 })
            }
            if name == [46] || name == [46, 46] { continue }  // "." and ".."
            var type = entry.pointee.d_type
            let path = folder + "/" + String(decoding: name, as: UTF8.self)
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
            }
            let inside = relative.isEmpty ? name : relative + [47] + name
            if type == UInt8(DT_DIR) {
                walkLoose(path, relative: inside, body)
            } else if !name.ends(with: Array(".lock".utf8)) {
                inside.withUnsafeBufferPointer { body($0) }
            }
        }
    }
}

extension Array where Element == UInt8 {
    /// Whether the bytes end with `suffix`.
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
