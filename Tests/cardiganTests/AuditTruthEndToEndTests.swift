import Foundation
import TestSupport
import Testing

/// The audit record tells the truth about every version: trailers equal the tree, a version's
/// status is the one it reached, `packages` names what each link really documents, the package
/// details change only through link and clone, one card per model, and no option collides with
/// `--version`. Each test runs the built binary in a scratch repository.
@Suite struct AuditTruthEndToEndTests {
    private func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// `git fsck --strict` finds nothing wrong.
    private func expectSound(_ repo: CardRepo, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fsck = try repo.repo.run(["git", "fsck", "--strict", "--no-progress"])
        #expect(fsck.status == 0 && fsck.error.isEmpty, "\(fsck.error)", sourceLocation: sourceLocation)
    }

    /// Card `x` at version 3, linked to `g/3` in version 2; returns the repository and the
    /// commit before version 3.
    private func linkedThreeVersions() throws -> (CardRepo, String) {
        let repo = try CardRepo()
        try repo.write("cards/x.yaml", CardRepo.card("x", description: "One."))
        try repo.cardigan("commit", "-m", "x").checked()
        try repo.cardigan("link", "x", "--model-package", "g/3").checked()
        let before = trimmed(try repo.git("rev-parse", "HEAD"))
        try repo.edit("cards/x.yaml", replacing: "One.", with: "Three.")
        try repo.cardigan("commit", "-m", "x v3").checked()
        return (repo, before)
    }

    /// Replaces the last commit with a plain `git commit` whose message is the real one with
    /// `old` replaced by `new`, and deletes the version tag it had: what someone forging a
    /// record by hand leaves.
    private func forgeLastCommit(_ repo: CardRepo, tag: String, replacing old: String, with new: String) throws {
        let message = try repo.git("log", "-1", "--format=%B")
        #expect(message.contains(old))
        try repo.write(".git/forged-message", message.replacingOccurrences(of: old, with: new))
        try repo.git("tag", "-d", tag)
        try repo.git("reset", "-q", "--soft", "HEAD~1")
        try repo.git("commit", "-q", "-F", ".git/forged-message")
    }

    @Test func aForgedModelPackageTrailerIsReportedAtTheFieldAndNeverRepairedIntoATag() throws {
        let (repo, base) = try linkedThreeVersions()
        try forgeLastCommit(repo, tag: "cards/x/v3", replacing: "Model-Package: g/3", with: "Model-Package: g/99")
        let line = try repo.read("cards/x.yaml").components(separatedBy: "\n").firstIndex {
            $0.contains("model_package_version:")
        }.map { $0 + 1 }
        let at = "cards/x.yaml:\(line ?? 0):"

        let verify = try repo.cardigan("verify")
        #expect(verify.status == 1)
        #expect(
            verify.output.contains(at) && verify.output.contains("'Model-Package: g/99'")
                && verify.output.contains("[record-mismatch]"), "\(verify.output)")
        let repair = try repo.cardigan("verify", "--repair")
        #expect(repair.status == 1, "\(repair.output)")
        #expect(try repo.git("tag", "-l", "cards/x/v3", "model-packages/g/99") == "")
        #expect(repair.output.contains("not re-created by '--repair'"), "\(repair.output)")

