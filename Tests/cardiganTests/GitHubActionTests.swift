import CardiganKit
import Foundation
import TestSupport
import Testing

/// The composite GitHub Action: `action.yml` and the README's workflows valid against
/// check-jsonschema's vendor schemas, and the action's shell steps run as a runner would run
/// them, against a scratch repository with a simulated `GITHUB_*` environment.
@Suite struct GitHubActionTests {
    static let reason = "check-jsonschema is not installed (scripts/install-test-tools.sh)"

    /// The README's YAML blocks that contain `marker`.
    static func readmeBlocks(containing marker: String) throws -> [String] {
        let readme = try String(contentsOfFile: PackagePaths.root + "/README.md", encoding: .utf8)
        return readme.components(separatedBy: "```yaml\n").dropFirst()
            .compactMap { $0.components(separatedBy: "\n```").first }
            .filter { $0.contains(marker) }
    }

    static func checkSchema(_ builtin: String, _ text: String, name: String) throws -> ProcessResult {
        let checker = try TestTools.require("check-jsonschema")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cardigan-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return try ProcessResult.run([checker, "--builtin-schema", builtin, file.path], in: folder.path)
    }

    @Test(.enabled(if: TestTools.usable("check-jsonschema"), "\(reason)"))
    func theActionAndTheREADMEsPipelinesAreValid() throws {
        let action = try String(contentsOfFile: PackagePaths.root + "/action.yml", encoding: .utf8)
        let checked = try Self.checkSchema("vendor.github-actions", action, name: "action.yml")
        #expect(checked.status == 0, "\(checked.output)\(checked.error)")
        let workflows = try Self.readmeBlocks(containing: "\njobs:\n")
        #expect(workflows.count == 3)  // the check, the action's use, and the site's publishing
        #expect(workflows.contains { $0.contains("uses: YOUR-ORG/YOUR-CARDIGAN-COPY@REVISION") })
        for workflow in workflows {
            let result = try Self.checkSchema("vendor.github-workflows", workflow, name: "cards.yml")
            #expect(result.status == 0, "\(result.output)\(result.error)")
        }
        let gitlab = try Self.readmeBlocks(containing: "codequality:")
        #expect(gitlab.count == 1)
        let result = try Self.checkSchema("vendor.gitlab-ci", gitlab.joined(), name: ".gitlab-ci.yml")
        #expect(result.status == 0, "\(result.output)\(result.error)")
        // The honest twin: the schema refuses an action without its 'runs'.
        let broken = action.replacingOccurrences(of: "runs:", with: "steps:")
        #expect(try Self.checkSchema("vendor.github-actions", broken, name: "action.yml").status != 0)
    }

