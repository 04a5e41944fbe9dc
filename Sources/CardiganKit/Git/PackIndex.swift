import Crypto

/// The index (`.idx`, version 2) of a pack that ``PackStream`` made, from what it kept of each
/// object as it wrote it: the ids in order, with each entry's CRC-32 and offset. libgit2's
/// indexer made the same file by reading the pack back — inflating and hashing every object a
/// second time, a tenth of a large commit's instructions — for ids that were known.
enum PackIndex {
    /// The index of a pack of `entries` whose SHA-1 trailer is `trailer`, byte for byte what
    /// `git index-pack` makes of that pack.
    static func bytes(of entries: [PackStream.Entry], trailer: [UInt8]) -> [UInt8] {
        let sorted = entries.sorted { $0.id.lexicographicallyPrecedes($1.id) }
        var bytes: [UInt8] = [0xff, 0x74, 0x4f, 0x63, 0, 0, 0, 2]
        bytes.reserveCapacity(8 + 256 * 4 + sorted.count * 28 + 40)
        var fanout = [UInt32](repeating: 0, count: 256)
        for entry in sorted { fanout[Int(entry.id[0])] += 1 }
        var total: UInt32 = 0
        for index in 0..<256 {
            total += fanout[index]
            append(total, to: &bytes)
        }
        for entry in sorted { bytes.append(contentsOf: entry.id) }
        for entry in sorted { append(entry.crc, to: &bytes) }
        // An offset past 2 GiB goes into the table of 8-byte offsets after the 4-byte ones.
        var large: [UInt64] = []
        for entry in sorted {
            if entry.offset < 1 << 31 {
                append(UInt32(entry.offset), to: &bytes)
            } else {
                append(UInt32(1 << 31) | UInt32(large.count), to: &bytes)
                large.append(entry.offset)
            }
        }
        for offset in large {
            append(UInt32(offset >> 32), to: &bytes)
            append(UInt32(offset & 0xffff_ffff), to: &bytes)
        }
        bytes.append(contentsOf: trailer)
        bytes.append(contentsOf: Insecure.SHA1.hash(data: bytes))
        return bytes
    }

    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: [
            UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff),
        ])
    }
}
