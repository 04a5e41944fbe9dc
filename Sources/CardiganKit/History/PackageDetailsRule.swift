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
                "restore the section as the branch has it ('git diff \(path)' shows the change); 'cardigan link' and 'cardigan clone' write it"
        )
    }
}
