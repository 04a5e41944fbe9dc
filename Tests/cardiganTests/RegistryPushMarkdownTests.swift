import CardiganKit
import Foundation
import TestSupport
import Testing

/// A registry in this process that records what `registry push` publishes to it.
private final class RecordingRegistry: ModelRegistry, @unchecked Sendable {
    let publishesMarkdown: Bool
    private let lock = NSLock()
    private var published: [CardPublication] = []

    init(publishesMarkdown: Bool) { self.publishesMarkdown = publishesMarkdown }

    var sent: [CardPublication] { lock.withLock { published } }
    var displayName: String { "the recording registry" }
    func packageVersions(inGroup group: String) throws -> [RegistryPackageSummary] { [] }
    func packageVersion(_ package: ModelPackage) throws -> RegistryPackageVersion? { nil }
    func publishedCard(named name: String) throws -> PublishedCard? { nil }
    func contentDigest(of root: ValueNode) -> String { CardDigest.of(root) }
    func publish(_ step: CardPublication) throws { lock.withLock { published.append(step) } }
    func packageCard(of package: RegistryPackageVersion) throws -> PublishedCard? { nil }
    func packageCardDigest(of root: ValueNode) -> String { CardDigest.of(root) }
    func setPackageCard(of package: RegistryPackageVersion, root: ValueNode, status: CardStatus) throws {}
}

/// `registry push` renders a version's markdown export only for a registry that shows it
/// (MLflow's description), and then exactly what `cardigan export --format markdown` prints.
@Suite struct RegistryPushMarkdownTests {
    @Test func pushRendersTheMarkdownOnlyForARegistryThatShowsIt() throws {
        let repo = try CardRepo()
        try repo.write("cards/churn.yaml", CardRepo.card("churn"))
        try repo.cardigan("commit", "-m", "churn card").checked()
        try repo.edit("cards/churn.yaml", replacing: "Predicts churn.", with: "Predicts churn a month ahead.")
        try repo.cardigan("commit", "-m", "churn v2").checked()
        try repo.cardigan("status", "churn", "PendingReview", "-m", "review").checked()
        let store = try CardStore(discoveringFrom: repo.path)

        let contentOnly = RecordingRegistry(publishesMarkdown: false)
        let result = try store.registryPush(contentOnly, names: [], dryRun: false)
        #expect(
            result.steps == [
                "create 'churn' v1 (Draft)", "content 'churn' v2 (Draft)", "status 'churn' v2 (PendingReview)",
            ])
        #expect(contentOnly.sent.map(\.version) == [1, 2, 2])
        #expect(contentOnly.sent.allSatisfy { $0.markdown == nil })

        let showing = RecordingRegistry(publishesMarkdown: true)
        _ = try store.registryPush(showing, names: ["churn"], dryRun: false)
        #expect(showing.sent.map(\.version) == [1, 2, 2])
        for step in showing.sent {
            let export = try repo.cardigan(
                "export", "churn", "--card-version", String(step.version), "--format", "markdown"
            ).checked().output
            #expect(step.markdown == export, "v\(step.version)")
        }
    }
}
