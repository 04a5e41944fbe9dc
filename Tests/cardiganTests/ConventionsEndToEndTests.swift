import CardiganKit
import Foundation
import TestSupport
import Testing

/// Command-line conventions: colour variables, exit codes outside a repository, completion of
/// card names, examples in every help and the man page, tables by display width, odd file
/// names, and previews of uncommitted cards.
@Suite struct ConventionsEndToEndTests {
    /// Every command path; the root's help must list exactly the top-level ones.
    static let commands = [
        "init", "new", "validate", "commit", "status", "show", "log", "list", "verify", "checkpoint", "link", "clone",
        "packages", "diff", "check", "hook", "export", "import", "approve", "site", "registry", "explain",
    ]
    static let hookCommands = [
        "install", "pre-commit", "prepare-commit-msg", "post-commit", "pre-push", "pre-receive", "diff-driver",
        "textconv",
    ]

    /// Runs cardigan under a pseudo-terminal (`script`), with `environment` set as in `env`.
    static func onTerminal(_ repo: CardRepo, _ environment: String) throws -> String {
        let command = "env \(environment) '\(PackagePaths.cardigan)' validate"
        return try repo.repo.run(["script", "-qec", command, "/dev/null"]).output
    }

    @Test(.enabled(if: TestTools.usable("script"), "util-linux's script is not installed"))
    func colourFollowsNoColorAndTerm() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a", risk: "Meduim"))
        let escape = "\u{1B}["
        #expect(try Self.onTerminal(repo, "-u NO_COLOR TERM=xterm").contains(escape), "no colour on a terminal")
        #expect(try Self.onTerminal(repo, "NO_COLOR= TERM=xterm").contains(escape), "an empty NO_COLOR disabled colour")
        #expect(!(try Self.onTerminal(repo, "NO_COLOR=1 TERM=xterm").contains(escape)))
        #expect(!(try Self.onTerminal(repo, "-u NO_COLOR TERM=dumb").contains(escape)))
        #expect(try Self.onTerminal(repo, "-u NO_COLOR TERM=dumb").contains("error: 'Meduim'"))
    }

    @Test func validateOutsideACardRepositoryIsAnEnvironmentError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cardigan-none-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outside = try ProcessResult.run([PackagePaths.cardigan, "validate"], in: folder)
        #expect(outside.status == 2)
        #expect(outside.error.contains("not in a card repository"), "\(outside.error)")
        let gitOnly = try ScratchRepository()
        #expect(try gitOnly.run([PackagePaths.cardigan, "validate"]).status == 2)
        // Named files are still checked anywhere.
        try Data(CardRepo.card("x").utf8).write(to: URL(fileURLWithPath: folder + "/x.yaml"))
        #expect(try ProcessResult.run([PackagePaths.cardigan, "validate", "x.yaml"], in: folder).status == 0)
        // And a card repository with an empty cards folder has nothing wrong.
        let repo = try CardRepo()
        try repo.cardigan("init").checked()
        #expect(try repo.cardigan("validate").status == 0)
    }

    @Test func bashCompletesCardNames() throws {
        let repo = try CardRepo()
        for name in ["churn", "credit-risk", "chat-bot"] { try repo.write("cards/\(name).yaml", CardRepo.card(name)) }
        try repo.write("cards/Not A Card.yaml", "x: 1\n")
        let binDirectory = (PackagePaths.cardigan as NSString).deletingLastPathComponent
        let script = """
            source <(cardigan --generate-completion-script bash)
            for words in "show ch" "export c" "diff cr" "log "; do
              COMP_WORDS=(cardigan $words); [ "${words: -1}" = " " ] && COMP_WORDS+=("")
              COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE="cardigan $words"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
              _cardigan cardigan "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
              echo "$words: ${COMPREPLY[*]}"
            done
            """
        let result = try repo.repo.run(
            ["bash", "-c", script],
            environment: ["PATH": binDirectory + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")])
        #expect(
            result.output == """
                show ch: chat-bot churn
                export c: chat-bot churn credit-risk
                diff cr: credit-risk
                log : chat-bot churn credit-risk

                """, "\(result.output)\(result.error)")
    }

    /// A command without `commandName` gets its name from `String(describing:)` of its type at
    /// every start, a run-time type look-up that cost a tenth of a one-card commit's instructions.
    @Test func everyCommandConfigurationNamesItsCommand() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/cardigan")
        var configurations = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: sources.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(name), encoding: .utf8)
            let calls = text.components(separatedBy: "CommandConfiguration(").dropFirst()
            configurations += calls.count
            for call in calls {
                let opening = call.prefix(while: { $0 != ")" })
                #expect(opening.contains("commandName:"), "a CommandConfiguration in \(name) has no commandName")
            }
        }
        #expect(configurations >= Self.commands.count + Self.hookCommands.count)
    }

    @Test func everyCommandsHelpHasExamples() throws {
        let repo = try CardRepo()
        let root = try repo.cardigan("--help").checked().output
        let section = root.components(separatedBy: "SUBCOMMANDS:\n").last ?? ""
        let listed = section.split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.isEmpty }
            .filter { !$0.hasPrefix("   ") }.compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(listed == Self.commands)
        let paths = [[]] + Self.commands.map { [$0] } + Self.hookCommands.map { ["hook", $0] }
        for path in paths {
            let help = try repo.repo.run([PackagePaths.cardigan] + path + ["--help"]).checked().output
            let examples = help.components(separatedBy: "Examples:\n").dropFirst().first ?? ""
            let lines = examples.split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.isEmpty }
            #expect(!lines.isEmpty, "no examples in '\(path.joined(separator: " "))' --help")
            for line in lines {
                #expect(line.hasPrefix("  cardigan ") || line.hasPrefix("  git "), "'\(line)' in \(path)")
            }
        }
    }

    @Test(
        .enabled(
            if: TestTools.required || FileManager.default.fileExists(atPath: manualPath),
            "the man page is not generated (scripts/generate-manual.sh)"))
    func theManPageIsGeneratedWithEveryCommandAndItsExamples() throws {
        let page = try String(contentsOfFile: Self.manualPath, encoding: .utf8)
        for command in Self.commands + Self.hookCommands {
            #expect(page.contains(".It Em \(command)") || page.contains("\(command)\n"), "\(command) is missing")
        }
        #expect(page.components(separatedBy: "Examples:").count > Self.commands.count)
        let check = try ProcessResult.run(["groff", "-mdoc", "-Tutf8", "-ww", "-z", Self.manualPath], in: "/")
        #expect(check.status == 0 && check.error.isEmpty, "groff: \(check.error)")
    }

    static var manualPath: String { PackagePaths.root + "/.build/plugins/GenerateManual/outputs/cardigan/cardigan.1" }

    @Test func tablesAlignByDisplayWidth() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a"))
        try repo.cardigan("commit", "-m", "one", environment: ["GIT_AUTHOR_NAME": "山田太郎"]).checked()
        try repo.cardigan("status", "a", "PendingReview", environment: ["GIT_AUTHOR_NAME": "Zoe\u{301} 👍"]).checked()
        let lines = try repo.cardigan("log", "a").checked().output.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let dateColumns = lines.map { line -> Int in
            let prefix = line.components(separatedBy: "  2").first ?? ""  // the DATE column starts with the year
            return DisplayWidth.of(line.hasPrefix("VERSION") ? String(line.prefix { $0 != "D" }) : prefix + "  ")
        }
        #expect(Set(dateColumns).count == 1, "\(lines)")
        #expect(DisplayWidth.of("山田太郎") == 8 && DisplayWidth.of("Zoe\u{301}") == 3 && DisplayWidth.of("👍") == 2)
    }

    @Test func cardFilesWithOddNamesGetClearErrors() throws {
        let repo = try CardRepo.withTwoCards()
        try repo.write("cards/.hidden.yaml", CardRepo.card("x"))
        try repo.write("cards/a b.yaml", CardRepo.card("x"))
        let commit = try repo.cardigan("commit", "-m", "odd")
        #expect(commit.status == 1)
        #expect(commit.output.contains("cards/a b.yaml: error: file name: 'a b' is not a valid card name"))
        try repo.git("add", "cards")
        try repo.git("commit", "-qm", "odd files by hand")
        let list = try repo.cardigan("list")
        #expect(list.status == 0, "\(list.error)")
        #expect(!list.error.contains("git_") && list.error.contains("warning: 'cards/.hidden.yaml' is not a card"))
        #expect(list.output.contains("a     v2"))
        for arguments in [
            ["show", "a b"], ["log", ".hidden"], ["diff", "a b"], ["export", "a:b", "--format", "html"],
        ] {
            let result = try repo.repo.run([PackagePaths.cardigan] + arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(
                result.error.contains("is not a valid card name") && !result.error.contains("git_"), "\(result.error)")
        }
    }

    @Test func exportPreviewsTheWorkingTree() throws {
        let repo = try CardRepo.withTwoCards()
        try repo.edit("cards/a.yaml", replacing: "Two.", with: "Three, not committed.")
        let preview = try repo.cardigan("export", "a", "--format", "markdown", "--working-tree").checked().output
        #expect(preview.contains("Three, not committed."))
        #expect(preview.contains("not committed: a preview, not a record"), "\(preview.suffix(300))")
        #expect(preview.contains("working tree (changes after version 2)"))
        let recorded = try repo.cardigan("export", "a", "--format", "markdown").checked().output
        #expect(recorded.contains("Two.") && !recorded.contains("not committed"))
        let html = try repo.cardigan("export", "a", "--format", "html", "--working-tree").checked().output
        #expect(html.contains("not committed: a preview, not a record"))
        #expect(
            try repo.cardigan("export", "a", "--format", "html", "--working-tree", "--card-version", "1").status == 2)
        try repo.edit("cards/a.yaml", replacing: "risk_rating: Medium", with: "risk_rating: Meduim")
        let invalid = try repo.cardigan("export", "a", "--format", "html", "--working-tree")
        #expect(invalid.status == 1)
        #expect(invalid.error.contains("cards/a.yaml:7:16: error: 'Meduim'"), "\(invalid.error)")
    }

    @Test func valuesThatYAML11ReadsOtherwiseAreWarningsAndStrictMakesThemErrors() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a", description: "no"))
        let warned = try repo.cardigan("validate")
        #expect(warned.status == 0)
        #expect(
            warned.output.hasPrefix(
                "cards/a.yaml:5:22: warning: 'no' is the string 'no' here (YAML 1.2), but YAML 1.1 readers such as PyYAML read it as the boolean false [yaml11-ambiguous]"
            ), "\(warned.output)")
        let strict = try repo.cardigan("validate", "--strict")
        #expect(strict.status == 1)
        #expect(strict.output.contains("cards/a.yaml:5:22: error: 'no' is the string"))
        try repo.write("cards/a.yaml", CardRepo.card("a", description: "'no'"))
        #expect(try repo.cardigan("validate", "--strict").checked().output == "no errors in 1 card\n")
        // The example cards read alike in YAML 1.1 and 1.2.
        for name in ["credit-risk", "customer-churn", "support-ticket-classifier"] {
            try repo.write(
                "cards/\(name).yaml",
                try String(contentsOfFile: PackagePaths.exampleCards + "/\(name).yaml", encoding: .utf8))
        }
        let examples = try repo.cardigan("validate", "--strict")
        #expect(examples.status == 0, "\(examples.output)")
    }
}
