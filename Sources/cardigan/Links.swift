import ArgumentParser
import CardiganKit

extension ModelApprovalStatus: ExpressibleByArgument {}

/// Parses a model package argument, turning a bad one into a usage error that says why.
func parsePackage(_ text: String) throws -> ModelPackage {
    try ModelPackage(parsing: text)
}

extension CardiganCommand {
    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "link",
            abstract: "Link a card to a model package version: a new version and a model-packages/ tag.",
            discussion: Examples.of("link"))

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The card.", completion: .cardNames)
        var name: String

        @Option(help: ArgumentHelp("The model package version.", valueName: "group/version"))
        var modelPackage: String

        @Option(help: "The model package's ARN (must name the same group and version).")
        var arn: String?

        @Option(help: "Approved, Rejected or PendingManualApproval.")
        var approvalStatus: ModelApprovalStatus?

        @Option(name: .shortAndLong, help: "The commit message.")
        var message: String?

        func run() throws {
            let store = try global.cardStore()
            let configured = try configuredRegistry(store)
            // A registry whose names can be what a link cannot (MLflow) refuses them in its own words.
            let package = try configured?.package(parsing: modelPackage) ?? parsePackage(modelPackage)
            let registry = configured.map(RegistryPackageDetails.init(registry:))
            let result = try store.link(
                name, to: package, arn: arn, approvalStatus: approvalStatus, message: message, registry: registry)
            try finish(result, global: global)
        }
    }

    struct Clone: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clone",
            abstract:
                "Start a card for the next model version from an existing card, linked and committed as version 1.",
            discussion: Examples.of("clone"))

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The card to clone.", completion: .cardNames)
        var source: String

        @Argument(help: "The new card's name.")
        var name: String

        @Option(help: ArgumentHelp("The new model package version.", valueName: "group/version"))
        var modelPackage: String

        @Option(help: ArgumentHelp("The new card's model_name (one card per model).", valueName: "name"))
        var modelName: String

        @Option(help: ArgumentHelp("Start from this version of the source (default: its latest).", valueName: "N"))
        var cardVersion: Int?

        @Flag(help: "Start from the source's latest Approved version.")
        var approved = false

        @Option(help: "The model package's ARN.")
        var arn: String?

        @Option(help: "Approved, Rejected or PendingManualApproval.")
        var approvalStatus: ModelApprovalStatus?

        @Option(help: "Also carry this section (repeatable), e.g. training_details.")
        var carry: [String] = []

        @Option(help: "Do not carry this section (repeatable).")
        var noCarry: [String] = []

        @Option(help: "Start from this template; its non-empty fields win over the source's.")
        var template: String?

        @Flag(help: "Only write the file; commit it later with 'cardigan commit'.")
        var noCommit = false

        func run() throws {
            let package = try parsePackage(modelPackage)
            if cardVersion != nil, approved {
                throw ValidationError("give --card-version or --approved, not both")
            }
            let origin: CloneOrigin = approved ? .latestApproved : cardVersion.map { .version($0) } ?? .latest
            let store = try global.cardStore()
            let (path, result) = try store.clone(
                source, as: name, package: package, modelName: modelName, from: origin, arn: arn,
                approvalStatus: approvalStatus, carry: carry, skip: noCarry, template: template, commit: !noCommit)
            try finish(result, global: global)
            if noCommit { return }
            print("wrote \(path)")
        }
    }

    struct Packages: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "packages",
            abstract: "The model package registry as the tags record it: group, version, card, card version.",
            discussion: Examples.of("packages"))

        @OptionGroup var global: GlobalOptions

        @Option(help: QueryFormat.formatHelp())
        var format: QueryFormat = .text

        func run() throws {
            let links = try global.cardStore().packages()
            write(format == .json ? try JSONOutput.packages(links) : HistoryText.packageList(links))
            if links.contains(where: { !$0.intact }) { throw ExitCode(ExitStatus.findings) }
        }
    }
}
