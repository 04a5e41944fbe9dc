import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// ``CommitGraphOrder`` gives libgit2's order without asking libgit2: `log` walks its index with
/// it, and an entry out of order would print a card's audit trail out of order. Histories of
/// random merges (octopus merges, criss-crosses, several roots) are made with `git commit-tree`
/// and the order compared with libgit2's own walk.
@Suite struct CommitGraphOrderTests {
    /// A small deterministic generator, so a failure names the seed that shows it.
    private struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11 | state << 53
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6])
    func givesLibgit2sOrderOverMerges(seed: UInt64) throws {
        let scratch = try ScratchRepository()
        let tree = try scratch.run(["git", "mktree"], input: "").checked().output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        var random = Generator(state: seed)
        var commits: [String] = []
        for number in 0..<36 {
            var arguments = ["git", "commit-tree", tree, "-m", "commit \(number)"]
            // Mostly one parent, sometimes a merge of two to four, now and then a new root.
            let count = commits.isEmpty ? 0 : [0, 1, 1, 1, 1, 2, 2, 3, 4].randomElement(using: &random) ?? 1
            for parent in Set((0..<count).compactMap { _ in commits.randomElement(using: &random) }).shuffled(
                using: &random)
            {
                arguments += ["-p", parent]
            }
            commits.append(
                try scratch.run(
                    arguments, environment: ["GIT_COMMITTER_DATE": "\(1_700_000_000 + number * 7 % 5) +0000"]
                )
                .checked().output.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let repository = try Repository.discover(from: scratch.path)
        for head in commits.suffix(6).compactMap(ObjectID.init(hex:)) {
            let expected = try repository.commitsOldestFirst(from: head)
            // The commits in another order than libgit2's, so that nothing but the parents can lead.
            let nodes = expected.shuffled(using: &random)
            let position = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, $0) })
            let parents = try nodes.map { try repository.commit($0).parents.compactMap { position[$0] } }
            guard let headPosition = position[head] else {
                Issue.record("head \(head.hex) missing from its own walk")
                continue
            }
            let order = CommitGraphOrder.oldestFirst(head: headPosition, parents: parents).map { nodes[$0] }
            #expect(order == expected, "seed \(seed), head \(head.hex)")
        }
    }
}
