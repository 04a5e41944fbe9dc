import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// Links to model package versions, clones for the next version, and the registry view.
@Suite struct LinkEndToEndTests {
    private func linkedRepo() throws -> CardRepo {
        let repo = try CardRepo()
        try repo.cardigan("new", "churn", "--template", "full").checked()
        try repo.cardigan("commit", "churn", "-m", "churn card").checked()
        try repo.cardigan("link", "churn", "--model-package", "churn/1").checked()
        return repo
    }

    /// What must not change when a command is refused.
    private struct Snapshot: Equatable {
        var head: String
        var tags: String
        var status: String
        var files: [String]
    }

    private func snapshot(_ repo: CardRepo) throws -> Snapshot {
        let files = try FileManager.default.contentsOfDirectory(atPath: repo.path + "/cards").sorted()
        return Snapshot(
            head: try repo.git("rev-parse", "HEAD"), tags: try repo.git("for-each-ref", "refs/tags"),
            status: try repo.git("status", "--porcelain", "cards"),
            files: try files.map { try repo.read("cards/" + $0) })
    }

    @Test func linkCloneAndTheRegistryAgree() throws {
        let repo = try linkedRepo()
        try repo.cardigan(
            "clone", "churn", "churn-v2", "--model-package", "churn/2", "--model-name", "churn-v2-model"
        ).checked()
        let packages = try repo.cardigan("packages", "--format", "json").checked().output
        let object = try #require(try JSONSerialization.jsonObject(with: Data(packages.utf8)) as? [String: Any])
        let links = try #require(object["packages"] as? [[String: Any]])
        #expect(
            links.map { "\($0["model_package"] ?? "") \($0["card"] ?? "") v\($0["card_version"] ?? "")" }
                == ["churn/1 churn v2", "churn/2 churn-v2 v1"])
        #expect(links.map { "\($0["package_group"] ?? "")/\($0["package_version"] ?? "")" } == ["churn/1", "churn/2"])
        #expect(links.allSatisfy { $0["intact"] as? Bool == true })
        let refs = try repo.git(
            "for-each-ref", "--format=%(refname) %(objecttype) %(*objectname)", "refs/tags/model-packages")
        let v2 = try repo.git("rev-parse", "cards/churn/v2^{commit}").trimmingCharacters(in: .whitespacesAndNewlines)
        let clone = try repo.git("rev-parse", "cards/churn-v2/v1^{commit}").trimmingCharacters(
            in: .whitespacesAndNewlines)
        #expect(refs == "refs/tags/model-packages/churn/1 tag \(v2)\nrefs/tags/model-packages/churn/2 tag \(clone)\n")
        #expect(try repo.git("log", "-1", "--format=%(trailers:key=Cloned-From,valueonly)", clone) == "churn/v2\n\n")

