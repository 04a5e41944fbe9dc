import Foundation
import TestSupport
import Testing

/// Input made by an attacker or an unlucky operator: special files as `-o`, links and devices
/// as cards, non-cards in the cards folder, huge and key-stuffed files, terminal escapes in
/// values. Each test failed before the fix it names.
@Suite struct HostileInputTests {
    // MARK: -o

    @Test func outputRefusesSpecialFilesAndWritesThroughLinks() throws {
        let repo = try CardRepo.withTwoCards()
        // A device is never replaced by a regular file (as root, rename(2) would do it).
        for command in [["export", "a", "--format", "markdown"], ["checkpoint"]] {
            let device = try repo.repo.run([PackagePaths.cardigan] + command + ["-o", "/dev/null"])
            #expect(device.status == 2, "\(device.output)")
            #expect(device.error.contains("'/dev/null': it is a character device"), "\(device.error)")
            var info = stat()
            #expect(lstat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        }
        try #require(mkfifo(repo.path + "/pipe", 0o644) == 0)
        let pipe = try repo.cardigan("export", "a", "--format", "markdown", "-o", "pipe")
        #expect(pipe.status == 2 && pipe.error.contains("it is a named pipe"), "\(pipe.error)")
        let folder = try repo.cardigan("checkpoint", "-o", "cards")
        #expect(folder.status == 2 && folder.error.contains("it is a folder"), "\(folder.error)")
        // A link is written through: the link stays, its target gets the content.
        try repo.write("out/target.md", "old\n")
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/link.md", withDestinationPath: "out/target.md")
        try repo.cardigan("export", "a", "--format", "markdown", "-o", "link.md").checked()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: repo.path + "/link.md") == "out/target.md")
        #expect(try repo.read("out/target.md").contains("Two."))
        // `-o -` is standard output; a new file gets the usual mode, not mkstemp's 0600.
        let standardOutput = try repo.cardigan("checkpoint", "-o", "-").checked()
        #expect(standardOutput.output.contains("refs/tags/cards/a/v2"), "\(standardOutput.output)")
        try repo.cardigan("checkpoint", "-o", "out/ck.txt").checked()
        let mode = try FileManager.default.attributesOfItem(atPath: repo.path + "/out/ck.txt")[.posixPermissions]
        #expect((mode as? Int).map { $0 & 0o044 } == 0o044)
        // Nothing left behind by the atomic writes.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: repo.path + "/out").sorted() == ["ck.txt", "target.md"])
    }

    // MARK: links and non-cards in the cards folder

    @Test func aLinkedCardIsRefusedNeverFollowed() throws {
        let repo = try CardRepo.withTwoCards()
        let outside = try ScratchRepository()
        try outside.write("secret.yaml", CardRepo.card("c") + "# the-secret-line\n")
        try FileManager.default.createSymbolicLink(
            atPath: repo.path + "/cards/c.yaml", withDestinationPath: outside.path + "/secret.yaml")
        for command in [
            ["validate"], ["validate", "cards/c.yaml"], ["commit", "-m", "c"], ["commit", "c", "-m", "c"],
        ] {
            let result = try repo.repo.run([PackagePaths.cardigan] + command)
            #expect(result.status == 1, "\(command): \(result.output)\(result.error)")
            #expect(
                result.output.contains("cards/c.yaml: error: 'cards/c.yaml' is a symbolic link"), "\(result.output)"
            )
            #expect(result.output.contains("[card-file-type]"))
            #expect(!(result.output + result.error).contains("the-secret-line"))
        }
        #expect(try repo.git("rev-list", "--count", "main") == "2\n")
    }

    @Test func nonCardsInTheCardsFolderAreReportedAndRefuseCommit() throws {
        let names: [(file: String, rule: String)] = [
            ("Foo.yaml", "card-file-name"), (".yaml", "card-file-name"), ("..yaml", "card-file-name"),
            ("con.yaml", "card-file-name"), ("lpt9.yaml", "card-file-name"), ("sub/x.yaml", "card-folder-entry"),
        ]
        for (file, rule) in names {
            let repo = try CardRepo.withTwoCards()
            try repo.edit("cards/a.yaml", replacing: "Two.", with: "Three.")
            try repo.write("cards/" + file, CardRepo.card("x"))
            let shown = "cards/" + (file.split(separator: "/").first.map(String.init) ?? file)
            let validate = try repo.cardigan("validate")
            #expect(validate.status == 1, "\(file): \(validate.output)")
            #expect(
                validate.output.contains("\(shown): error:") && validate.output.contains("[\(rule)]"),
                "\(validate.output)")
            let commit = try repo.cardigan("commit", "-m", "x")
            #expect(commit.status == 1, "\(file): \(commit.output)\(commit.error)")
            #expect(commit.output.contains("[\(rule)]"), "\(commit.output)")
            #expect(try repo.git("rev-list", "--count", "main") == "2\n")
        }
    }

    @Test func otherFilesAreMentionedAndEditorFilesLeftAlone() throws {
        let repo = try CardRepo.withTwoCards()
        try repo.edit("cards/a.yaml", replacing: "Two.", with: "Three.")
        for file in ["notes.txt", ".a.yaml.swp", "a.yaml~", "#a.yaml#", ".gitkeep"] {
            try repo.write("cards/" + file, "x")
        }
        let validate = try repo.cardigan("validate")
        #expect(validate.status == 0, "\(validate.output)")
        #expect(
            validate.output.contains(
                "cards/notes.txt: warning: 'cards/notes.txt' is not a card: the cards folder holds only '<name>.yaml' files [card-folder-entry]"
            ), "\(validate.output)")
        #expect(!validate.output.contains("swp") && !validate.output.contains("~") && !validate.output.contains("#"))
        // Never read or committed as a card, so it does not stop a commit (a tool's temporary
        // file beside a card must not fail a concurrent commit).
        try repo.cardigan("commit", "-m", "a v3").checked()
        #expect(try repo.git("ls-tree", "--name-only", "main", "cards/") == "cards/a.yaml\ncards/b.yaml\n")
    }

    @Test func listNamesAMisnamedCardFileNotYetCommitted() throws {
        let repo = try CardRepo.withTwoCards()
        try repo.write("cards/Foo.yaml", "name: Foo\n")
        let list = try repo.cardigan("list")
        #expect(list.status == 0, "\(list.error)")
        #expect(list.error.contains("warning: 'cards/Foo.yaml' is not a card"), "\(list.error)")
        try FileManager.default.removeItem(atPath: repo.path + "/cards/Foo.yaml")
        #expect(try !repo.cardigan("list").error.contains("is not a card"))
    }

    @Test func listAndLogWriteTerminalControlsFromTheRepositoryAsEscapes() throws {
        let repo = try CardRepo.withTwoCards()
        // Committed with plain git, past every check: what anyone who can push could do.
        try repo.write("cards/a.yaml", CardRepo.card("a", risk: "\"\\e]0;pwned\\a\\e[31mHigh\""))
        try repo.git("commit", "-qam", "a by hand")
        let list = try repo.cardigan("list")
        #expect(list.status == 0, "\(list.error)")
        #expect(!list.output.contains("\u{1B}") && !list.output.contains("\u{07}"), "\(list.output)")
        #expect(list.output.contains("\\e]0;pwned\\u{7}\\e[31mHigh"), "\(list.output)")
        try repo.edit("cards/b.yaml", replacing: "Predicts churn.", with: "Predicts more.")
        try repo.cardigan("commit", "b", "-m", "title \u{1B}[31mred").checked()
        let log = try repo.cardigan("log", "b")
        #expect(log.status == 0, "\(log.error)")
        #expect(!log.output.contains("\u{1B}") && log.output.contains("title \\e[31mred"), "\(log.output)")
    }

    @Test func theHooksAndTheServerRefuseALinkInTheCardsFolder() throws {
        let fixture = try PushFixture.withCardX()
        let clone = fixture.clone
        // A plain git commit of a link (mode 120000): the pre-commit hook refuses it…
        try FileManager.default.createSymbolicLink(atPath: clone.path + "/cards/y.yaml", withDestinationPath: "x.yaml")
        try clone.git("add", "cards/y.yaml")
        let hook = try clone.cardigan("hook", "pre-commit")
        #expect(
            hook.status == 1 && (hook.output + hook.error).contains("'cards/y.yaml' is a symbolic link"),
            "\(hook.output)\(hook.error)")
        // …and committed anyway, `check`, `verify` and the server refuse it.
        try clone.git("commit", "-q", "-m", "link")
        let check = try clone.cardigan("check", "--base", "HEAD~1")
        #expect(check.status == 1 && check.output.contains("[card-file-type]"), "\(check.output)")
        let verify = try clone.cardigan("verify")
        #expect(
            verify.status == 1 && verify.output.contains("cards/y.yaml: error: 'cards/y.yaml' is a symbolic link"),
            "\(verify.output)")
        let push = try fixture.push("origin", "main")
        #expect(push.status != 0 && push.error.contains("[card-file-type]"), "\(push.error)")
    }

    // MARK: size and cost

    @Test func aFileOverTheLimitIsNeverReadWhole() throws {
        let repo = try CardRepo.withTwoCards()
        // Sparse: 512 MiB that cost nothing to make; reading it whole would show in the peak memory
        // (the bound leaves room for a sanitizer's shadow memory).
        let path = repo.path + "/cards/huge.yaml"
        try #require(FileManager.default.createFile(atPath: path, contents: Data("name: huge\n".utf8)))
        try #require(truncate(path, 512 << 20) == 0)
        for command in [["validate"], ["validate", "cards/huge.yaml"], ["commit", "-m", "x"]] {
            let result = try repo.repo.run(["/usr/bin/time", "-f", "rss=%M", PackagePaths.cardigan] + command)
            #expect(result.status == 1, "\(result.output)\(result.error)")
            #expect(result.output.contains("file is 536870912 bytes, more than the limit"), "\(result.output)")
            let rss = result.error.split(separator: "\n").last { $0.hasPrefix("rss=") }.flatMap { Int($0.dropFirst(4)) }
            #expect((rss ?? .max) < 200_000, "peak \(rss ?? -1) KiB for \(command)")
        }
    }

    /// The fastest of two `validate` runs on a card with `count` unknown top-level keys.
    private func validationSeconds(unknownKeys count: Int) throws -> (seconds: Double, output: String) {
        let repo = try CardRepo()
        var text = CardRepo.card("k")
        for index in 0..<count { text += "x\(index): 1\n" }
        try repo.write("cards/k.yaml", text)
        var best = Double.infinity
        var output = ""
        for _ in 0..<2 {
            let started = Date()
            let result = try repo.cardigan("validate")
            best = min(best, Date().timeIntervalSince(started))
            output = result.output
            #expect(result.status == 1)
        }
        return (best, output)
    }

    @Test func unknownKeysAreCheckedInLinearTime() throws {
        // Up to 8,000 unknown keys keep the content under its limit, so every key reaches the
        // schema; before the fix each unknown key searched the list of all keys, so four times
        // the keys took sixteen times as long. Compared as a ratio, so a slow build or a busy
        // machine does not decide it.
        let small = try validationSeconds(unknownKeys: 2_000)
        let large = try validationSeconds(unknownKeys: 8_000)
        #expect(large.seconds < 8 * small.seconds, "2,000 keys: \(small.seconds) s, 8,000 keys: \(large.seconds) s")
        // Findings are capped per file, the rest counted, and the verdict kept.
        #expect(large.output.components(separatedBy: "[schema-additionalProperties]").count - 1 == 100)
        #expect(
            large.output.contains(
                "7900 more findings in this file are not listed (7900 of them errors) [too-many-findings]"),
            "\(large.output.suffix(400))")
    }

    // MARK: untrusted text

    @Test func controlAndBidiCharactersAreRefusedAndEscapedEverywhere() throws {
        let repo = try CardRepo()
        let card = CardRepo.card("t").replacingOccurrences(
            of: "model_description: Predicts churn.",
            with: #"model_description: "\e[31mred\x01\a \u202Etxt.exe""#)
        try repo.write("cards/t.yaml", card + "\"\\e]0;title\\a\": 1\n")
        for format in ["text", "github", "json", "sarif", "gitlab", "markdown"] {
            let result = try repo.cardigan("validate", "--format", format)
            #expect(result.status == 1)
            #expect(
                !result.output.unicodeScalars.contains { DisplayTextProbe.isRaw($0) }, "\(format) prints raw controls")
            #expect(result.output.contains("yaml-control-character"), "\(result.output)")
        }
        let text = try repo.cardigan("validate")
        #expect(
            text.output.contains(
                "cards/t.yaml:5:22: error: value holds the control character U+001B at character 1 [yaml-control-character]"
            ), "\(text.output)")
        #expect(text.output.contains("key holds the control character U+001B"), "\(text.output)")
    }

    @Test func aFileNameWithANewlineIsPrintedEscaped() throws {
        let repo = try CardRepo()
        try repo.write("cards/a\nb.yaml", CardRepo.card("a"))
        let result = try repo.cardigan("validate")
        #expect(result.status == 1)
        #expect(
            result.output.contains(#"cards/a\nb.yaml: error: file name: 'a\nb' is not a valid card name"#),
            "\(result.output)")
        #expect(result.output.split(separator: "\n").count == 3, "\(result.output)")
    }
}

/// What a terminal must never receive raw from card text.
enum DisplayTextProbe {
    static func isRaw(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x08, 0x0B...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
