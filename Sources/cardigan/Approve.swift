import ArgumentParser
import CardiganKit
import Foundation

extension CardiganCommand {
    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "approve",
            abstract: "Sign an approval of a card's version in review; Approved once the policy's threshold is met.",
            discussion: Examples.of("approve"))

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The card.", completion: .cardNames)
        var name: String?

        @Flag(help: "Approve the policy files in the working tree instead; prints the 'Policy-Approval:' trailer.")
        var policy = false

        @Option(name: .shortAndLong, help: "The commit message (default: 'Approve <name> v<N> (<principal>)').")
        var message: String?

        @Option(help: "The SSH key to sign with (default: git's user.signingkey with gpg.format=ssh).")
        var key: String?

        @Option(help: "The principal to approve as, when the allowed signers file names several for the key.")
        var principal: String?

        func validate() throws {
            if policy == (name != nil) {
                throw ValidationError(
                    policy ? "'--policy' approves the policy, not a card" : "name the card to approve")
            }
        }

        func run() throws {
            let store = try global.cardStore()
            let signer = try store.approvalSigner(keyFile: key)
            defer { signer.cleanUp() }
            guard let name else {
                let result = try store.approvePolicy(signer: signer, principal: principal)
                if let trailer = result.trailer {
                    write(trailer + "\n")
                    return
                }
                let report = FindingReport(
                    findings: result.findings, checkedPaths: [], subject: "the policy change; nothing was signed")
                write(TextReporter(useColor: global.useColor).render(report))
                throw ExitCode(ExitStatus.findings)
            }
            try finish(store.approve(name, message: message, signer: signer, principal: principal), global: global)
        }
    }
}
