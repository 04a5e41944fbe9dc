import Foundation
import TestSupport
import Testing

/// A libgit2 failure leaves the library as a `GitError` and is worded once, by the CLI's exit
/// status mapping: `error: <function> failed (<code>): <libgit2's message>` on standard error,
/// exit 2, as every environment error; never argument-parser's `Error:` wording or exit 1.
@Suite struct GitErrorEdgeTests {
    @Test func aLibgit2FailureIsAnEnvironmentErrorInCardigansWords() throws {
        let repo = try CardRepo.withTwoCards()
        // The honest twin: the same commands on the intact repository.
        for command in [["list"], ["show", "a"], ["log", "a"], ["verify"]] {
            let result = try repo.repo.run([PackagePaths.cardigan] + command)
            #expect(result.status == 0, "\(command): \(result.error)")
        }
        // A branch reference that is not an object id: libgit2 refuses to read it.
        try repo.write(".git/refs/heads/main", "garbage\n")
        for command in [["list"], ["show", "a"], ["log", "a"], ["verify"]] {
            let result = try repo.repo.run([PackagePaths.cardigan] + command)
            #expect(result.status == 2, "\(command): \(result.output)\(result.error)")
            #expect(
                result.error.hasPrefix(
                    "error: git_reference_lookup failed (-1): corrupted loose reference file: refs/heads/main"),
                "\(command): \(result.error)")
            #expect(!result.error.contains("Error:"), "\(command): \(result.error)")
        }
    }
}
