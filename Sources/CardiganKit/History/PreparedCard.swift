import Foundation

/// One candidate card of a commit, read and checked: its working and committed bytes, the check
/// of the working bytes and the committed card's tree. The working files and the committed
/// cards' ids are read in candidate order on one thread; the committed blobs (through a
/// repository handle per thread, ``BlobReaders``), the parsing and the checking on every core
/// (``all(_:validator:readers:readOnCaller:)``), so a commit of many cards uses both cores of a
/// small machine for what is most of its work.
struct PreparedCard: Sendable {
    /// What one card's preparation starts from.
    struct Input: Sendable {
        /// The card's name.
        var name: String
        /// The card file's path in the repository.
        var path: String
        /// The bytes to commit; nil when there is no such file (or it was refused).
        var working: [UInt8]?
        /// The id of the card's blob at the branch head; nil when the head has no such card.
        var committedID: ObjectID?
    }

    /// The card's name.
    let name: String
    /// The card file's path in the repository.
    let path: String
    /// The bytes to commit; nil when there is no such file.
    let working: [UInt8]?
    /// The bytes at the branch head; nil when the head has no such card.
    let committed: [UInt8]?
    /// The check of `working`; nil when it is missing or equals `committed` (nothing to check).
    let check: CardCheck?
    /// The blob id of `working` when it passed its check (it is then written, unless the
    /// planner rewrites its status), hashed here on every core.
    let workingID: ObjectID?
    /// The committed card's tree, when the working card passed its check (the model name and
    /// package details are compared with it) and the committed bytes read as YAML: pruned to
    /// what is compared (``comparedFields(of:path:)``).
    let committedTree: ValueNode?

    /// `input`, whose committed blob holds `committed`, checked against `validator`.
    init(_ input: Input, committed: [UInt8]?, validator: CardValidator) {
        name = input.name
        path = input.path
        working = input.working
        self.committed = committed
        guard let bytes = input.working, bytes != committed else {
            check = nil
            workingID = nil
            committedTree = nil
            return
        }
        let check = validator.validate(Data(bytes), path: input.path)
        self.check = check
        workingID = check.isValid ? (try? ObjectID.ofBlob(bytes)) : nil
        committedTree = check.isValid ? committed.flatMap { Self.comparedFields(of: $0, path: input.path) } : nil
    }

    /// What the planner compares of the committed card: `model_overview.model_name` and the
    /// whole `model_package_details` section (``CommitPlanner`` reads nothing else of it).
    static let comparedPaths: PartialYAMLReader.Paths = {
        var paths = PartialYAMLReader.Paths([["model_overview", "model_name"]])
        paths.children["model_package_details"] = .subtree
        return paths
    }()

    /// The committed card's tree as far as the planner reads it: pruned to ``comparedPaths`` by
    /// ``PartialYAMLReader`` (which gives what the whole tree gives along them, or nothing: then
    /// the whole file is loaded, as before). Building the whole tree of every committed card
    /// was a fifth of a commit of many updated cards.
    static func comparedFields(of bytes: [UInt8], path: String) -> ValueNode? {
        if let pruned = PartialYAMLReader.read(bytes, keeping: comparedPaths) { return pruned }
        return SafeYAMLLoader.load(bytes: bytes, path: path).root
    }

    /// Every input prepared, on every core, in the order given: each committed blob read by
    /// `readers`, or by `readOnCaller` on the calling thread when a reader cannot read it (which
    /// then throws what is wrong with it). One card alone is prepared on the calling thread.
    static func all(
        _ inputs: [Input], validator: CardValidator, readers: BlobReaders,
        readOnCaller: (ObjectID) throws -> [UInt8]
    ) throws -> [PreparedCard] {
        guard inputs.count > 1 else {
            return try inputs.map {
                PreparedCard($0, committed: try $0.committedID.map(readOnCaller), validator: validator)
            }
        }
        let prepared = concurrentMap(inputs) { input -> PreparedCard? in
            guard let id = input.committedID else { return PreparedCard(input, committed: nil, validator: validator) }
            return readers.read(id).map { PreparedCard(input, committed: $0, validator: validator) }
        }
        return try zip(inputs, prepared).map { input, card -> PreparedCard in
            if let card { return card }
            return PreparedCard(input, committed: try input.committedID.map(readOnCaller), validator: validator)
        }
    }
}
