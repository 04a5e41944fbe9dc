internal import CLibgit2
import Foundation

extension Repository {
    /// Calls `body` with the name of every reference under `prefix` (`refs/tags/cards/`), packed
    /// or loose, as the UTF-8 bytes that follow the prefix, and for a packed one its target as
    /// written in `packed-refs` (40 hex digits; nil for a loose one); a name both packed and
    /// loose comes twice, and the loose one is git's answer. `packed-refs` is read once and
    /// scanned as bytes, and the loose references' folders are listed: no reference file is
    /// opened, so a loose one is only known to exist (``resolve(_:)`` reads it). A look-up per
    /// name instead costs two `stat`s and some 20,000 instructions of libgit2.
    ///
    /// Returns false, calling `body` for nothing, when a namespace (`GIT_NAMESPACE`) puts the
    /// references elsewhere: the caller looks each name up instead.
    func forEachReferenceName(
        under prefix: String,
        _ body: (_ name: UnsafeBufferPointer<UInt8>, _ packedTarget: UnsafeBufferPointer<UInt8>?) -> Void
    ) throws -> Bool {
        guard git_repository_get_namespace(pointer) == nil, let common = git_repository_commondir(pointer) else {
            return false
        }
        let folder = String(cString: common)
        let root = folder.hasSuffix("/") ? folder : folder + "/"
        try Self.scanPacked(root + "packed-refs", prefix: Array(prefix.utf8), body)
        Self.walkLoose(root + prefix, relative: []) { body($0, nil) }
        return true
    }

    /// Calls `body` with the part after `prefix` of each reference name in the `packed-refs`
    /// file at `path` that starts with `prefix`, and its target's 40 hex digits; none when there
    /// is no such file. The file is
    /// read by ``PackedRefsReader``, so a line git would refuse is an error here too.
    private static func scanPacked(
        _ path: String, prefix: [UInt8],
        _ body: (_ name: UnsafeBufferPointer<UInt8>, _ target: UnsafeBufferPointer<UInt8>) -> Void
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
                    body(
                        UnsafeBufferPointer(rebasing: bytes[name.lowerBound + prefix.count..<name.upperBound]),
                        UnsafeBufferPointer(rebasing: bytes[record.lines.lowerBound..<record.lines.lowerBound + 40]))
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
