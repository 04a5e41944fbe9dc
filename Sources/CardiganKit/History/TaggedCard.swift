/// What one scan of the version tags' names (``Repository/forEachReferenceName(under:_:)``)
/// found for one card: its packed and its loose versions, and the target of its highest packed
/// version, so `list` needs no second scan of `packed-refs` to find the tag it checks.
struct TaggedCard {
    /// The versions with a line in `packed-refs`.
    var packed: Set<Int> = []
    /// The versions with a loose reference file.
    var loose: Set<Int> = []
    /// The highest packed version; 0 for none.
    private(set) var top = 0
    /// The 40 hex digits of `top`'s target, held without an allocation per tag (100,000 tags at
    /// 10,000 cards, `packed-refs` sorted by name so `v10` comes before `v2`).
    private var digits: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)

    /// Adds `version`: packed, with the 40 hex digits of its target, or loose (no target).
    mutating func add(_ version: Int, packedTarget: UnsafeBufferPointer<UInt8>?) {
        guard let packedTarget else {
            loose.insert(version)
            return
        }
        packed.insert(version)
        guard version > top, packedTarget.count == 40 else { return }
        top = version
        withUnsafeMutableBytes(of: &digits) { $0.copyMemory(from: UnsafeRawBufferPointer(packedTarget)) }
    }

    /// The target of the highest packed version; nil when there is none.
    var topTarget: ObjectID? {
        guard top > 0 else { return nil }
        return withUnsafeBytes(of: digits) { ObjectID(hex: String(decoding: $0, as: UTF8.self)) }
    }
}