        let check = try repo.cardigan("check", "--base", base)
        #expect(check.status == 1)
        #expect(check.output.contains(at) && check.output.contains("[record-mismatch]"), "\(check.output)")
        try expectSound(repo)
    }

    @Test func theServerRefusesAForgedTrailerAndAForgedLinkTag() throws {
        let (repo, _) = try linkedThreeVersions()
        let fixture = try PushFixture(clone: repo)
        try repo.git("push", "-q", "origin", "HEAD~1:refs/heads/main", "cards/x/v1", "cards/x/v2", "model-packages/g/3")
        let before = try fixture.serverRefs()
        try forgeLastCommit(repo, tag: "cards/x/v3", replacing: "Model-Package: g/3", with: "Model-Package: g/99")
        // Whatever a repair would make goes along, and a hand-made link tag for the false package.
        _ = try repo.cardigan("verify", "--repair")
        try repo.git("tag", "-a", "-m", "model-packages/g/99\n\nCard: x\nCard-Version: 3\n", "model-packages/g/99")
        let push = try fixture.push("--follow-tags", "origin", "main", "model-packages/g/99")
        #expect(push.status != 0)
        let line =
            (try repo.read("cards/x.yaml").components(separatedBy: "\n").firstIndex {
                $0.contains("model_package_version:")
            } ?? -1) + 1
        #expect(push.error.contains("[record-mismatch]") && push.error.contains("g/99"), "\(push.error)")
        #expect(push.error.contains("cards/x.yaml:\(line):"), "\(push.error)")
        #expect(push.error.contains("tag 'model-packages/g/99'"), "\(push.error)")
        #expect(try fixture.serverRefs() == before)
        try expectSound(repo)
    }

    @Test func aVersionShowsTheStatusItReachedAndWhatSupersededIt() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a", description: "One."))
        try repo.cardigan("commit", "-m", "a").checked()
        try repo.cardigan("status", "a", "PendingReview").checked()
        try repo.cardigan("status", "a", "Approved", "-m", "approved by the committee").checked()
        let approval = trimmed(try repo.git("rev-parse", "HEAD"))
        try repo.edit("cards/a.yaml", replacing: "One.", with: "Two.")
        try repo.edit("cards/a.yaml", replacing: "status: Approved", with: "status: Draft")
        try repo.cardigan("commit", "-m", "a v2").checked()

        let show = try repo.cardigan("show", "a", "--card-version", "1").checked().output
        #expect(show.hasPrefix("# card a, version 1, Approved\n"), "\(show)")
        #expect(show.contains("# status: Approved, set by Test Author <author@example.com> on "), "\(show)")
        #expect(show.contains("in commit \(approval.prefix(12))"), "\(show)")
        #expect(show.contains("# superseded by version 2 on "), "\(show)")

        let json = try repo.cardigan("show", "a", "--card-version", "1", "--format", "json").checked().output
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "Approved")
        #expect(object["superseded_by"] as? Int == 2)
        let timeline = try #require(object["status_timeline"] as? [[String: Any]])
        #expect(timeline.map { $0["status"] as? String ?? "" } == ["Draft", "PendingReview", "Approved"])
        #expect(timeline.last?["commit"] as? String == approval)

        for format in ["markdown", "html"] {
            let export = try repo.cardigan("export", "a", "--card-version", "1", "--format", format).checked().output
            #expect(export.contains("Approved, set by Test Author"), "\(format): \(export)")
            #expect(export.contains("superseded by version 2"), "\(format)")
            #expect(!export.contains("(Draft"), "\(format)")
        }
        let latest = try repo.cardigan("show", "a").checked().output
        #expect(latest.hasPrefix("# card a, version 2, Draft\n") && !latest.contains("superseded"), "\(latest)")
        try expectSound(repo)
    }

    @Test func packagesNamesTheLinkedLatestAndApprovedVersions() throws {
        let repo = try CardRepo()
        try repo.write("cards/churn.yaml", CardRepo.card("churn", description: "One."))
        try repo.write("cards/fraud.yaml", CardRepo.card("fraud"))
        try repo.cardigan("commit", "-m", "cards").checked()
        try repo.cardigan("link", "churn", "--model-package", "churn/1").checked()  // churn v2
        try repo.cardigan("link", "fraud", "--model-package", "fraud/1").checked()
        try repo.cardigan("status", "churn", "PendingReview").checked()
        try repo.cardigan("status", "churn", "Approved").checked()
        try repo.edit("cards/churn.yaml", replacing: "One.", with: "Three.")
        try repo.edit("cards/churn.yaml", replacing: "status: Approved", with: "status: Draft")
        try repo.cardigan("commit", "-m", "churn v3").checked()

        let text = try repo.cardigan("packages").checked().output
        let lines = text.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(lines.first == ["MODEL", "PACKAGE", "CARD", "LINKED", "AT", "LATEST", "APPROVED", "LINK"], "\(text)")
        #expect(lines.dropFirst().first == ["churn/1", "churn", "v2", "v3", "Draft", "v2", "intact"], "\(text)")
        #expect(lines.dropFirst(2).first == ["fraud/1", "fraud", "v2", "v2", "Draft", "none", "approved", "intact"])

        let json = try repo.cardigan("packages", "--format", "json").checked().output
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let links = try #require(object["packages"] as? [[String: Any]])
        #expect(links.first?["card_version"] as? Int == 2)
        #expect(links.first?["latest_version"] as? Int == 3)
        #expect(links.first?["latest_status"] as? String == "Draft")
        #expect(links.first?["approved_version"] as? Int == 2)
        // None approved: the key is there, its value null.
        #expect(links.last?.keys.contains("approved_version") == true && links.last?["approved_version"] is NSNull)
        try expectSound(repo)
    }

    @Test func modelPackageDetailsChangeOnlyThroughLinkAndClone() throws {
        let repo = try CardRepo()
        try repo.write("cards/x.yaml", CardRepo.card("x"))
        try repo.cardigan("commit", "-m", "x").checked()
        let arn = "arn:aws:sagemaker:eu-west-1:123456789012:model-package/g/3"
        try repo.cardigan(
            "link", "x", "--model-package", "g/3", "--arn", arn, "--approval-status", "PendingManualApproval"
        ).checked()
        #expect(
            try repo.git("log", "-1", "--format=%(trailers:key=Package-Details-Source,valueonly)") == "link\n\n")
        let head = try repo.git("rev-parse", "HEAD")

        func lineOf(_ text: String) throws -> Int {
            (try repo.read("cards/x.yaml").components(separatedBy: "\n").firstIndex { $0.contains(text) } ?? -1) + 1
        }
        try repo.edit(
            "cards/x.yaml", replacing: "model_approval_status: PendingManualApproval",
            with: "model_approval_status: Approved")
        let approval = try repo.cardigan("commit", "-m", "hand edit")
        #expect(approval.status == 1)
        #expect(
            approval.output.contains("cards/x.yaml:\(try lineOf("model_approval_status")):")
                && approval.output.contains("[package-details-edited]"), "\(approval.output)")
        try repo.git("checkout", "--", "cards/x.yaml")

        try repo.edit("cards/x.yaml", replacing: "model-package/g/3", with: "model-package/other/3")
        let other = try repo.cardigan("commit", "-m", "another ARN")
        #expect(other.status == 1)
        #expect(
            other.output.contains("cards/x.yaml:\(try lineOf("model_package_arn")):")
                && other.output.contains("[package-arn-mismatch]"), "\(other.output)")
        let validate = try repo.cardigan("validate")
        #expect(validate.status == 1 && validate.output.contains("[package-arn-mismatch]"))
        try repo.git("checkout", "--", "cards/x.yaml")

        // Another package version by hand: the link rule, at the version's line too.
        try repo.edit("cards/x.yaml", replacing: "model_package_version: 3", with: "model_package_version: 4")
        try repo.edit("cards/x.yaml", replacing: "model-package/g/3", with: "model-package/g/4")
        let moved = try repo.cardigan("commit", "-m", "another version")
        #expect(moved.status == 1)
        #expect(
            moved.output.contains("cards/x.yaml:\(try lineOf("model_package_version")):")
                && moved.output.contains("already documents model package 'g/3'"), "\(moved.output)")
        try repo.git("checkout", "--", "cards/x.yaml")
        #expect(try repo.git("rev-parse", "HEAD") == head)
        try expectSound(repo)
    }

    @Test func verifyAndCheckReportAVersionThatChangedThePackageDetailsByHand() throws {
        let (repo, _) = try linkedThreeVersions()
        // The digest of the edited card, as a cardigan of another repository computes it.
        let edited = try repo.read("cards/x.yaml").replacingOccurrences(
            of: "  model_package_version: 3\n", with: "  model_package_version: 3\n  model_approval_status: Approved\n")
        let other = try CardRepo()
        try other.write("cards/x.yaml", edited)
        try other.cardigan("commit", "-m", "x").checked()
        let digest = trimmed(try other.git("log", "-1", "--format=%(trailers:key=Card-Digest,valueonly)"))
        #expect(digest.hasPrefix("sha256:"))

        let base = trimmed(try repo.git("rev-parse", "HEAD"))
        // Without a source, and claiming one that could not have made this change: `link` makes
        // only a card's first link, `clone` only a version 1.
        for claim in ["", "Package-Details-Source: link\n", "Package-Details-Source: clone\n"] {
            try repo.git("reset", "-q", "--hard", base)
            try repo.write("cards/x.yaml", edited)
            try repo.write(
                ".git/forged-message",
                "approve the package by hand\n\nCard: x\nCard-Version: 4\nCard-Digest: \(digest)\nCard-Status: Draft\nCard-Change: version\nModel-Package: g/3\n\(claim)"
            )
            try repo.git("commit", "-q", "-a", "-F", ".git/forged-message")
            // Located at the field that changed.
            let line =
                (edited.components(separatedBy: "\n").firstIndex { $0.contains("model_approval_status") } ?? -1) + 1
            let verify = try repo.cardigan("verify")
            #expect(verify.status == 1, "\(claim)")
            #expect(
                verify.output.contains("cards/x.yaml:\(line):") && verify.output.contains("[package-details-edited]"),
                "\(claim): \(verify.output)")
            let check = try repo.cardigan("check", "--base", base)
            #expect(check.status == 1, "\(claim)")
            #expect(
                check.output.contains("cards/x.yaml:\(line):") && check.output.contains("[package-details-edited]"),
                "\(claim): \(check.output)")
            try expectSound(repo)
        }
    }

    /// `Package-Details-Source: registry` is believed where `registry pull` could have made the
    /// version: a card linked before, to the same package, with nothing but the section changed
    /// (what the registry holds is not known offline; `registry status` compares it). The same
    /// claim on a version that also changed the description, or that moved the card to another
    /// package version, is a hand edit's.
    @Test func aRegistryRefreshIsBelievedOnlyWhereRegistryPullCouldHaveMadeIt() throws {
        let (repo, _) = try linkedThreeVersions()
        let base = trimmed(try repo.git("rev-parse", "HEAD"))
        let refreshed = try repo.read("cards/x.yaml").replacingOccurrences(
            of: "  model_package_version: 3\n", with: "  model_package_version: 3\n  model_approval_status: Approved\n")
        let alsoDescribed = refreshed.replacingOccurrences(of: "Three.", with: "Four.")
        let otherPackage = refreshed.replacingOccurrences(
            of: "model_package_version: 3", with: "model_package_version: 4")
        #expect(Set([refreshed, alsoDescribed, otherPackage]).count == 3)
        for edited in [refreshed, alsoDescribed, otherPackage] {
            let other = try CardRepo()
            try other.write("cards/x.yaml", edited)
            try other.cardigan("commit", "-m", "x").checked()
            let digest = trimmed(try other.git("log", "-1", "--format=%(trailers:key=Card-Digest,valueonly)"))
            let package = edited == otherPackage ? "g/4" : "g/3"
            try repo.git("reset", "-q", "--hard", base)
            _ = try? repo.git("tag", "-d", "cards/x/v4")  // the last round's
            try repo.write("cards/x.yaml", edited)
            try repo.write(
                ".git/forged-message",
                "refresh from the registry\n\nCard: x\nCard-Version: 4\nCard-Digest: \(digest)\nCard-Status: Draft\nCard-Change: version\nModel-Package: \(package)\nPackage-Details-Source: registry\n"
            )
            try repo.git("commit", "-q", "-a", "-F", ".git/forged-message")
            // The version tag the commit lacks, made from its record.
            _ = try repo.cardigan("verify", "--repair")
            let verify = try repo.cardigan("verify")
            let check = try repo.cardigan("check", "--base", base)
            if edited == refreshed {
                #expect(verify.status == 0, "\(verify.output)")
                #expect(check.status == 0, "\(check.output)")
            } else if edited == alsoDescribed {
                let line = (edited.components(separatedBy: "\n").firstIndex { $0.contains("Four.") } ?? -1) + 1
                for result in [verify, check] {
                    #expect(result.status == 1)
                    #expect(
                        result.output.contains("cards/x.yaml:\(line):")
                            && result.output.contains(
                                "records that the registry refreshed model_package_details, but it also changed model_overview.model_description"
                            ) && result.output.contains("[package-details-edited]"),
                        "\(result.command): \(result.output)")
                }
            } else {
                for result in [verify, check] {
                    #expect(result.status == 1)
                    #expect(
                        result.output.contains(
                            "changed in version 4 with 'Package-Details-Source: registry', which 'registry pull' could not have written: it refreshes a card linked before, its package unchanged"
                        )
                            && result.output.contains("[package-details-edited]"),
                        "\(result.command): \(result.output)")
                }
            }
        }
    }

    @Test func verifyReportsALinkTagWhoseARNDiffersFromTheCardAtTheField() throws {
        let repo = try CardRepo()
        try repo.write("cards/x.yaml", CardRepo.card("x"))
        try repo.cardigan("commit", "-m", "x").checked()
        let arn = "arn:aws:sagemaker:eu-west-1:123456789012:model-package/g/3"
        try repo.cardigan("link", "x", "--model-package", "g/3", "--arn", arn).checked()
        try repo.cardigan("verify").checked()
        let message = try repo.git("tag", "-l", "--format=%(contents)", "model-packages/g/3")
        try repo.git("tag", "-d", "model-packages/g/3")
        try repo.git(
            "tag", "-a", "-m", message.replacingOccurrences(of: "eu-west-1", with: "us-east-1"), "model-packages/g/3")
        let line =
            (try repo.read("cards/x.yaml").components(separatedBy: "\n").firstIndex {
                $0.hasPrefix("model_package_details:")
            } ?? -1) + 2  // the section's first field
        let verify = try repo.cardigan("verify")
        #expect(verify.status == 1)
        #expect(
            verify.output.contains("cards/x.yaml:\(line):3:") && verify.output.contains("[link-tag-mismatch]")
                && verify.output.contains("records ARN"), "\(verify.output)")
        try expectSound(repo)
    }

    @Test func statusAndLinkRefuseACardWithUncommittedEditsAsAFinding() throws {
        let repo = try CardRepo()
        try repo.write("cards/x.yaml", CardRepo.card("x"))
        try repo.cardigan("commit", "-m", "x").checked()
        try repo.edit("cards/x.yaml", replacing: "Predicts churn.", with: "Predicts churn well.")
        let head = try repo.git("rev-parse", "HEAD")
        for arguments in [["status", "x", "PendingReview"], ["link", "x", "--model-package", "g/1"]] {
            let refused = try repo.repo.run([PackagePaths.cardigan] + arguments)
            // A finding about the card (exit 1, as the README says), located at its file.
            repo.expect(refused, status: 1, saying: "cards/x.yaml: error: card 'x' has uncommitted changes")
            #expect(refused.output.contains("[uncommitted-edits]"), "\(refused.output)")
            #expect(try repo.git("rev-parse", "HEAD") == head)
        }
        #expect(try repo.read("cards/x.yaml").contains("Predicts churn well."))
        #expect(try repo.git("tag", "--list", "model-packages/*").isEmpty)
    }

    @Test func aCardIsNotApprovedWhileItsPackageIsRejected() throws {
        let repo = try CardRepo()
        try repo.write("cards/x.yaml", CardRepo.card("x"))
        try repo.cardigan("commit", "-m", "x").checked()
        try repo.cardigan("link", "x", "--model-package", "g/1", "--approval-status", "Rejected").checked()
        try repo.cardigan("status", "x", "PendingReview").checked()
        let head = try repo.git("rev-parse", "HEAD")
        let approve = try repo.cardigan("status", "x", "Approved")
        #expect(approve.status == 1)
        #expect(
            approve.output.contains("[package-rejected]") && approve.output.contains("approval status is Rejected"),
            "\(approve.output)")
        #expect(try repo.git("rev-parse", "HEAD") == head)
        #expect(try repo.read("cards/x.yaml").contains("status: PendingReview"))

        // Approved by a plain git commit: verify and check report it at the package's status.
        let base = trimmed(head)
        try repo.edit("cards/x.yaml", replacing: "status: PendingReview", with: "status: Approved")
        try repo.git("commit", "-qam", "approve by hand")
        let line =
            (try repo.read("cards/x.yaml").components(separatedBy: "\n").firstIndex {
                $0.contains("model_approval_status")
            } ?? -1) + 1
        for arguments in [["verify"], ["check", "--base", base]] {
            let result = try repo.repo.run([PackagePaths.cardigan] + arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(
                result.output.contains("cards/x.yaml:\(line):") && result.output.contains("[package-rejected]"),
                "\(arguments): \(result.output)")
        }
        try expectSound(repo)
    }

    @Test func oneCardPerModel() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a", modelName: "churn-xgb"))
        try repo.write("cards/b.yaml", CardRepo.card("b", modelName: "churn-xgb"))
        let validate = try repo.cardigan("validate")
        #expect(validate.status == 1)
        #expect(
            validate.output.contains(
                "cards/b.yaml:4:15: error: model name 'churn-xgb' of 'b' is already documented by card 'a'"),
            "\(validate.output)")
        let commit = try repo.cardigan("commit", "-m", "both")
        #expect(commit.status == 1 && commit.output.contains("[model-name-taken]"), "\(commit.output)")
        try repo.write("cards/b.yaml", CardRepo.card("b", modelName: "fraud"))
        try repo.cardigan("commit", "-m", "both").checked()

        let noName = try repo.cardigan("clone", "a", "c", "--model-package", "g/2")
        #expect(noName.status == 2 && noName.error.contains("--model-name"), "\(noName.error)")
        let same = try repo.cardigan("clone", "a", "c", "--model-package", "g/2", "--model-name", "churn-xgb")
        #expect(same.status == 2 && same.error.contains("one card per model"), "\(same.error)")
        let taken = try repo.cardigan("clone", "a", "c", "--model-package", "g/2", "--model-name", "fraud")
        #expect(taken.status == 2 && taken.error.contains("card 'b'"), "\(taken.error)")
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/cards/c.yaml"))
        try repo.cardigan("clone", "a", "c", "--model-package", "g/2", "--model-name", "churn-xgb-2").checked()
        #expect(try repo.read("cards/c.yaml").contains("model_name: churn-xgb-2"))
        try repo.cardigan("verify").checked()

        // A pull request that adds a card for a model an untouched card of base documents.
        try repo.git("checkout", "-q", "-b", "pr")
        try repo.write("cards/d.yaml", CardRepo.card("d", modelName: "fraud"))
        try repo.git("add", "cards/d.yaml")
        try repo.git("commit", "-qm", "d, hooks not installed")
        let check = try repo.cardigan("check", "--base", "main")
        #expect(check.status == 1)
        #expect(
            check.output.contains(
                "cards/d.yaml:4:15: error: model name 'fraud' of 'd' is already documented by card 'b'"),
            "\(check.output)")
        try repo.git("checkout", "-q", "main")
        try expectSound(repo)
    }

    @Test func importLeavesOutThePackageDetailsUnlessAskedToKeepThem() throws {
        let repo = try CardRepo()
        try repo.write(
            "content.json",
            #"{"model_overview":{"model_name":"imported"},"model_package_details":{"model_package_group_name":"g","model_package_version":7}}"#
        )
        let plain = try repo.cardigan("import", "--from", "sagemaker", "content.json", "--name", "plain").checked()
        #expect(plain.output.contains("model package 'g/7'") && plain.output.contains("left out"), "\(plain.output)")
        #expect(!(try repo.read("cards/plain.yaml")).contains("model_package_details"))
        try repo.cardigan("commit", "-m", "plain").checked()
        #expect(try repo.git("tag", "-l", "model-packages/*") == "")

        try repo.write(
            "content.json",
            #"{"model_overview":{"model_name":"kept"},"model_package_details":{"model_package_group_name":"g","model_package_version":7,"model_package_arn":"arn:aws:sagemaker:eu-west-1:123456789012:model-package/g/7"}}"#
        )
        try repo.cardigan("import", "--from", "sagemaker", "content.json", "--name", "kept", "--keep-link").checked()
        let commit = try repo.cardigan("commit", "kept", "-m", "kept").checked()
        #expect(commit.output.contains("linked: tag model-packages/g/7"), "\(commit.output)")
        // The link tag records the ARN the card names, as the hooks and '--repair' make it.
        #expect(
            try repo.git("tag", "-l", "--format=%(contents)", "model-packages/g/7").contains(
                "Model-Package-Arn: arn:aws:sagemaker:eu-west-1:123456789012:model-package/g/7"))
        try repo.cardigan("verify").checked()
        try expectSound(repo)
    }

    @Test func cloneStartsFromAGivenOrTheLatestApprovedVersion() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a", description: "First.", risk: "Low"))
        try repo.cardigan("commit", "-m", "a").checked()
        try repo.cardigan("status", "a", "PendingReview").checked()
        try repo.cardigan("status", "a", "Approved").checked()
        try repo.edit("cards/a.yaml", replacing: "risk_rating: Low", with: "risk_rating: High")
        try repo.edit("cards/a.yaml", replacing: "status: Approved", with: "status: Draft")
        try repo.cardigan("commit", "-m", "a v2").checked()

        let collides = try repo.cardigan("clone", "a", "b", "--model-package", "g/1", "--model-name", "b", "--version")
        #expect(collides.status == 2, "\(collides.output)")
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/cards/b.yaml"))

        try repo.cardigan("clone", "a", "b", "--model-package", "g/1", "--model-name", "b", "--approved").checked()
        #expect(try repo.read("cards/b.yaml").contains("risk_rating: Low"))
        #expect(try repo.git("log", "-1", "--format=%(trailers:key=Cloned-From,valueonly)") == "a/v1\n\n")
        try repo.cardigan("clone", "a", "c", "--model-package", "g/2", "--model-name", "c", "--card-version", "2")
            .checked()
        #expect(try repo.read("cards/c.yaml").contains("risk_rating: High"))
        try expectSound(repo)
    }

    @Test func diffShowsANewSectionFieldByField() throws {
        let repo = try CardRepo()
        try repo.write("cards/x.yaml", CardRepo.card("x"))
        try repo.cardigan("commit", "-m", "x").checked()
        let description = String(repeating: "A long description of the holdout set. ", count: 5)
        try repo.write(
            "cards/x.yaml",
            CardRepo.card("x") + """
                evaluation_details:
                  - name: holdout
                    evaluation_observation: \(description)
                    metric_groups:
                      - name: binary
                        metric_data:
                          - {name: auc, type: number, value: 0.91}
                          - {name: recall, type: number, value: 0.72}

                """)
        let text = try repo.cardigan("diff", "x").checked().output
        for line in [
            "evaluation_details[holdout].metric_groups[binary].auc: added 0.91",
            "evaluation_details[holdout].metric_groups[binary].recall: added 0.72",
        ] {
            #expect(text.contains(line), "\(text)")
        }
        let markdown = try repo.cardigan("diff", "x", "--format", "markdown").checked().output
        #expect(markdown.contains("recall") && markdown.contains("0.72"), "\(markdown)")
        #expect(markdown.contains("`evaluation_details[holdout].evaluation_observation`: added"), "\(markdown)")
        try expectSound(repo)
    }

    @Test func eachCommitIsJudgedByTheSchemaInItsOwnTree() throws {
        let repo = try CardRepo()
        try repo.cardigan("init").checked()
        #expect(try repo.read(".cardigan.yaml").contains("schema: builtin:model-card/1"))
        try repo.write("cards/a.yaml", CardRepo.card("a", description: "One."))
        try repo.git("add", ".cardigan.yaml")
        try repo.git("commit", "-qm", "configuration")
        try repo.cardigan("commit", "-m", "a").checked()
        try repo.cardigan("status", "a", "PendingReview").checked()

        // The repository's own schema: the built-in one, plus business_details required.
        let builtIn = try String(
            contentsOfFile: PackagePaths.root + "/templates/model-card.schema.json", encoding: .utf8)
        let own = builtIn.replacingOccurrences(
            of: "\"required\": [\n    \"name\",", with: "\"required\": [\n    \"business_details\",\n    \"name\",")
        #expect(own != builtIn)
        try repo.write("schemas/org.json", own)
        try repo.write(".cardigan.yaml", "schema: schemas/org.json\n")
        try repo.git("add", "schemas/org.json", ".cardigan.yaml")
        try repo.git("commit", "-qm", "require business details from now on")

        // Version 1, made before, is still judged by the schema it was made under.
        let before = try repo.cardigan("verify", "--no-cache")
        #expect(before.status == 0, "\(before.output)")
        try repo.edit("cards/a.yaml", replacing: "One.", with: "Two.")
        let refused = try repo.cardigan("commit", "-m", "a v2")
        #expect(refused.status == 1 && refused.output.contains("business_details"), "\(refused.output)")
        try repo.write(
            "cards/a.yaml", try repo.read("cards/a.yaml") + "business_details:\n  line_of_business: retail\n")
        try repo.cardigan("commit", "-m", "a v2").checked()
        // The cache is kept per schema: cold, warm and uncached runs agree.
        let cold = try repo.cardigan("verify")
        let warm = try repo.cardigan("verify")
        let uncached = try repo.cardigan("verify", "--no-cache")
        #expect(cold.status == 0 && cold.output == warm.output && warm.output == uncached.output, "\(cold.output)")

        // An uncommitted .cardigan.yaml does not loosen what a commit must pass.
        try repo.write(".cardigan.yaml", "schema: builtin:model-card/1\n")
        try repo.edit("cards/a.yaml", replacing: "business_details:\n  line_of_business: retail\n", with: "")
        let loosened = try repo.cardigan("commit", "-m", "a v3")
        #expect(loosened.status == 1 && loosened.output.contains("business_details"), "\(loosened.output)")
        #expect(
            (loosened.output + loosened.error).contains("the schema of the branch's .cardigan.yaml applies"),
            "\(loosened.output)")
        try repo.git("checkout", "--", ".cardigan.yaml", "cards/a.yaml")

        // A plain commit of version 2's file without business_details is judged by the new schema.
        try repo.edit("cards/a.yaml", replacing: "business_details:\n  line_of_business: retail\n", with: "")
        try repo.git("commit", "-qam", "drop the section by hand")
        let after = try repo.cardigan("verify")
        #expect(after.status == 1 && after.output.contains("[invalid-card]"), "\(after.output)")
        #expect(after.output.contains("business_details"), "\(after.output)")
        try expectSound(repo)
    }

    @Test func verifyAndListReadTheConfigurationOfTheProtectedBranch() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a"))
        try repo.cardigan("commit", "-m", "a").checked()
        // An uncommitted, stricter schema (business_details required) must not judge the record.
        let builtIn = try String(
            contentsOfFile: PackagePaths.root + "/templates/model-card.schema.json", encoding: .utf8)
        try repo.write(
            "schemas/strict.json",
            builtIn.replacingOccurrences(
                of: "\"required\": [\n    \"name\",", with: "\"required\": [\n    \"business_details\",\n    \"name\",")
        )
        try repo.write(".cardigan.yaml", "schema: schemas/strict.json\n")
        #expect(try repo.cardigan("validate").status == 1)  // the working tree's rules, for new work
        for command in [["verify"], ["list"]] {
            let result = try repo.repo.run([PackagePaths.cardigan] + command)
            #expect(result.status == 0, "\(command): \(result.error)")
            #expect(
                result.error.contains(
                    "note: '.cardigan.yaml' is not committed on 'main' yet; the default configuration is used here"),
                "\(command): \(result.error)")
        }
        try repo.write(".cardigan.yaml", "schema: builtin:model-card/9\n")
        let unknown = try repo.cardigan("validate")
        #expect(unknown.status == 2 && unknown.error.contains("no built-in schema 'model-card/9'"), "\(unknown.error)")
        try expectSound(repo)
    }

    @Test func everySubcommandsHelpListsEachOptionOnce() throws {
        let repo = try CardRepo()
        let commands = [
            "init", "new", "validate", "commit", "status", "show", "log", "list", "verify", "checkpoint", "link",
            "clone", "packages", "diff", "check", "hook", "export", "import",
        ]
        for command in commands {
            let help = try repo.cardigan(command, "--help")
            #expect(help.status == 0, "\(command)")
            let options = help.output.split(separator: "\n").compactMap { line -> String? in
                let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ")
                guard let first = words.first else { return nil }
                let option = first.hasPrefix("-") && !first.hasPrefix("--") ? words.dropFirst().first : first
                guard let option, option.hasPrefix("--") else { return nil }
                return String(option.split(separator: ",").first ?? option)
            }
            #expect(!options.isEmpty, "\(command): \(help.output)")
            #expect(Set(options).count == options.count, "\(command) lists an option twice: \(options)")
        }
        for command in ["show", "export", "clone"] {
            #expect(try repo.cardigan(command, "--help").output.contains("--card-version <N>"), "\(command)")
        }
    }
}
