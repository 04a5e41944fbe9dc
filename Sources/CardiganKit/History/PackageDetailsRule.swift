import Foundation

/// Who may change a card's `model_package_details`: `link`, `clone` and the registry commands,
/// each of which records that it made the change in the version's `Package-Details-Source:`
/// trailer. Any other change of the section on a versioned card is refused at the field.
enum PackageDetailsRule {
    /// The value of `Package-Details-Source:` for `link`.
    static let link = "link"
    /// The value of `Package-Details-Source:` for `clone`.
    static let clone = "clone"
    /// The value of `Package-Details-Source:` for the registry commands.
    static let registry = "registry"

    /// Why a change of the section is not believed, after "changed in version N": no record,
    /// or the record's command (`source`) and what it alone can make.
    static func unbelievedSource(_ source: String?) -> String {
        switch source {
        case nil: return "without a record of who made it (link, clone or registry)"
        case link?:
            return
                "with 'Package-Details-Source: link', which 'cardigan link' could not have written: it makes only a card's first link"
        case clone?:
            return
                "with 'Package-Details-Source: clone', which 'cardigan clone' could not have written: it makes only a version 1"
        case registry?:
            return
                "with 'Package-Details-Source: registry', which 'registry pull' could not have written: it refreshes a card linked before, its package unchanged"
        case let other?:
            return
                "with 'Package-Details-Source: \(other)', which names no command that writes the section (link, clone or registry)"
        }
    }

    /// Whether the section differs between `old` and `new` (comments and layout aside).
    static func changed(_ old: ValueNode?, _ new: ValueNode?) -> Bool {
        old.map { CanonicalJSON.text(of: $0) } != new.map { CanonicalJSON.text(of: $0) }
    }

    /// The first field of the section that differs, as a location in the new card: the changed
    /// or added field, else the section itself (a field removed), else the file (the section
    /// removed).
    static func changedField(old: ValueNode?, new: ValueNode?, path: String) -> Location {
        let base = "/model_package_details"
        guard let new else { return Location(path: path, pointer: "") }
        let oldMembers = old?.members ?? []
        for member in new.members ?? [] {
            let before = oldMembers.first { $0.key == member.key }?.value
            if before.map({ CanonicalJSON.text(of: $0) }) != CanonicalJSON.text(of: member.value) {
                return Location(path: path, position: member.value.position, pointer: base + "/" + member.key)
            }
        }
        return Location(path: path, position: new.position, pointer: base)
    }

    /// The finding for a change of the section that no link, clone or registry command made.
    static func handEdit(_ name: String, old: ValueNode?, new: ValueNode?, path: String) -> Finding {
        let location = changedField(old: old, new: new, path: path)
        let field = location.pointer.split(separator: "/").last.map(String.init) ?? "model_package_details"
        let what =
            new == nil
            ? "model_package_details of '\(name)' was removed"
            : "'\(field)' of model_package_details of '\(name)' was changed by hand"
        return Finding(
            ruleID: .packageDetailsEdited,
            message: what + "; the section changes only through 'cardigan link', 'cardigan clone' or the registry",
            location: location,
            hint:
                "restore the section as the branch has it ('git diff \(path)' shows the change); 'cardigan link', 'cardigan clone' and 'cardigan registry pull' write it"
        )
    }
}

/// A version recorded with `Package-Details-Source: registry`, on a card linked before to the
/// same package: `registry pull` changes nothing in it but `model_package_details`, so the two
/// blobs must differ only there for the record to be believed.
struct RegistryRefresh: Sendable, Hashable {
    var card: String
    var version: Int
    var commit: String
    /// The blob of the card's previous state.
    var before: String
    /// The blob of the version.
    var after: String

    /// The first field outside `model_package_details` in which `new` differs from `old`
    /// (comments and layout aside): its name (`model_overview.model_description`) and where
    /// `new` shows it (for a removed field, the object that held it); nil when there is none.
    static func otherChange(old: ValueNode, new: ValueNode) -> (field: String, position: SourcePosition)? {
        func same(_ a: ValueNode, _ b: ValueNode) -> Bool { CanonicalJSON.text(of: a) == CanonicalJSON.text(of: b) }
        func walk(_ old: ValueNode?, _ new: ValueNode, _ path: [String]) -> (field: String, position: SourcePosition)? {
            guard let old else { return (path.joined(separator: "."), new.position) }  // added
            guard !same(old, new) else { return nil }
            let skipped = path.isEmpty ? "model_package_details" : nil
            if let newMembers = new.members, let oldMembers = old.members {
                for member in newMembers where member.key != skipped {
                    let before = oldMembers.first { $0.key == member.key }?.value
                    if let found = walk(before, member.value, path + [member.key]) { return found }
                }
                let removed = oldMembers.first { $0.key != skipped && new[$0.key] == nil }
                return removed.map { ((path + [$0.key]).joined(separator: "."), new.position) }
            }
            if let newItems = new.elements, let oldItems = old.elements {
                for (index, item) in newItems.enumerated() {
                    let before = index < oldItems.count ? oldItems[index] : nil
                    if let found = walk(before, item, path + [String(index)]) { return found }
                }
                return ((path + [String(newItems.count)]).joined(separator: "."), new.position)  // items removed
            }
            return (path.joined(separator: "."), new.position)
        }
        return walk(old, new, [])
    }
}
