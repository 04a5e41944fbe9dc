import CardiganKit
import Foundation
import TestSupport
import Testing

/// The push and fault scenarios of the one list, against every registry.
extension RegistryScenarioTests {
    /// A linked card with three steps in git: v1 Draft, v2 Draft (the link), v2 PendingReview.
    private func pushable(_ kind: RegistryPeerKind) throws -> (RegistryPeerFixture, String) {
        let fixture = try RegistryPeerFixture(kind)
        let churn = try fixture.linkedChurnCard()
        try fixture.cardigan("status", "churn", "PendingReview", "-m", "review").checked()
        return (fixture, churn)
    }

    @Test(RegistryScenarioTests.anyPeer, arguments: RegistryScenarioTests.kinds)
    func pushSendsWhatTheRegistryLacksResumesAndNeverOverwritesDrift(_ kind: RegistryPeerKind) throws {
        let (fixture, churn) = try pushable(kind)
        // SageMaker's model cards keep every step; MLflow's model version holds the newest.
        let plan =
            kind == .sagemaker
            ? [
                "create 'churn' v1 (Draft)", "content 'churn' v2 (Draft)", "status 'churn' v2 (PendingReview)",
                "package card '\(churn)/1' from 'churn' v2 (PendingReview)",
            ] : ["create 'churn' v2 (PendingReview)"]
        let dry = try fixture.cardigan("registry", "push", "--dry-run").checked().output
        #expect(dry == plan.map { "would send: \($0)\n" }.joined())
        #expect(try fixture.shownCards(churn).isEmpty)

        // A run cut off after its third request (SageMaker: after its second, the create, and a
        // second run cut off after the content, so that both resume points are seen) ...
        let store = try CardStore(discoveringFrom: fixture.repo.path, environment: fixture.environment())
        let cut = OperationCountingTransport(failAfter: kind == .sagemaker ? 2 : 3)
        #expect(throws: CardiganError.self) {
            try store.registryPush(try fixture.registry(transport: cut), names: ["churn"], dryRun: false)
        }
        if kind == .sagemaker {
            let cutAgain = OperationCountingTransport(failAfter: 2)
            #expect(throws: CardiganError.self) {
                try store.registryPush(try fixture.registry(transport: cutAgain), names: ["churn"], dryRun: false)
            }
            // It read the registry's card (v1 Draft) and sent the content next, not the create again.
            #expect(cutAgain.operations == ["DescribeModelCard", "UpdateModelCard", "UpdateModelCard"])
        }
        // ... resumes where it stopped (SageMaker: after the create and the content; MLflow
        // redoes the one write, whose marker tag was never set).
        let resumed = try fixture.cardigan("registry", "push").checked().output
        #expect(resumed == (kind == .sagemaker ? plan.dropFirst(2) : plan[...]).map { "sent: \($0)\n" }.joined())
        let shown = try fixture.shownCards(churn)
        switch kind {
        case .sagemaker:
            #expect(cut.operations.prefix(3) == ["DescribeModelCard", "CreateModelCard", "UpdateModelCard"])
            // moto makes a new card version for a status-only update, without content (the service
            // keeps the version): three versions where SageMaker would show two.
            #expect(
                shown.split(separator: "\n").map { String($0.prefix(while: { $0 != ":" })) } == [
                    "churn v1 Draft", "churn v2 Draft", "churn v3 PendingReview",
                ], "\(shown)")
            #expect(shown.contains("churn v3 PendingReview: (no content)"))
        case .mlflow:
            #expect(
                cut.operations.prefix(4) == [
                    "model-versions/get", "model-versions/get", "model-versions/set-tag", "model-versions/set-tag",
                ])
            #expect(
                shown
                    == "\(churn)/1 {\"model_card\": \"churn\", \"model_card_version\": \"2\", \"model_card_status\": \"PendingReview\"}: # churn\n",
                "\(shown)")
            // The description is the card's markdown export; the version's own is kept.
            let version = try fixture.mlflowVersion(churn, 1)
            let export = try fixture.cardigan("export", "churn", "--format", "markdown").checked().output
            #expect(version.description == export)
            #expect(version.tags["model_card_replaced_description"] == "\(churn) model")
            let head = try fixture.repo.git("log", "-1", "--format=%H").trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(version.tags["model_card_commit"] == head)
            #expect(
                try fixture.repo.git("log", "-1", "--format=%B").contains(
                    "Card-Digest: \(version.tags["model_card_digest"] ?? "-")"))
            #expect(version.modelTags["model_card"] == "churn")
        }

        // A second run sends no card step (moto ignores a package's card: SageMaker sends it again).
        let again = try fixture.cardigan("registry", "push").checked().output
        #expect(
            again
                == (kind == .sagemaker
                    ? "sent: package card '\(churn)/1' from 'churn' v2 (PendingReview)\n"
                    : "the registry has every card version; nothing sent\n"))
        // MLflow: the card's description on the version is no change of the card's details.
        if kind == .mlflow {
            #expect(try fixture.cardigan("registry", "pull").checked().output.contains("nothing committed"))
        }

        // The card edited in the registry is drift: reported, not overwritten.
        try fixture.editCard("churn", group: churn, text: "Edited in the registry")
        let edited = try fixture.shownCards(churn)
        let drift = try fixture.cardigan("registry", "push")
        #expect(drift.status == 1)
        #expect(
            drift.output.contains(
                "cards/churn.yaml: error: card 'churn' in \(fixture.displayName) holds content that no version in git has; it was not overwritten [registry-card-drift]"
            ), "\(drift.output)")
        #expect(try fixture.shownCards(churn) == edited)
        // The summary says what was not sent (the try-out read "the registry has every card
        // version; nothing sent" under the drift error).
        #expect(
            drift.output.contains("not sent: 'churn' v2 (PendingReview), held back by its drift\n"), "\(drift.output)")
        #expect(
            drift.output.contains("nothing sent: 1 card held back by drift; the registry has every other card version")
                && !drift.output.contains("the registry has every card version"), "\(drift.output)")
        #expect(!fixture.outputs.joined().contains(RegistryPeerFixture.secret))
    }

    @Test(RegistryScenarioTests.anyPeer, arguments: RegistryScenarioTests.kinds)
    func faultsLeaveGitUntouchedAndSayWhatToDo(_ kind: RegistryPeerKind) throws {
        let (fixture, churn) = try pushable(kind)
        try fixture.card("fraud")
        let before = try fixture.gitState()
        let closed = "http://127.0.0.1:\(try RegistryPeers.freePort())"
        let unreachable = try fixture.cardigan("registry", "pull", extra: fixture.environment(endpoint: closed))
        #expect(unreachable.status == 2)
        let operation = kind == .sagemaker ? "SageMaker ListModelPackages" : "MLflow model-versions/get"
        #expect(unreachable.error.contains("error: \(operation) failed after 2 tries"), "\(unreachable.error)")
        #expect(unreachable.error.contains("cannot connect to '\(closed)'"))
        #expect(unreachable.error.contains("hint: nothing was changed in git"))

        let unconfigured = try fixture.cardigan("registry", "status", extra: fixture.unconfiguredEnvironment)
        #expect(unconfigured.status == 2)
        #expect(
            unconfigured.error.contains(
                kind == .sagemaker
                    ? "error: no AWS credentials for the SageMaker registry"
                    : "error: no MLflow tracking server for the registry"), "\(unconfigured.error)")
        #expect(
            unconfigured.error.contains(
                kind == .sagemaker ? "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY" : "set MLFLOW_TRACKING_URI"),
            "\(unconfigured.error)")

        // A server that accepts the connection and never answers: the request times out.
        let silent = try RegistryPeers.silentListener()
        defer { close(silent.socket) }
        let hanging = "http://127.0.0.1:\(silent.port)"
        let timedOut = try fixture.cardigan("registry", "push", extra: fixture.environment(endpoint: hanging))
        #expect(timedOut.status == 2)
        #expect(timedOut.error.contains("no answer from '\(hanging)' within 5.0 s"), "\(timedOut.error)")

        let linkUnreachable = try fixture.cardigan(
            "link", "fraud", "--model-package", "\(churn)/2", extra: fixture.environment(endpoint: closed))
        #expect(linkUnreachable.status == 2)
        #expect(linkUnreachable.error.contains("cannot connect to '\(closed)'"))
        let pushUnreachable = try fixture.cardigan("registry", "push", extra: fixture.environment(endpoint: closed))
        #expect(pushUnreachable.status == 2)
        #expect(try fixture.gitState() == before)
        #expect(!fixture.outputs.joined().contains(RegistryPeerFixture.secret))
    }
}
