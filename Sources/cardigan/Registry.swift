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

/// The configured registry, or an error saying how to configure one.
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

extension CardiganCommand {
    struct Registry: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "registry",
            abstract: "The model registry beside the cards: status, pull, push, scan.",
            discussion: Examples.of("registry"),
            subcommands: [Status.self, Pull.self, Push.self, Scan.self])

        struct Status: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "The registry and the cards side by side: undocumented versions, missing packages, drift.",
                discussion: Examples.of("registry status"))

            @OptionGroup var global: GlobalOptions

            @Option(help: "text, json, github or markdown.")
            var format: ReportFormat = .text

            func run() throws {
                let store = try global.cardStore()
                let report = try store.registryStatus(requiredRegistry(store))
                write(try format.reporter(for: "registry status", useColor: global.useColor).render(report))
                if report.errorCount > 0 { throw ExitCode(ExitStatus.findings) }
            }
        }

        struct Pull: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Refresh model_package_details of linked cards from the registry, as new versions.",
                discussion: Examples.of("registry pull"))

            @OptionGroup var global: GlobalOptions

            @Argument(help: "The cards (default: every linked card).")
            var names: [String] = []

            func run() throws {
                let store = try global.cardStore()
                let result = try store.registryPull(requiredRegistry(store), names: names)
                if result.findings.isEmpty, result.commit == nil {
                    print("every card's model_package_details matches the registry; nothing committed")
                    return
                }
                try finish(result, global: global)
            }
        }

        struct Push: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Publish card versions and status changes to the registry's model cards.",
                discussion: Examples.of("registry push"))

            @OptionGroup var global: GlobalOptions

            @Argument(help: "The cards (default: every card with a version).")
            var names: [String] = []

            @Flag(help: "Only say what would be sent.")
            var dryRun = false

            func run() throws {
                let store = try global.cardStore()
                let result = try store.registryPush(requiredRegistry(store), names: names, dryRun: dryRun)
                let verb = dryRun ? "would send" : "sent"
                for step in result.steps { print("\(verb): \(step)") }
                for note in result.notes { print("skipped: \(note)") }
                if result.steps.isEmpty { print("the registry has every card version; nothing \(verb)") }
                if !result.findings.isEmpty {
                    let report = FindingReport(findings: result.findings, checkedPaths: [], subject: "the registry")
                    write(TextReporter(useColor: global.useColor).render(report))
                    throw ExitCode(ExitStatus.findings)
                }
            }
        }

        struct Scan: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Package versions newer than the newest linked one; --clone makes their cards.",
                discussion: Examples.of("registry scan"))

            @OptionGroup var global: GlobalOptions

            @Flag(help: "Clone the previous version's card for each, linked and committed.")
            var clone = false

            func run() throws {
                let store = try global.cardStore()
                let result = try store.registryScan(requiredRegistry(store), clone: clone)
                if result.newVersions.isEmpty {
                    print("no model package version is newer than its group's newest card")
                }
                for (package, source) in result.newVersions where !clone {
                    print("new: \(package) (clone '\(source)' for it: cardigan registry scan --clone)")
                }
                for (_, made) in result.cloned { try finish(made, global: global) }
            }
        }
    }
}
