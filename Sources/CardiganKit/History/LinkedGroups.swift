import Foundation

/// The model package groups the link tags name, listed on first use and kept: a commit of many
/// new cards would otherwise list every link tag once per card. Each commit attempt has its
/// own (``CommitPlanner``), since another process may link between attempts.
final class LinkedGroups {
    /// The repository whose link tags are listed.
    private let repository: Repository
    /// The groups, once listed.
    private var groups: Set<String>?

    /// The groups of `repository`'s link tags, not listed yet.
    init(repository: Repository) {
        self.repository = repository
    }

    /// Every group a `model-packages/<group>/<version>` tag names.
    func all() throws -> Set<String> {
        if let groups { return groups }
        let listed = Set(
            try repository.references(matching: "refs/tags/model-packages/*")
                .compactMap { ModelPackage.parse(reference: $0.name)?.group })
        groups = listed
        return listed
    }
}
