import Foundation

/// `list`'s own cache: the ``ListedFields`` of each card blob `list` has read, in
/// `.git/cardigan/list-v1`, one line per blob.
///
/// What `list` shows of a blob depends on the blob alone (not on the schema), and a blob never
/// changes, so an entry stays right. Values are escaped (`\\`, `\t`, `\n`), so what comes back
/// is exactly what was stored. Deleting the file only costs time. The file holds only the blobs
/// of the last listing that learned something (``store(_:)`` drops the others), so it does not
/// grow with the history: at most one line per card of the branch listed.
struct ListCache {
    /// The cache file.
    let path: String
    /// False for a store that trusts nothing on disk but git's objects.
    let enabled: Bool
    /// The lines ``load(only:)`` found for the blobs asked for: ``store(_:)`` keeps them, and
    /// only them, beside what it adds.
    private var kept: [ArraySlice<UInt8>] = []

    /// The cache of the repository whose git folder is `gitDirectory`.
    init(gitDirectory: String, enabled: Bool) {
        path = gitDirectory + "/cardigan/list-v1"
        self.enabled = enabled
    }

    /// The cached fields of `blobs`. The file is walked as bytes: a line's fields are found
    /// by their tabs, and only the lines of blobs asked for are decoded.
    mutating func load(only blobs: Set<String>) -> [String: ListedFields] {
        kept = []
        guard enabled, let data = FileManager.default.contents(atPath: path) else { return [:] }
        let bytes = [UInt8](data)
        var found: [String: ListedFields] = [:]
        found.reserveCapacity(blobs.count)
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let line = bytes[start..<end]
            start = end + 1
            // The three tabs between the four fields, and no fourth.
            var tabs = (0, 0, 0)
            var count = 0
            for index in line.indices where line[index] == UInt8(ascii: "\t") {
                switch count {
                case 0: tabs.0 = index
                case 1: tabs.1 = index
                case 2: tabs.2 = index
                default: break
                }
                count += 1
                if count > 3 { break }
            }
            guard count == 3 else { continue }
            let blob = String(decoding: line[..<tabs.0], as: UTF8.self)
            guard blobs.contains(blob), found[blob] == nil else { continue }
            kept.append(line)
            found[blob] = ListedFields(
                status: CardStatus(rawValue: String(decoding: line[(tabs.0 + 1)..<tabs.1], as: UTF8.self)),
                riskRating: Self.decode(line[(tabs.1 + 1)..<tabs.2]), modelPackage: Self.decode(line[(tabs.2 + 1)...]))
        }
        return found
    }

    /// Writes the file anew, atomically: the entries ``load(only:)`` found for the blobs it was
    /// asked for, and `learned`; entries of blobs no longer listed are dropped. Entries another
    /// process added meanwhile may be lost and a failed write is ignored: either only costs time.
    func store(_ learned: [String: ListedFields]) {
        guard enabled, !learned.isEmpty else { return }
        var bytes: [UInt8] = []
        for line in kept {
            bytes += line
            bytes.append(UInt8(ascii: "\n"))
        }
        for (blob, fields) in learned {
            bytes += Array(blob.utf8)
            bytes.append(UInt8(ascii: "\t"))
            bytes += Array((fields.status?.rawValue ?? "").utf8)
            for value in [fields.riskRating, fields.modelPackage] {
                bytes.append(UInt8(ascii: "\t"))
                Self.encode(value, into: &bytes)
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try? Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// nil as nothing, a value as `=` and the value escaped.
    private static func encode(_ value: String?, into bytes: inout [UInt8]) {
        guard let value else { return }
        bytes.append(UInt8(ascii: "="))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            default: bytes.append(byte)
            }
        }
    }

    /// The value ``encode(_:into:)`` wrote.
    private static func decode(_ field: ArraySlice<UInt8>) -> String? {
        guard field.first == UInt8(ascii: "=") else { return nil }
        guard field.contains(UInt8(ascii: "\\")) else { return String(decoding: field.dropFirst(), as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(field.count)
        var escaped = false
        for byte in field.dropFirst() {
            if escaped {
                bytes.append(byte == UInt8(ascii: "t") ? UInt8(ascii: "\t") : byte == UInt8(ascii: "n") ? 10 : byte)
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
