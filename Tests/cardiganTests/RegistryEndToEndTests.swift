import CardiganKit
import Foundation
import TestSupport
import Testing

/// The registry commands against moto's SageMaker emulation, started per test on 127.0.0.1.
@Suite(.serialized) struct RegistryEndToEndTests {

    @Test(
        .enabled(
            if: RegistryPeers.moto, "moto[server] and boto3 (PyPI) are not installed: run scripts/install-test-tools.sh"
        ))
    func linkFillsDetailsFromTheRegistryAndRefusesAMissingPackage() throws {
        let fixture = try RegistryFixture()
        try fixture.moto.setup("group", "churn")
        try fixture.moto.setup("version", "churn", "Gradient-boosted churn model")
        try fixture.card("churn")
        let before = try fixture.gitState()
        let missing = try fixture.cardigan("link", "churn", "--model-package", "churn/2")
        #expect(missing.status == 1)
        #expect(missing.output.contains("model package 'churn/2' does not exist in SageMaker (eu-west-1) [link]"))
        #expect(try fixture.gitState() == before)

        try fixture.cardigan("link", "churn", "--model-package", "churn/1").checked()
        let card = try fixture.repo.read("cards/churn.yaml")
        for line in [
            "model_package_arn: arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/1",
            "model_package_description: Gradient-boosted churn model", "model_package_status: Completed",
            "model_approval_status: PendingManualApproval", "domain: MACHINE_LEARNING", "task: CLASSIFICATION",
            "user_profile_name: fake-user-profile-name",
            #"- image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/xgboost:1.7""#,
            "model_data_url: s3://models/churn/model.tar.gz",
        ] {
            #expect(card.contains(line), "\(line) missing")
        }
        #expect(try fixture.repo.git("tag", "-l", "model-packages/*") == "model-packages/churn/1\n")
        #expect(try fixture.cardigan("verify").status == 0)
        let flags = try fixture.cardigan("link", "churn", "--model-package", "churn/1", "--arn", "x")
        #expect(flags.status == 2 && flags.error.contains("come from the registry"))
        #expect(!fixture.outputs.joined().contains(RegistryFixture.secret))
    }

