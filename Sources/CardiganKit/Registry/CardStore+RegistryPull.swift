import Foundation

/// What `registry scan` found and made.
public struct RegistryScanResult: Sendable {
    /// Package versions newer than the newest linked one of their group, each with the card its
    /// card would be cloned from.
    public var newVersions: [(package: ModelPackage, from: String)] = []
    /// The cards `--clone` made, with what their commits did.
    public var cloned: [(card: String, result: CommitResult)] = []
}

extension CardStore {
    /// `cardigan registry pull [<card>…]`: refreshes `model_package_details` of linked cards
    /// (all of them when `names` is empty) from the registry. Every card whose section changes is
    /// in one commit, a new version each, recorded with `Package-Details-Source: registry`.
    /// Nothing is written when a card has uncommitted changes or its package is gone.
    public func registryPull(_ registry: any ModelRegistry, names: [String]) throws -> CommitResult {
        try requireWorkingTree()
        let branch = try currentBranch()
        let head = try repository.resolve(branch)
        let candidates = try names.isEmpty ? packages().compactMap(\.card).sorted() : names
        var writes: [(path: String, old: [UInt8], new: String)] = []
        var findings: [Finding] = []
        for name in Set(candidates).sorted() {
            if let problem = CardName.problem(with: name) { throw CardiganError(problem) }
            let path = path(of: name)
            guard let head, let committed = try repository.blob(at: path, inCommit: head),
                let record = try lookup.lastRecord(of: name, head: head)?.record
            else { throw CardiganError("card '\(name)' has no committed version on '\(branch)'") }
            guard
                FileManager.default.contents(atPath: workspace.rootPath + "/" + path).map({ [UInt8]($0) }) == committed
            else {
                throw CardiganError(
                    "card '\(name)' has uncommitted changes", location: Location(path: path),
                    hint: "commit them first, so the refreshed version holds only the registry's details")
            }
            guard let packageText = record.modelPackage, let package = try? ModelPackage(parsing: packageText) else {
                throw CardiganError(
                    "card '\(name)' is not linked to a model package",
                    hint: "link it: 'cardigan link \(name) --model-package <group>/<version>'")
            }
            guard let found = try registry.packageVersion(package) else {
                findings.append(
                    Finding(
                        ruleID: .registryMissingPackage,
                        message:
                            "card '\(name)' documents model package '\(package)', which \(registry.displayName) does not have",
                        location: Location(path: path, pointer: "/model_package_details")))
                continue
            }
            guard let root = SafeYAMLLoader.load(Data(committed), path: path).root else {
                throw CardiganError("card '\(name)' on the branch is not readable", location: Location(path: path))
            }
            if record.status == .archived { continue }
            let current = root["model_package_details"].map { CanonicalJSON.text(of: $0) }
            guard current != CanonicalJSON.text(of: found.details) else { continue }
            let text = TopLevelBlockEditor.setting(
                "model_package_details", to: found.details, in: String(decoding: committed, as: UTF8.self), root: root)
            writes.append((path, committed, text))
        }
        guard findings.isEmpty else { return CommitResult(findings: findings) }
        guard !writes.isEmpty else { return CommitResult() }
        let changed = writes.compactMap { CardPaths.cardName(forFileName: ($0.path as NSString).lastPathComponent) }
        func restore() {
            for write in writes {
                try? Data(write.old).write(to: URL(fileURLWithPath: workspace.rootPath + "/" + write.path))
            }
        }
        do {
            for write in writes {
                try Data(write.new.utf8).write(to: URL(fileURLWithPath: workspace.rootPath + "/" + write.path))
            }
            let result = try commit(
                names: changed,
                message:
                    "Refresh model package details of \(changed.joined(separator: ", ")) from \(registry.displayName)",
                linking: nil,
                detailsSource: Dictionary(changed.map { ($0, "registry") }, uniquingKeysWith: { a, _ in a }))
            if result.commit == nil { restore() }
            return result
        } catch {
            restore()
            throw error
        }
    }

    /// `cardigan registry scan [--clone]`: for each linked group, the registry's versions newer
    /// than the newest linked one. With `clone`, each gets its card, cloned from the card of the
    /// version before it (carried-over sections, linked, details from the registry) and
    /// committed on the current branch, oldest first; the first refusal stops the scan.
    public func registryScan(_ registry: any ModelRegistry, clone: Bool) throws -> RegistryScanResult {
        var result = RegistryScanResult()
        let links = try packages().filter { $0.card != nil }
        for group in Set(links.map(\.group)).sorted() {
            guard let newest = links.filter({ $0.group == group }).max(by: { $0.version < $1.version }),
                var source = newest.card
            else { continue }
            for summary in try registry.packageVersions(inGroup: group) where summary.package.version > newest.version {
                result.newVersions.append((summary.package, source))
                guard clone else { continue }
                guard let found = try registry.packageVersion(summary.package) else { continue }
                let name = Self.cloneName(of: source, for: summary.package)
                // One card per model: the new card's model is named as the card is, after the version.
                let sourceModel =
                    try show(source, version: nil).root["model_overview"]?["model_name"]?.stringValue ?? source
                let (_, made) = try self.clone(
                    source, as: name, package: summary.package,
                    modelName: Self.cloneName(of: sourceModel, for: summary.package), registryDetails: found.details)
                result.cloned.append((name, made))
                if made.commit == nil { return result }
                source = name
            }
        }
        return result
    }

    /// The name of the card (or of its model) for `package` cloned from `source`: `source` with
    /// its `-v<N>` suffix replaced, or added, by the package's version (`customer-churn` →
    /// `customer-churn-v2`).
    static func cloneName(of source: String, for package: ModelPackage) -> String {
        var base = source
        if let range = source.range(of: "-v", options: .backwards),
            !source[range.upperBound...].isEmpty, source[range.upperBound...].allSatisfy(\.isNumber)
        {
            base = String(source[..<range.lowerBound])
        }
        let suffix = "-v\(package.version)"
        return String(base.prefix(63 - suffix.count)) + suffix
    }
}