    /// Runs the action's steps as a runner would; returns the last step's result and the runner's files.
    static func runAction(
        in repo: CardRepo, inputs: [String: String], environment: [String: String]
    ) throws -> (result: ProcessResult, summary: String, outputs: String) {
        let action = try #require(
            SafeYAMLLoader.load(
                try Data(contentsOf: URL(fileURLWithPath: PackagePaths.root + "/action.yml")), path: "action.yml"
            ).root)
        let steps = try #require(action["runs"]?["steps"]?.elements)
        let runner = repo.path + "/.runner"
        try FileManager.default.createDirectory(atPath: runner, withIntermediateDirectories: true)
        let summary = runner + "/summary.md"
        let path = runner + "/path"
        FileManager.default.createFile(atPath: summary, contents: nil)
        FileManager.default.createFile(atPath: path, contents: nil)
        var allOutputs = ""
        var last: ProcessResult?
        for (index, step) in steps.enumerated() {
            guard let run = step["run"]?.stringValue else {
                #expect(step["uses"]?.stringValue?.hasPrefix("actions/cache@") == true)  // the cache is the runner's
                continue
            }
            let output = runner + "/output-\(index)"
            FileManager.default.createFile(atPath: output, contents: nil)
            var env = environment
            for member in step["env"]?.members ?? [] {
                var value = member.value.stringValue ?? ""
                for (name, input) in inputs {
                    value = value.replacingOccurrences(of: "${{ inputs.\(name) }}", with: input)
                }
                env[member.key] = value
            }
            let added = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").reversed()
            env["PATH"] = (added + [Substring(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")])
                .joined(separator: ":")
            env.merge([
                "GITHUB_ACTION_PATH": PackagePaths.root, "GITHUB_WORKSPACE": repo.path, "GITHUB_STEP_SUMMARY": summary,
                "GITHUB_OUTPUT": output, "GITHUB_PATH": path, "RUNNER_TEMP": runner, "RUNNER_OS": "Linux",
                "GITHUB_ACTIONS": "true", "HOME": runner, "GIT_CONFIG_GLOBAL": "/dev/null",
            ]) { _, runnerValue in runnerValue }
            let result = try repo.repo.run(["bash", "-e", "-c", run], environment: env)
            allOutputs += try String(contentsOfFile: output, encoding: .utf8)
            last = result
            if result.status != 0 { break }
        }
        return (try #require(last), try String(contentsOfFile: summary, encoding: .utf8), allOutputs)
    }

    static var binDirectory: String { (PackagePaths.cardigan as NSString).deletingLastPathComponent }

    /// A pull request: `main` (also as `origin/main`) with card `b`, and a branch that breaks it.
    static func pullRequest(broken: Bool) throws -> (CardRepo, base: String) {
        let repo = try CardRepo.withTwoCards()
        let base = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git("update-ref", "refs/remotes/origin/main", base)
        try repo.git("checkout", "-q", "-b", "pr")
        try repo.edit(
            "cards/b.yaml", replacing: "risk_rating: Medium", with: broken ? "risk_rating: Meduim" : "risk_rating: High"
        )
        if broken {
            try repo.git("commit", "-qam", "typo")
        } else {
            try repo.cardigan("commit", "-m", "b riskier").checked()
        }
        return (repo, base)
    }

    @Test func theActionAnnotatesABrokenPullRequestAndSummarisesIt() throws {
        let (repo, _) = try Self.pullRequest(broken: true)
        try repo.write(".runner-event.json", #"{"pull_request": {"number": 1}}"#)
        let run = try Self.runAction(
            in: repo, inputs: ["base": "", "format": "github", "job-summary": "true"],
            environment: [
                "GITHUB_BASE_REF": "main", "GITHUB_EVENT_NAME": "pull_request",
                "GITHUB_EVENT_PATH": repo.path + "/.runner-event.json", "CARDIGAN_BIN_DIR": Self.binDirectory,
            ])
        #expect(run.result.status == 1, "\(run.result.output)\(run.result.error)")
        #expect(run.result.output.contains("::error file=cards/b.yaml,line=7,col=16,title=schema-enum::"))
        #expect(run.summary.contains("cardigan check") && run.summary.contains("`schema-enum`"), "\(run.summary)")
        #expect(run.summary.contains("intended_uses.risk_rating"), "the card diff is missing: \(run.summary)")
        #expect(run.outputs.contains("key=cardigan-Linux-") && run.outputs.contains("report="))
    }

    @Test func theActionPassesAGoodPushAndTakesTheBaseFromTheEvent() throws {
        let (repo, base) = try Self.pullRequest(broken: false)
        try repo.write(".runner-event.json", #"{"before": "\#(base)", "after": "HEAD"}"#)
        let run = try Self.runAction(
            in: repo, inputs: ["base": "", "format": "github", "job-summary": "true"],
            environment: [
                "GITHUB_EVENT_NAME": "push", "GITHUB_EVENT_PATH": repo.path + "/.runner-event.json",
                "CARDIGAN_BIN_DIR": Self.binDirectory,
            ])
        #expect(run.result.status == 0, "\(run.result.output)\(run.result.error)")
        #expect(run.summary.contains("`intended_uses.risk_rating`: `Medium` → `High`"), "\(run.summary)")
        // No base at all is an error that says what to give.
        try repo.write(".runner-event.json", "{}")
        let none = try Self.runAction(
            in: repo, inputs: ["base": "", "format": "gitlab", "job-summary": "false"],
            environment: [
                "GITHUB_EVENT_PATH": repo.path + "/.runner-event.json", "CARDIGAN_BIN_DIR": Self.binDirectory,
            ])
        #expect(none.result.status == 2)
        #expect(none.result.output.contains("::error title=cardigan::no base revision"))
    }

    @Test func gitlabFormatLocatesIssues() throws {
        let (repo, base) = try Self.pullRequest(broken: true)
        let result = try repo.cardigan("check", "--base", base, "--format", "gitlab")
        #expect(result.status == 1)
        let issues = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        let enumIssue = try #require(issues.first { $0["check_name"] as? String == "schema-enum" })
        let location = try #require(enumIssue["location"] as? [String: Any])
        #expect(location["path"] as? String == "cards/b.yaml")
        #expect((location["lines"] as? [String: Any])?["begin"] as? Int == 7)
    }
}
