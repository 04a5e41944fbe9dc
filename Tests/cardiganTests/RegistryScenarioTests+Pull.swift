import CardiganKit
import Foundation
import TestSupport
import Testing

/// The refusals of `registry pull` and a card published again after a status change, against
/// every registry.
extension RegistryScenarioTests {
    @Test(RegistryScenarioTests.anyPeer, arguments: RegistryScenarioTests.kinds)
    func pullRefusesUncommittedOrUnlinkedCardsAndAPackageTheRegistryLacks(_ kind: RegistryPeerKind) throws {
        let fixture = try RegistryPeerFixture(kind, configure: false)
        let churn = fixture.group("churn")
        let fraud = fixture.group("fraud")
        try fixture.createGroup(churn)
        try fixture.registerVersion(churn)
        try fixture.card("churn")
        try fixture.card("fraud")
        try fixture.card("plain")
        // Linked before the registry was configured: fraud/3 does not exist there.
        try fixture.cardigan("link", "fraud", "--model-package", "\(fraud)/3").checked()
        try fixture.configureRegistry()
        try fixture.cardigan("link", "churn", "--model-package", "\(churn)/1").checked()
        try fixture.approve(churn, 1)
        let before = try fixture.gitState()

        // A package the registry lacks: reported, and the change churn has waiting is not written either.
        let missing = try fixture.cardigan("registry", "pull")
        #expect(missing.status == 1, "\(missing.output)\(missing.error)")
        #expect(
            missing.output.contains(
                "error: card 'fraud' documents model package '\(fraud)/3', which \(fixture.displayName) does not have [registry-missing-package]"
            ), "\(missing.output)")
        #expect(try fixture.gitState() == before)

        let unlinked = try fixture.cardigan("registry", "pull", "plain")
        #expect(unlinked.status == 2)
        #expect(
            unlinked.error.contains(
                "error: card 'plain' is not linked to a model package\n  hint: link it: 'cardigan link plain --model-package <group>/<version>'"
            ), "\(unlinked.error)")

        let card = try fixture.repo.read("cards/churn.yaml")
        try fixture.repo.write("cards/churn.yaml", card + "# a note not yet committed\n")
        let uncommitted = try fixture.cardigan("registry", "pull", "churn")
        #expect(uncommitted.status == 2)
        #expect(
            uncommitted.error.contains(
                "error: card 'churn' has uncommitted changes\n  hint: commit them first, so the refreshed version holds only the registry's details"
            ), "\(uncommitted.error)")
        #expect(try fixture.repo.read("cards/churn.yaml") == card + "# a note not yet committed\n")
        try fixture.repo.write("cards/churn.yaml", card)
        #expect(try fixture.gitState() == before)

        // The honest twin: the linked card alone is refreshed.
        try fixture.cardigan("registry", "pull", "churn").checked()
        #expect(try fixture.repo.read("cards/churn.yaml").contains("model_approval_status: Approved"))
        #expect(try fixture.repo.git("log", "-1", "--format=%(trailers:key=Card,valueonly)") == "churn\n\n")
    }

    @Test(RegistryScenarioTests.anyPeer, arguments: RegistryScenarioTests.kinds)
    func aStatusChangeIsPublishedOverTheCardAlreadyThere(_ kind: RegistryPeerKind) throws {
        let fixture = try RegistryPeerFixture(kind)
        let churn = fixture.group("churn")
        try fixture.createGroup(churn)
        try fixture.registerVersion(churn)
        try fixture.card("churn")
        try fixture.cardigan("link", "churn", "--model-package", "\(churn)/1").checked()
        try fixture.cardigan("registry", "push").checked()
        try fixture.cardigan("status", "churn", "PendingReview", "-m", "review").checked()
        let sent = try fixture.cardigan("registry", "push").checked().output
        #expect(sent.hasPrefix("sent: status 'churn' v2 (PendingReview)\n"), "\(sent)")
        if kind == .mlflow {
            // The marker tag of the first write was removed first and written again last.
            let version = try fixture.mlflowVersion(churn, 1)
            #expect(version.tags["model_card_status"] == "PendingReview")
            #expect(
                try fixture.repo.git("log", "-1", "--format=%B").contains(
                    "Card-Digest: \(version.tags["model_card_digest"] ?? "-")"))
        }
        // Sent once: a third run sends no card step (moto ignores a package's card: SageMaker sends it again).
        let again = try fixture.cardigan("registry", "push").checked().output
        #expect(!again.contains("status 'churn'") && !again.contains("content 'churn'"), "\(again)")
    }
}
