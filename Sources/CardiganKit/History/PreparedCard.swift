import Foundation

/// One candidate card of a commit, read and checked: its working and committed bytes, the check
/// of the working bytes and the committed card's tree. Reading is done in candidate order (files
/// and libgit2 on one thread); parsing and checking, which need nothing but the bytes and the
/// schema, on every core (``all(_:validator:)``), so a commit of many cards uses both cores of a
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
        /// The bytes at the branch head; nil when the head has no such card.
        var committed: [UInt8]?
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
    /// The committed card's tree, when the working card passed its check (the model name and
    /// package details are compared with it) and the committed bytes read as YAML: pruned to
    /// what is compared (``comparedFields(of:path:)``).
    let committedTree: ValueNode?

    /// `input` read and checked against `validator`.
    init(_ input: Input, validator: CardValidator) {
        name = input.name
        path = input.path
        working = input.working
        committed = input.committed
        guard let bytes = input.working, bytes != input.committed else {
            check = nil
            committedTree = nil
            return
        }
        let check = validator.validate(Data(bytes), path: input.path)
        self.check = check
        committedTree = check.isValid ? input.committed.flatMap { Self.comparedFields(of: $0, path: input.path) } : nil
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

    /// Every input prepared, on every core, in the order given. One card alone is prepared on
    /// the calling thread.
    static func all(_ inputs: [Input], validator: CardValidator) -> [PreparedCard] {
        guard inputs.count > 1 else { return inputs.map { PreparedCard($0, validator: validator) } }
        return concurrentMap(inputs) { PreparedCard($0, validator: validator) }
    }
}