        // The clone carried exactly the three sections and left training and evaluation empty.
        let source = try repo.read("cards/churn.yaml")
        let cloned = try repo.read("cards/churn-v2.yaml")
        for section in ["business_details:", "intended_uses:", "additional_information:", "model_overview:"] {
            #expect(cloned.contains("\n" + section), "\(section) missing from the clone")
            #expect(source.contains("\n" + section))
        }
        #expect(!cloned.contains("training_details:") && !cloned.contains("evaluation_details:"))
        #expect(!cloned.contains("model_version:") && !cloned.contains("model_artifact:"))
        // And carried them as they are in the source, value for value.
        let sourceRoot = try #require(SafeYAMLLoader.load(Data(source.utf8), path: "cards/churn.yaml").root)
        let cloneRoot = try #require(SafeYAMLLoader.load(Data(cloned.utf8), path: "cards/churn-v2.yaml").root)
        for section in CardStore.defaultCarriedSections {
            #expect(sourceRoot[section] != nil && cloneRoot[section] == sourceRoot[section], "\(section) differs")
        }
        let overview = try #require(sourceRoot["model_overview"]?.members)
        let kept = overview.filter { !CardStore.versionSpecificOverviewFields.contains($0.key) }
        #expect(overview.count > kept.count, "the source names a field the clone must drop")
        #expect(cloneRoot["model_overview"]?.members?.map(\.key) == kept.map(\.key))
        for member in kept where member.key != "model_name" {
            #expect(cloneRoot["model_overview"]?[member.key] == member.value, "\(member.key)")
        }
        #expect(cloneRoot["model_overview"]?["model_name"]?.stringValue == "churn-v2-model")
        #expect(cloned.contains("status: Draft"))
        #expect(cloned.contains("model_package_group_name: churn\n  model_package_version: 2"))
        #expect(try repo.cardigan("verify").status == 0)
        let list = try repo.cardigan("list").checked().output
        #expect(list.contains("churn/2"))
        #expect(try repo.cardigan("show", "churn").checked().output.contains("model package churn/1"))
    }

    @Test func everyRefusalWritesNothing() throws {
        let repo = try linkedRepo()
        try repo.write("cards/other.yaml", CardRepo.card("other"))
        try repo.cardigan("commit", "other", "-m", "other").checked()
        try repo.write("cards/old.yaml", CardRepo.card("old"))
        try repo.cardigan("commit", "old", "-m", "old").checked()
        for status in ["PendingReview", "Approved", "Archived"] { try repo.cardigan("status", "old", status).checked() }
        let refused: [(arguments: [String], status: Int32, text: String)] = [
            (["link", "other", "--model-package", "churn/1"], 1, "already linked to card 'churn'"),
            (["link", "churn", "--model-package", "churn/1"], 1, "already linked to model package 'churn/1'"),
            (["link", "churn", "--model-package", "churn/5"], 1, "already documents model package 'churn/1'"),
            (["link", "old", "--model-package", "old/1"], 1, "archived"),
            (
                [
                    "link", "other", "--model-package", "other/1", "--arn",
                    "arn:aws:sagemaker:us-east-1:123456789012:model-package/other/2",
                ], 2, "names model package 'other/2'"
            ),
            (["link", "other", "--model-package", "other/1", "--arn", "not-an-arn"], 2, "is not a SageMaker ARN"),
            (["link", "other", "--model-package", "Churn/7"], 1, "only in letter case"),
            (["clone", "churn", "again", "--model-package", "churn/1", "--model-name", "again"], 1, "already linked"),
        ]
        for item in refused {
            let before = try snapshot(repo)
            let result = try repo.repo.run([PackagePaths.cardigan] + item.arguments)
            #expect(result.status == item.status, "\(item.arguments): \(result.output)\(result.error)")
            #expect(
                (result.output + result.error).contains(item.text), "\(item.arguments): \(result.output)\(result.error)"
            )
            #expect(try snapshot(repo) == before, "\(item.arguments) wrote something")
        }
        #expect(try repo.cardigan("verify").status == 0)
    }

    @Test func hostileNamesAreRefusedBeforeAnythingIsWritten() throws {
        let repo = try linkedRepo()
        try repo.write("cards/other.yaml", CardRepo.card("other"))
        try repo.cardigan("commit", "other", "-m", "other").checked()
        let groups = [
            "a..b", "a@{b", "a b", "a/b", "abc.lock", "grüße", String(repeating: "g", count: 64), "-a", "a-", "",
        ]
        let versions = ["0", "-1", "01", "1.5", "", "x", "99999999999999999999999"]
        let before = try snapshot(repo)
        for package in groups.map({ "\($0)/1" }) + versions.map({ "ok/\($0)" }) {
            let result = try repo.cardigan("link", "other", "--model-package", package)
            #expect(result.status == 2, "'\(package)' was accepted: \(result.output)")
            let clone = try repo.cardigan("clone", "other", "x", "--model-package", package)
            #expect(clone.status == 2, "'\(package)' was accepted by clone")
        }
        #expect(try snapshot(repo) == before)
    }

    @Test func verifyCatchesBrokenLinkTags() throws {
        do {
            let repo = try linkedRepo()
            try repo.git("tag", "-f", "-a", "-m", "moved", "model-packages/churn/1", "HEAD~1")
            let result = try repo.cardigan("verify")
            #expect(result.status == 1 && result.output.contains("[link-tag-moved]"), "\(result.output)")
        }
        do {
            // A lost link tag comes back as the same object, ARN and all.
            let repo = try CardRepo()
            try repo.cardigan("new", "churn", "--template", "full").checked()
            try repo.cardigan("commit", "churn", "-m", "churn card").checked()
            try repo.cardigan(
                "link", "churn", "--model-package", "churn/1", "--arn",
                "arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/1"
            ).checked()
            let lost = try repo.git("rev-parse", "model-packages/churn/1")
            try repo.git("tag", "-d", "model-packages/churn/1")
            let result = try repo.cardigan("verify")
            #expect(result.status == 1 && result.output.contains("[link-tag-missing]"), "\(result.output)")
            // The registry lists the package still, as broken, rather than forgetting it.
            let packages = try repo.cardigan("packages")
            #expect(packages.status == 1)
            #expect(packages.output.contains("churn") && packages.output.contains("is missing"), "\(packages.output)")
            try repo.cardigan("verify", "--repair", environment: ["GIT_COMMITTER_DATE": "@2000000000 +0000"]).checked()
            #expect(try repo.git("rev-parse", "model-packages/churn/1") == lost)
            #expect(try repo.git("cat-file", "-p", "model-packages/churn/1").contains("Model-Package-Arn: arn:aws:"))
        }
        do {
            let repo = try linkedRepo()
            try repo.git(
                "tag", "-a", "-m", "model-packages/churn/9\n\nCard: churn\nCard-Version: 2\n", "model-packages/churn/9",
                "HEAD")
            let result = try repo.cardigan("verify")
            #expect(result.status == 1 && result.output.contains("[link-tag-invalid]"), "\(result.output)")
            #expect(result.output.contains("does not name model package 'churn/9'"))
        }
    }

    @Test func cloneWithoutCommitOnlyWritesTheFile() throws {
        let repo = try linkedRepo()
        let head = try repo.git("rev-parse", "HEAD")
        try repo.cardigan(
            "clone", "churn", "churn-v2", "--model-package", "churn/2", "--model-name", "churn-v2-model", "--no-commit"
        ).checked()
        #expect(try repo.git("rev-parse", "HEAD") == head)
        #expect(FileManager.default.fileExists(atPath: repo.path + "/cards/churn-v2.yaml"))
        let commit = try repo.cardigan("commit", "churn-v2", "-m", "clone").checked()
        #expect(commit.output.contains("model-packages/churn/2"))
        #expect(try repo.cardigan("verify").status == 0)
        // The first commit records the origin, as 'clone' without --no-commit does.
        #expect(try repo.git("log", "-1", "--format=%(trailers:key=Cloned-From,valueonly)") == "churn/v2\n\n")
    }

    @Test func handEditedPackageDetailsAreRefused() throws {
        let repo = try linkedRepo()
        try repo.edit("cards/churn.yaml", replacing: "model_package_version: 1", with: "model_package_version: 4")
        let result = try repo.cardigan("commit", "-m", "sneak")
        #expect(
            result.status == 1 && result.output.contains("already documents model package 'churn/1'"),
            "\(result.output)")
    }
}
