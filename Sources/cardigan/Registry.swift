import ArgumentParser
import CardiganHTTP
import CardiganKit
import Foundation

/// The registry `.cardigan.yaml` configures, over the HTTP transport; nil when none is.
func configuredRegistry(_ store: CardStore) throws -> (any ModelRegistry)? {
    guard let config = store.workspace.config.registry else { return nil }
    return try config.connect(
        environment: ProcessInfo.processInfo.environment,
        transport: AsyncHTTPTransport(connectTimeout: min(10, config.retry.timeout)))
}

/// The registry `.cardigan.yaml` configures; an error saying how to configure one when none is.
func requiredRegistry(_ store: CardStore) throws -> any ModelRegistry {
    guard let registry = try configuredRegistry(store) else {
        throw CardiganError(
            "no model registry is configured",
            hint:
                "add to .cardigan.yaml:\n    registry:\n      kind: sagemaker\n      region: eu-west-1\nor:\n    registry:\n      kind: mlflow\n      uri: http://127.0.0.1:5000"
        )
    }
    return registry
}

/// What every `registry` subcommand takes and does first: the global flags, then the card
/// repository and the registry its `.cardigan.yaml` configures.
struct RegistryOptions: ParsableArguments {
    /// The flags every command takes (`-C`, `--no-color`).
    @OptionGroup var global: GlobalOptions

    /// The card repository and its registry; an error saying how to configure one when none is.
    func connect() throws -> (store: CardStore, registry: any ModelRegistry) {
        let store = try global.cardStore()
        return (store, try requiredRegistry(store))
    }

    /// Writes `report` in `format` and exits 1 when a finding is an error (with `failOnAny`,
    /// when there is any finding).
    func emit(_ report: FindingReport, command: String, format: ReportFormat = .text, failOnAny: Bool = false) throws {
        write(try format.reporter(for: command, useColor: global.useColor).render(report))
        if report.errorCount > 0 || (failOnAny && !report.findings.isEmpty) { throw ExitCode(ExitStatus.findings) }
    }
}

extension CardiganCommand {
    struct Registry: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "registry",
            abstract: "The model registry beside the cards: status, pull, push, scan.",
            discussion: Examples.of("registry"),
            subcommands: [Status.self, Pull.self, Push.self, Scan.self])

        struct Status: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "status",
                abstract: "The registry and the cards side by side: undocumented versions, missing packages, drift.",
                discussion: Examples.of("registry status"))

            @OptionGroup var options: RegistryOptions

            @Option(help: ReportFormat.formatHelp())
            var format: ReportFormat = .text

            func run() throws {
                let (store, registry) = try options.connect()
                try options.emit(store.registryStatus(registry), command: "registry status", format: format)
            }
        }

        struct Pull: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "pull",
                abstract: "Refresh model_package_details of linked cards from the registry, as new versions.",
                discussion: Examples.of("registry pull"))

            @OptionGroup var options: RegistryOptions

            @Argument(help: "The cards (default: every linked card).")
            var names: [String] = []

            func run() throws {
                let (store, registry) = try options.connect()
                let result = try store.registryPull(registry, names: names)
                if result.findings.isEmpty, result.commit == nil {
                    print("every card's model_package_details matches the registry; nothing committed")
                    return
                }
                try finish(result, global: options.global)
            }
        }

        struct Push: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "push",
                abstract: "Publish card versions and status changes to the registry's model cards.",
                discussion: Examples.of("registry push"))

            @OptionGroup var options: RegistryOptions

            @Argument(help: "The cards (default: every card with a version).")
            var names: [String] = []

            @Flag(help: "Only say what would be sent.")
            var dryRun = false

            func run() throws {
                let (store, registry) = try options.connect()
                let result = try store.registryPush(registry, names: names, dryRun: dryRun)
                let verb = dryRun ? "would send" : "sent"
                // Through `write`, as the findings after them are (`print` buffers).
                for step in result.steps { write("\(verb): \(step)\n") }
                for note in result.notes { write("skipped: \(note)\n") }
                for held in result.held { write("not \(verb): \(held), held back by its drift\n") }
                if result.steps.isEmpty {
                    write(
                        (result.held.isEmpty
                            ? "the registry has every card version; nothing \(verb)"
                            : "nothing \(verb): \(Counted.text(result.held.count, "card")) held back by drift; the registry has every other card version")
                            + "\n")
                }
                if !result.findings.isEmpty {
                    let report = FindingReport(findings: result.findings, checkedPaths: [], subject: "the registry")
                    try options.emit(report, command: "registry push", failOnAny: true)
                }
            }
        }

        struct Scan: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "scan",
                abstract: "Package versions newer than the newest linked one; --clone makes their cards.",
                discussion: Examples.of("registry scan"))

            @OptionGroup var options: RegistryOptions

            @Flag(help: "Clone the previous version's card for each, linked and committed.")
            var clone = false

            func run() throws {
                let (store, registry) = try options.connect()
                let result = try store.registryScan(registry, clone: clone)
                if result.newVersions.isEmpty {
                    write("no model package version is newer than its group's newest card\n")
                }
                for (package, source) in result.newVersions where !clone {
                    write("new: \(package) (clone '\(source)' for it: cardigan registry scan --clone)\n")
                }
                for (_, made) in result.cloned { try finish(made, global: options.global) }
            }
        }
    }
}
