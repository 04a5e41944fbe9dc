import Foundation
import TestSupport
import Testing

/// The global options written before the command, as git takes them: a mistake after them is
/// named for what it is, never blamed on `-C`.
@Suite struct GlobalOptionsTests {
    private func run(_ arguments: String...) throws -> ProcessResult {
        try ProcessResult.run([PackagePaths.cardigan] + arguments, in: "/")
    }

    @Test func anUnknownCommandAfterDashCIsNamed() throws {
        let repo = try CardRepo()
        let bogus = try run("-C", repo.path, "bogus")
        #expect(bogus.status == 2, "\(bogus.output)\(bogus.error)")
        #expect(bogus.error.hasPrefix("error: 'bogus' is not a cardigan command\n"), "\(bogus.error)")
        #expect(bogus.error.contains("'cardigan --help' lists the commands"), "\(bogus.error)")
        #expect(!bogus.error.contains("-C"), "\(bogus.error)")
        let misspelt = try run("--no-color", "-C", repo.path, "verfy")
        #expect(misspelt.status == 2 && misspelt.error.contains("did you mean 'verify'?"), "\(misspelt.error)")
        // Without global options too.
        let bare = try run("bogus")
        #expect(bare.status == 2 && bare.error.hasPrefix("error: 'bogus' is not a cardigan command"), "\(bare.error)")
    }

    @Test func dashCWithoutAFolderOrACommandIsAUsageError() throws {
        let alone = try run("-C")
        #expect(alone.status == 2, "\(alone.error)")
        #expect(alone.error.hasPrefix("error: option '-C' needs a folder\n"), "\(alone.error)")
        let repo = try CardRepo()
        let noCommand = try run("-C", repo.path)
        #expect(noCommand.status == 2, "\(noCommand.error)")
        #expect(noCommand.error.hasPrefix("error: no command after '-C \(repo.path)'"), "\(noCommand.error)")
    }

    @Test func dashCWithoutAFolderAfterTheCommandSaysTheSame() throws {
        // argument-parser would say "Missing value for '-C <dir>'" here: one wording for one mistake.
        let alone = try run("-C")
        for arguments in [
            ["list", "-C"], ["list", "-C", "--no-color"], ["-C", "--no-color", "list"], ["hook", "pre-commit", "-C"],
        ] {
            let result = try ProcessResult.run([PackagePaths.cardigan] + arguments, in: "/")
            #expect(result.status == 2, "\(arguments): \(result.error)")
            #expect(result.error == alone.error, "\(arguments): \(result.error)")
            #expect(!result.error.contains("Missing value"), "\(arguments): \(result.error)")
        }
        // The twin: a folder after the command, and '-C' as a value after '--', still work.
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a"))
        let after = try run("validate", "-C", repo.path)
        #expect(after.status == 0 && after.output.contains("no errors in 1 card"), "\(after.error)")
        let value = try run("-C", repo.path, "validate", "--", "-C")
        #expect(!value.error.contains("needs a folder"), "\(value.error)")
    }

    @Test func dashCBeforeACommandHelpOrHelpStillWorks() throws {
        // The twin: what was right stays right.
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a"))
        let validate = try run("-C", repo.path, "--no-color", "validate")
        #expect(validate.status == 0 && validate.output.contains("no errors in 1 card"), "\(validate.error)")
        let help = try run("-C", repo.path, "--help")
        #expect(help.status == 0 && help.output.contains("SUBCOMMANDS"), "\(help.error)")
        let helpVerify = try run("help", "verify")
        #expect(helpVerify.status == 0 && helpVerify.output.contains("USAGE: cardigan verify"), "\(helpVerify.error)")
    }

    /// Output into a pipe nobody reads (`cardigan … | true`), like the statement into an
    /// ssh-keygen that exited early, is an ignored write: not a death by SIGPIPE, which says
    /// nothing and once lost ssh-keygen's own message ('approve' exited 13 under load).
    @Test func aClosedPipeIsNotASignal() throws {
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PackagePaths.cardigan)
        process.arguments = ["explain"]
        process.environment = TestEnvironment.processEnvironment()
        process.standardOutput = pipe.fileHandleForWriting
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "killed by signal \(process.terminationStatus)")
    }
}
