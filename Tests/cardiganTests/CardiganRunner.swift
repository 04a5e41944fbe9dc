import Foundation
import TestSupport
import Testing

/// A scratch card repository and the built `cardigan` binary to run in it.
final class CardRepo {
    let repo: ScratchRepository
    var path: String { repo.path }

    init() throws {
        repo = try ScratchRepository()
    }

    /// Runs `cardigan` with `arguments` in the repository.
    @discardableResult
    func cardigan(_ arguments: String..., environment: [String: String] = [:]) throws -> ProcessResult {
        try repo.run([PackagePaths.cardigan] + arguments, environment: environment)
    }

    /// Starts `cardigan` with `arguments` in the repository without waiting, output discarded.
    func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PackagePaths.cardigan)
        process.arguments = ["-C", path] + arguments
        process.environment = TestEnvironment.processEnvironment(environment)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @discardableResult
    func git(_ arguments: String...) throws -> String {
        try repo.run(["git"] + arguments).checked().output
    }

    func write(_ path: String, _ text: String) throws { try repo.write(path, text) }
    func read(_ path: String) throws -> String { try repo.read(path) }

    /// Expects `result` to have exited with `status` and to say `text` (on standard output for
    /// findings, exit 1; on standard error for errors, exit 2): an exit code alone would let a
    /// refusal for the wrong reason pass.
    func expect(
        _ result: ProcessResult, status: Int32, saying text: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            result.status == status, "\(result.command): \(result.output)\(result.error)",
            sourceLocation: sourceLocation)
        let said = status == 1 ? result.output : result.error
        #expect(said.contains(text), "\(result.command) did not say '\(text)': \(said)", sourceLocation: sourceLocation)
    }

    /// Replaces `old` with `new` in a file; fails the test through a throw when `old` is absent.
    func edit(_ path: String, replacing old: String, with new: String) throws {
        let text = try read(path)
        guard text.contains(old) else {
            throw ProcessFailure(
                result: ProcessResult(status: 1, output: "", error: "'\(old)' not in \(path)", command: "edit"))
        }
        try write(path, text.replacingOccurrences(of: old, with: new))
    }

    /// Writes `.cardigan.yaml` as `settings` and commits it with git alone (`git add`, `git
    /// commit -m configuration`): the settings a test needs in the history before its cards.
    func commitConfiguration(_ settings: String) throws {
        try write(".cardigan.yaml", settings)
        try git("add", ".cardigan.yaml")
        try git("commit", "-q", "-m", "configuration")
    }

    /// A repository with card `a` at version 2 and card `b` at version 1, all made by cardigan.
    static func withTwoCards() throws -> CardRepo {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", card("a", description: "One."))
        try repo.write("cards/b.yaml", card("b"))
        try repo.cardigan("commit", "-m", "two cards").checked()
        try repo.edit("cards/a.yaml", replacing: "One.", with: "Two.")
        try repo.cardigan("commit", "-m", "a v2").checked()
        return repo
    }

    /// A small valid card.
    static func card(
        _ name: String, status: String = "Draft", description: String = "Predicts churn.", risk: String = "Medium",
        modelName: String? = nil
    ) -> String {
        """
        name: \(name)
        status: \(status)
        model_overview:
          model_name: \(modelName ?? name + "-model")
          model_description: \(description)
        intended_uses:
          risk_rating: \(risk)

        """
    }
}
