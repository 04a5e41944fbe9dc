import Foundation

extension CardStore {
    /// The damaged reference files of version and link tags (see
    /// ``Repository/damagedReferences(under:)``): an audit must not pass over a tag git itself
    /// cannot read, even when libgit2 quietly falls back to a stale `packed-refs` copy.
    func damagedTagReferences() throws -> [DamagedReference] {
        try repository.damagedReferences(under: "refs/tags/").filter {
            $0.name.hasPrefix(VersionTag.referencePrefix) || ModelPackage.parse(reference: $0.name) != nil
        }
    }

    /// The ``RuleID/tagReferenceDamaged`` finding of `reference`, located at its file.
    func damagedTagFinding(_ reference: DamagedReference) -> Finding {
        let name = reference.name.replacingOccurrences(of: "refs/tags/", with: "")
        let message: String
        switch reference.damage {
        case .unreadable:
            message =
                "the reference of tag '\(name)' holds no object id: git ignores it ('ignoring broken ref'), and with it any copy in packed-refs"
        case .missingObject(let id):
            message = "the reference of tag '\(name)' names object \(id.hex), which the repository does not have"
        }
        let file = shownPath(of: reference.file)
        return Finding(
            ruleID: .tagReferenceDamaged, message: message, location: Location(path: file),
            hint:
                "delete '\(file)' and run 'cardigan verify --repair': a copy in packed-refs then counts again, and a tag still missing is re-created from its commit's trailers"
        )
    }

    /// `file` relative to the working tree's root when it lies inside it, else as it is.
    func shownPath(of file: String) -> String {
        guard let root = repository.workdir else { return file }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
    }
}
