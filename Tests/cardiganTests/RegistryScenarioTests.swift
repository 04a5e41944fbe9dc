import CardiganKit
import Foundation
import TestSupport
import Testing

/// One list of end-to-end scenarios of the registry commands, run against every registry: moto's
/// SageMaker emulation and a real MLflow server. Each scenario is written once; where the two
/// registries keep things differently (SageMaker's model cards have versions of their own,
/// MLflow's card is the model version's tags and description), the expectation says which.
@Suite(.serialized) struct RegistryScenarioTests {
    /// The registries whose peer is installed (every one when CI requires the tools).
    static let kinds = RegistryPeerKind.available

    /// Enabled when some peer is installed.
    static var anyPeer: ConditionTrait {
        .enabled(if: !kinds.isEmpty, "no registry peer is installed: run scripts/install-test-tools.sh")
    }

    @Test(
        "the registry peers are installed",
        .enabled(if: RegistryPeers.mlflow && RegistryPeers.moto, "run scripts/install-test-tools.sh (moto, mlflow)"),
        arguments: RegistryPeerKind.allCases)
    func peerAnswers(_ kind: RegistryPeerKind) throws {
        let fixture = try RegistryPeerFixture(kind)
        try fixture.createGroup(fixture.group("probe"))
        #expect(try fixture.cardigan("registry", "status").status == 0)
    }

    @Test(RegistryScenarioTests.anyPeer, arguments: RegistryScenarioTests.kinds)
    func linkFillsDetailsFromTheRegistryAndRefusesAMissingPackage(_ kind: RegistryPeerKind) throws {
        let fixture = try RegistryPeerFixture(kind)
        let churn = fixture.group("churn")
        try fixture.createGroup(churn)
        try fixture.registerVersion(churn, description: "Gradient-boosted churn model")
        try fixture.card("churn")
        let before = try fixture.gitState()
        let missing = try fixture.cardigan("link", "churn", "--model-package", "\(churn)/2")
        #expect(missing.status == 1)
        #expect(missing.output.contains("model package '\(churn)/2' does not exist in \(fixture.displayName) [link]"))
        #expect(try fixture.gitState() == before)

        // A group name that cannot be a link tag's is refused, never mapped to another name.
        let badName = try fixture.cardigan("link", "churn", "--model-package", "Churn Model/1")
        #expect(badName.status == 2)
        #expect(
            badName.error.contains(
                kind == .sagemaker
                    ? "model package group 'Churn Model' may hold only ASCII letters, digits and hyphens"
                    : "error: MLflow registered model 'Churn Model' cannot name a card's link (the tag 'model-packages/<group>/<version>')"
            ), "\(badName.error)")
        #expect(try fixture.gitState() == before)

        try fixture.cardigan("link", "churn", "--model-package", "\(churn)/1").checked()
        let card = try fixture.repo.read("cards/churn.yaml")
        let expected: [String]
        switch kind {
        case .sagemaker:
            expected = [
                "model_package_arn: arn:aws:sagemaker:eu-west-1:123456789012:model-package/\(churn)/1",
                "model_package_description: Gradient-boosted churn model", "model_package_status: Completed",
                "model_approval_status: PendingManualApproval", "domain: MACHINE_LEARNING", "task: CLASSIFICATION",
                "user_profile_name: fake-user-profile-name",
                #"- image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/xgboost:1.7""#,
                "model_data_url: s3://models/\(churn)/model.tar.gz",
            ]
        case .mlflow:
            expected = [
                "model_package_group_name: \(churn)", "model_package_version: 1", "model_package_status: Completed",
                "model_approval_status: PendingManualApproval", "mlflow_model_version:",
                "model_uri: models:/\(churn)/1", "source: s3://models/\(churn)/model", "status: READY",
                "description: Gradient-boosted churn model", "framework: xgboost", "creation_time: ",
            ]
        }
        for line in expected { #expect(card.contains(line), "\(line) missing from\n\(card)") }
        #expect(try fixture.repo.git("tag", "-l", "model-packages/*") == "model-packages/\(churn)/1\n")
        #expect(try fixture.cardigan("verify").status == 0)
        // With a registry, the package's ARN and approval status are the registry's to say.
        let flags = try fixture.cardigan("link", "churn", "--model-package", "\(churn)/1", "--arn", "x")
        #expect(flags.status == 2 && flags.error.contains("come from the registry"), "\(flags.error)")
        #expect(!fixture.outputs.joined().contains(RegistryPeerFixture.secret))
    }

