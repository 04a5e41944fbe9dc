/// Card snapshots by blob id (hex): the snapshots in one array, and a dictionary of where each
/// blob's is.
///
/// A `[String: CardSnapshot]` keeps room for a third more entries than it holds, each slot a
/// 16-byte key and a 184-byte snapshot: 100,000 snapshots (a `verify` at 10,000 cards × 10
/// versions) took a 262,144-slot table of 52 MB. Here the slots hold a 4-byte position, and the
/// snapshots take exactly their 18 MB (a cold `verify`'s peak memory, issue 18).
struct SnapshotSet: Equatable, ExpressibleByDictionaryLiteral {
    private var positions: [String: Int32] = [:]
    private var snapshots: [CardSnapshot] = []

    init() {}

    init(dictionaryLiteral elements: (String, CardSnapshot)...) {
        for (blob, snapshot) in elements { self[blob] = snapshot }
    }

    /// How many blobs have a snapshot.
    var count: Int { positions.count }
    var isEmpty: Bool { positions.isEmpty }
    /// The blobs that have a snapshot, in no order.
    var blobs: Dictionary<String, Int32>.Keys { positions.keys }

    /// The snapshot of `blob`; set replaces the one it had.
    subscript(blob: String) -> CardSnapshot? {
        get { positions[blob].map { snapshots[Int($0)] } }
        set {
            // Only ever added to or replaced in this program; a removal is not needed.
            guard let newValue else { return }
            if let position = positions[blob] {
                snapshots[Int(position)] = newValue
            } else {
                positions[blob] = Int32(snapshots.count)
                snapshots.append(newValue)
            }
        }
    }

    /// Makes room for `count` snapshots.
    mutating func reserveCapacity(_ count: Int) {
        positions.reserveCapacity(count)
        snapshots.reserveCapacity(count)
    }

    /// Adds every snapshot of `other`; where both have one for a blob, `other`'s is kept.
    mutating func add(_ other: SnapshotSet) {
        reserveCapacity(count + other.count)
        for (blob, position) in other.positions { self[blob] = other.snapshots[Int(position)] }
    }

    /// Each blob with its snapshot, in no order.
    var entries: some Sequence<(blob: String, snapshot: CardSnapshot)> {
        positions.lazy.map { (blob: $0.key, snapshot: snapshots[Int($0.value)]) }
    }

    static func == (lhs: SnapshotSet, rhs: SnapshotSet) -> Bool {
        lhs.count == rhs.count && lhs.entries.allSatisfy { rhs[$0.blob] == $0.snapshot }
    }
}
