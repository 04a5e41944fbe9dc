import CardiganKit
import Foundation
import TestSupport
import Testing

/// `registry push` and the faults of every registry command, against moto's SageMaker emulation.
@Suite(.serialized) struct RegistryPushEndToEndTests {

    /// A linked card with three publication steps in git: v1 Draft (create), v2 Draft (the link's
    /// content), v2 PendingReview (status only).
    private func pushable() throws -> RegistryFixture {
        let fixture = try RegistryFixture()
        try fixture.moto.setup("group", "churn")
        try fixture.moto.setup("version", "churn")
        try fixture.card("churn")
        try fixture.cardigan("link", "churn", "--model-package", "churn/1").checked()
        try fixture.cardigan("status", "churn", "PendingReview", "-m", "review").checked()
        return fixture
    }

    @Test(
        .enabled(
            if: RegistryPeers.moto, "moto[server] and boto3 (PyPI) are not installed: run scripts/install-test-tools.sh"
        ))
    func pushSendsEachStepOnceResumesAndNeverOverwritesDrift() throws {
        let fixture = try pushable()
        let dry = try fixture.cardigan("registry", "push", "--dry-run").checked().output
        #expect(
            dry == """
                would send: create 'churn' v1 (Draft)
                would send: content 'churn' v2 (Draft)
                would send: status 'churn' v2 (PendingReview)
                would send: package card 'churn/1' from 'churn' v2 (PendingReview)

                """)
        #expect(try fixture.moto.setup("show-cards").isEmpty)

        // A run cut off after its second request (the create) ...
        let store = try CardStore(discoveringFrom: fixture.repo.path, environment: fixture.environment)
        let cut = CountingTransport(failAfter: 2)
        #expect(throws: CardiganError.self) {
            try store.registryPush(try fixture.registry(transport: cut), names: ["churn"], dryRun: false)
        }
        #expect(cut.operations.prefix(3) == ["DescribeModelCard", "CreateModelCard", "UpdateModelCard"])
        // ... resumes where it stopped.
        let resumed = try fixture.cardigan("registry", "push").checked().output
        #expect(
            resumed == """
                sent: content 'churn' v2 (Draft)
                sent: status 'churn' v2 (PendingReview)
                sent: package card 'churn/1' from 'churn' v2 (PendingReview)

                """)
        let cards = try fixture.moto.setup("show-cards")
        // moto makes a new card version for a status-only update, without content (the service
        // keeps the version): three versions where SageMaker would show two.
        #expect(
            cards.split(separator: "\n").map { String($0.prefix(while: { $0 != ":" })) } == [
                "churn v1 Draft", "churn v2 Draft", "churn v3 PendingReview",
            ])
        #expect(cards.contains("churn v3 PendingReview: (no content)"))

        // A second run sends no card step. moto ignores `ModelCard` on UpdateModelPackage and
        // DescribeModelPackage returns none, so the package card is sent again (the service
        // would return it and nothing would be sent; see the scripted test of that).
        let again = try fixture.cardigan("registry", "push").checked().output
        #expect(again == "sent: package card 'churn/1' from 'churn' v2 (PendingReview)\n")

        // Content edited in the registry is drift: reported, not overwritten.
        try fixture.moto.setup("edit-card", "churn", "Edited in the console")
        let edited = try fixture.moto.setup("show-cards")
        let drift = try fixture.cardigan("registry", "push")
        #expect(drift.status == 1)
        #expect(
            drift.output.contains(
                "cards/churn.yaml:1:1: error: card 'churn' in SageMaker (eu-west-1) holds content that no version in git has; it was not overwritten [registry-card-drift]"
            ), "\(drift.output)")
        #expect(try fixture.moto.setup("show-cards") == edited)
        #expect(!fixture.outputs.joined().contains(RegistryFixture.secret))
    }

    @Test(
        .enabled(
            if: RegistryPeers.moto, "moto[server] and boto3 (PyPI) are not installed: run scripts/install-test-tools.sh"
        ))
    func faultsLeaveGitUntouchedAndSayWhatToDo() throws {
        let fixture = try pushable()
        try fixture.card("fraud")
        let before = try fixture.gitState()
        let closed = "http://127.0.0.1:\(try RegistryPeers.freePort())"
        let unreachable = try fixture.cardigan(
            "registry", "pull", extra: ["AWS_ENDPOINT_URL_SAGEMAKER": closed])
        #expect(unreachable.status == 2)
        #expect(unreachable.error.contains("error: SageMaker ListModelPackages failed after 2 tries"))
        #expect(unreachable.error.contains("cannot connect to '\(closed)'"))
        #expect(unreachable.error.contains("hint: nothing was changed in git"))

        let silent = try RegistryPeers.silentListener()
        defer { close(silent.socket) }
        let hanging = "http://127.0.0.1:\(silent.port)"
        let timedOut = try fixture.cardigan("registry", "push", extra: ["AWS_ENDPOINT_URL_SAGEMAKER": hanging])
        #expect(timedOut.status == 2)
        #expect(timedOut.error.contains("no answer from '\(hanging)' within 5.0 s"), "\(timedOut.error)")

        let noCredentials = try fixture.cardigan(
            "registry", "status", extra: ["AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": ""])
        #expect(noCredentials.status == 2)
        #expect(noCredentials.error.contains("error: no AWS credentials for the SageMaker registry"))
        #expect(noCredentials.error.contains("set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"))

        let linkUnreachable = try fixture.cardigan(
            "link", "fraud", "--model-package", "churn/2", extra: ["AWS_ENDPOINT_URL_SAGEMAKER": closed])
        #expect(linkUnreachable.status == 2)
        #expect(linkUnreachable.error.contains("cannot connect to '\(closed)'"))
        #expect(try fixture.gitState() == before)
        #expect(!fixture.outputs.joined().contains(RegistryFixture.secret))
    }
}