    @Test(RegistryScenarioTests.anyPeer, arguments: RegistryScenarioTests.kinds)
    func statusReportsTheRegistryBesideTheCardsInPagedRequests(_ kind: RegistryPeerKind) throws {
        let fixture = try RegistryPeerFixture(kind, configure: false)
        let churn = fixture.group("churn")
        let fraud = fixture.group("fraud")
        try fixture.createGroup(churn)
        try fixture.registerVersions(churn, 25)
        try fixture.createGroup(fraud)
        try fixture.registerVersions(fraud, 1)
        try fixture.card("churn")
        try fixture.card("fraud")
        // Linked before the registry was configured: fraud/3 does not exist there.
        try fixture.cardigan("link", "fraud", "--model-package", "\(fraud)/3").checked()
        try fixture.configureRegistry()
        try fixture.cardigan("link", "churn", "--model-package", "\(churn)/1").checked()
        try fixture.approve(churn, 1, alias: "champion")
        try fixture.approve(churn, 7, alias: "production")

        let before = try fixture.gitState()
        let status = try fixture.cardigan("registry", "status", "--format", "json")
        #expect(status.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(status.output.utf8)) as? [String: Any])
        #expect(report["command"] as? String == "registry status" && report["format_version"] as? Int == 1)
        if kind == .sagemaker {  // the golden file names the groups without the fixture's unique suffix
            let named = status.output.replacingOccurrences(of: churn, with: "churn")
                .replacingOccurrences(of: fraud, with: "fraud")
            JSONContractTests.expect(named, matches: "registry-status.json")
        }
        let findings = try #require(report["findings"] as? [[String: Any]])
        var counts: [String: Int] = [:]
        for finding in findings {
            counts[finding["rule"] as? String ?? finding["ruleId"] as? String ?? "?", default: 0] += 1
        }
        #expect(
            counts == [
                // 24 unlinked versions of churn, and fraud/1 (the card links fraud/3).
                "registry-undocumented-version": 25, "registry-missing-package": 1, "registry-approval-drift": 1,
                "registry-approved-undocumented": 2,
            ], "\(status.output)")
        let text = try fixture.cardigan("registry", "status").output
        #expect(
            text.contains(
                "cards/churn.yaml: error: model package '\(churn)/1' is approved for deployment in \(fixture.displayName), but its card 'churn' has no Approved version [registry-approved-undocumented]"
            ), "\(text)")
        #expect(
            text.contains(
                "cards/fraud.yaml: error: card 'fraud' documents model package '\(fraud)/3', which \(fixture.displayName) does not have [registry-missing-package]"
            ))
        #expect(try fixture.gitState() == before)

        // Requests grow with pages, not with package versions: 25 + 1 versions in two groups.
        let store = try CardStore(discoveringFrom: fixture.repo.path, environment: fixture.environment())
        var counted: [Int: Int] = [:]
        for pageSize in [100, 10, 5] {
            let transport = OperationCountingTransport()
            let again = try store.registryStatus(try fixture.registry(transport: transport, pageSize: pageSize))
            #expect(again.findings.count == findings.count)
            #expect(
                Set(transport.operations)
                    == (kind == .sagemaker
                        ? ["ListModelPackages"] : ["model-versions/search", "registered-models/get"]))
            counted[pageSize] = transport.operations.count
        }
        // SageMaker: ListModelPackages pages. MLflow: model-versions/search pages, and one
        // registered-models/get per model for its aliases (search answers carry none).
        #expect(counted == (kind == .sagemaker ? [100: 2, 10: 4, 5: 6] : [100: 4, 10: 6, 5: 8]), "\(counted)")
    }

    @Test(RegistryScenarioTests.anyPeer, arguments: RegistryScenarioTests.kinds)
    func pullRecordsThatTheRegistryChangedTheDetails(_ kind: RegistryPeerKind) throws {
        let fixture = try RegistryPeerFixture(kind)
        let churn = try fixture.linkedChurnCard()
        let unchanged = try fixture.cardigan("registry", "pull")
        #expect(unchanged.status == 0 && unchanged.output.contains("nothing committed"))
        try fixture.approve(churn, 1)
        try fixture.cardigan("registry", "pull", "churn").checked()
        let card = try fixture.repo.read("cards/churn.yaml")
        #expect(card.contains("model_approval_status: Approved"))
        if kind == .mlflow { #expect(card.contains("    aliases:\n      - champion\n")) }
        let trailers = try fixture.repo.git("log", "-1", "--format=%(trailers:only,unfold)")
        #expect(trailers.contains("Card: churn\nCard-Version: 3\n"))
        #expect(trailers.contains("Package-Details-Source: registry"))
        #expect(try fixture.cardigan("verify").status == 0)
        // The approval no longer drifts; the card still needs its own Approved version.
        let status = try fixture.cardigan("registry", "status")
        #expect(status.status == 1)
        #expect(!status.output.contains("registry-approval-drift"))
        #expect(
            status.output.contains(
                "but its card 'churn' has no Approved version [registry-approved-undocumented]"), "\(status.output)")
        // Once the card has its Approved version, the registry and the cards agree.
        try fixture.cardigan("status", "churn", "PendingReview", "-m", "review").checked()
        try fixture.cardigan("status", "churn", "Approved", "-m", "approve").checked()
        let agreed = try fixture.cardigan("registry", "status").checked().output
        #expect(
            agreed.hasSuffix("no errors in 1 linked card and 1 package group of \(fixture.displayName)\n"), "\(agreed)")
    }

    @Test(RegistryScenarioTests.anyPeer, arguments: RegistryScenarioTests.kinds)
    func scanClonesTheCardOfEachNewVersion(_ kind: RegistryPeerKind) throws {
        let fixture = try RegistryPeerFixture(kind)
        let churn = try fixture.linkedChurnCard()
        #expect(try fixture.cardigan("registry", "scan").output.contains("no model package version is newer"))
        try fixture.registerVersion(churn, description: "Retrained on November data")
        #expect(try fixture.cardigan("registry", "scan").checked().output.contains("new: \(churn)/2"))
        try fixture.cardigan("registry", "scan", "--clone").checked()
        let card = try fixture.repo.read("cards/churn-v2.yaml")
        #expect(
            card.contains(
                kind == .sagemaker
                    ? "model_package_arn: arn:aws:sagemaker:eu-west-1:123456789012:model-package/\(churn)/2"
                    : "model_uri: models:/\(churn)/2"))
        #expect(
            card.contains(
                (kind == .sagemaker ? "model_package_description: " : "description: ") + "Retrained on November data"))
        #expect(card.contains("business_details:"))
        let trailers = try fixture.repo.git("log", "-1", "--format=%(trailers:only,unfold)")
        #expect(trailers.contains("Cloned-From: churn/v2") && trailers.contains("Package-Details-Source: registry"))
        #expect(
            try fixture.repo.git("tag", "-l", "model-packages/*")
                == "model-packages/\(churn)/1\nmodel-packages/\(churn)/2\n")
        #expect(try fixture.cardigan("registry", "scan").output.contains("no model package version is newer"))
        #expect(try fixture.cardigan("verify").status == 0)
    }
}