    @Test(
        .enabled(
            if: RegistryPeers.moto, "moto[server] and boto3 (PyPI) are not installed: run scripts/install-test-tools.sh"
        ))
    func statusReportsTheRegistryBesideTheCardsInPagedRequests() throws {
        let fixture = try RegistryFixture(configure: false)
        try fixture.moto.setup("group", "churn")
        try fixture.moto.setup("versions", "churn", "25")
        try fixture.moto.setup("group", "fraud")
        try fixture.moto.setup("versions", "fraud", "1")
        try fixture.card("churn")
        try fixture.card("fraud")
        // Linked before the registry was configured: fraud/3 does not exist there, and fraud/1
        // and churn/2…25 have no card.
        try fixture.cardigan("link", "fraud", "--model-package", "fraud/3").checked()
        try fixture.configureRegistry()
        try fixture.cardigan("link", "churn", "--model-package", "churn/1").checked()
        try fixture.moto.setup("approve", "churn", "1")
        try fixture.moto.setup("approve", "churn", "7")

        let before = try fixture.gitState()
        let status = try fixture.cardigan("registry", "status", "--format", "json")
        #expect(status.status == 1)
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(status.output.utf8)) as? [String: Any])
        #expect(report["command"] as? String == "registry status" && report["format_version"] as? Int == 1)
        JSONContractTests.expect(status.output, matches: "registry-status.json")
        let findings = try #require(report["findings"] as? [[String: Any]])
        var counts: [String: Int] = [:]
        for finding in findings {
            counts[finding["rule"] as? String ?? finding["ruleId"] as? String ?? "?", default: 0] += 1
        }
        #expect(
            counts == [
                "registry-undocumented-version": 25, "registry-missing-package": 1, "registry-approval-drift": 1,
                "registry-approved-undocumented": 2,
            ], "\(status.output)")
        let text = try fixture.cardigan("registry", "status").output
        #expect(
            text.contains(
                "cards/churn.yaml:1:1: error: model package 'churn/1' is approved for deployment in SageMaker (eu-west-1), but its card 'churn' has no Approved version [registry-approved-undocumented]"
            ), "\(text)")
        #expect(
            text.contains(
                "cards/fraud.yaml:1:1: error: card 'fraud' documents model package 'fraud/3', which SageMaker (eu-west-1) does not have [registry-missing-package]"
            ))
        #expect(try fixture.gitState() == before)

        // Requests grow with pages, not with package versions: 25 + 1 versions in two groups.
        let store = try CardStore(discoveringFrom: fixture.repo.path, environment: fixture.environment)
        var counted: [Int: Int] = [:]
        for pageSize in [100, 10, 5] {
            let transport = CountingTransport()
            let again = try store.registryStatus(try fixture.registry(transport: transport, pageSize: pageSize))
            #expect(again.findings.count == findings.count)
            #expect(Set(transport.operations) == ["ListModelPackages"])
            counted[pageSize] = transport.operations.count
        }
        #expect(counted == [100: 2, 10: 4, 5: 6])
    }

    @Test(
        .enabled(
            if: RegistryPeers.moto, "moto[server] and boto3 (PyPI) are not installed: run scripts/install-test-tools.sh"
        ))
    func pullRecordsThatTheRegistryChangedTheDetails() throws {
        let fixture = try RegistryFixture()
        try fixture.moto.setup("group", "churn")
        try fixture.moto.setup("version", "churn")
        try fixture.card("churn")
        try fixture.cardigan("link", "churn", "--model-package", "churn/1").checked()
        let unchanged = try fixture.cardigan("registry", "pull")
        #expect(unchanged.status == 0 && unchanged.output.contains("nothing committed"))
        try fixture.moto.setup("approve", "churn", "1")
        try fixture.cardigan("registry", "pull", "churn").checked()
        #expect(try fixture.repo.read("cards/churn.yaml").contains("model_approval_status: Approved"))
        let trailers = try fixture.repo.git("log", "-1", "--format=%(trailers:only,unfold)")
        #expect(trailers.contains("Card: churn\nCard-Version: 3\n"))
        #expect(trailers.contains("Package-Details-Source: registry"))
        #expect(try fixture.cardigan("verify").status == 0)
        // The approval drift is gone; the approved package still wants an Approved card.
        let status = try fixture.cardigan("registry", "status")
        #expect(status.status == 1)
        #expect(!status.output.contains("[registry-approval-drift]"))
        #expect(status.output.contains("but its card 'churn' has no Approved version [registry-approved-undocumented]"))
        try fixture.cardigan("status", "churn", "PendingReview", "-m", "review").checked()
        try fixture.cardigan("status", "churn", "Approved", "-m", "approve").checked()
        #expect(
            try fixture.cardigan("registry", "status").checked().output.hasSuffix(
                "no errors in 1 linked card and 1 package group of SageMaker (eu-west-1)\n"))
    }

    @Test(
        .enabled(
            if: RegistryPeers.moto, "moto[server] and boto3 (PyPI) are not installed: run scripts/install-test-tools.sh"
        ))
    func scanClonesTheCardOfEachNewVersion() throws {
        let fixture = try RegistryFixture()
        try fixture.moto.setup("group", "churn")
        try fixture.moto.setup("version", "churn")
        try fixture.card("churn")
        try fixture.cardigan("link", "churn", "--model-package", "churn/1").checked()
        #expect(try fixture.cardigan("registry", "scan").output.contains("no model package version is newer"))
        try fixture.moto.setup("version", "churn", "Retrained on November data")
        let listed = try fixture.cardigan("registry", "scan").checked().output
        #expect(listed.contains("new: churn/2"))
        try fixture.cardigan("registry", "scan", "--clone").checked()
        let card = try fixture.repo.read("cards/churn-v2.yaml")
        #expect(card.contains("model_package_arn: arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/2"))
        #expect(card.contains("model_package_description: Retrained on November data"))
        #expect(card.contains("business_details:"))
        let trailers = try fixture.repo.git("log", "-1", "--format=%(trailers:only,unfold)")
        #expect(trailers.contains("Cloned-From: churn/v2") && trailers.contains("Package-Details-Source: registry"))
        #expect(
            try fixture.repo.git("tag", "-l", "model-packages/*") == "model-packages/churn/1\nmodel-packages/churn/2\n")
        #expect(try fixture.cardigan("registry", "scan").output.contains("no model package version is newer"))
    }
}
