import Foundation
import TestSupport
import Testing

/// A libgit2 failure leaves the library as a `GitError` and is worded once, by the CLI's exit
/// status mapping, on standard error, exit 2, as every environment error; never
/// argument-parser's `Error:` wording or exit 1. A damaged repository (a corrupted reference, a
/// missing object) is said as such with what to do; libgit2's function and code stay in the hint.
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
                    """
                    error: the repository is damaged: corrupted loose reference file: refs/heads/main
                      hint: 'git fsck' names what is damaged; a fresh clone of the remote restores it \
                    (libgit2: git_reference_lookup failed (-1))
                    """),
                "\(command): \(result.error)")
            #expect(!result.error.contains("Error:"), "\(command): \(result.error)")
        }
        // The oracle agrees that the repository is damaged.
        #expect(try repo.repo.run(["git", "fsck"]).status != 0)
    }

    /// A damaged tag reference (over a packed copy or not) is re-made from the trailers: a
    /// command other than verify that trips on it points at verify's repair, not at a clone.
    @Test func aDamagedTagReferencePointsAtVerifysRepair() throws {
        let repo = try CardRepo.withTwoCards()
        try repo.write(".git/refs/tags/cards/a/v1", "garbage\n")
        let show = try repo.cardigan("show", "a", "--card-version", "1")
        #expect(show.status == 2, "\(show.output)\(show.error)")
        #expect(
            show.error.contains(
                "hint: 'cardigan verify' names the damaged tag reference: delete its file and run 'cardigan verify --repair'"
            ),
            "\(show.error)")
        try FileManager.default.removeItem(atPath: repo.path + "/.git/refs/tags/cards/a/v1")
        try repo.cardigan("verify", "--repair").checked()
        try repo.cardigan("show", "a", "--card-version", "1").checked()
    }

    @Test func aMissingObjectIsADamagedRepositoryWithAHintToFetchIt() throws {
        let repo = try CardRepo.withTwoCards()
        let blob = try repo.git("rev-parse", "HEAD:cards/a.yaml").trimmingCharacters(in: .whitespacesAndNewlines)
        // The honest twin: intact, the card shows.
        try repo.cardigan("show", "a").checked()
        // cardigan writes loose objects: removing the card's file loses that object alone.
        try FileManager.default.removeItem(
            atPath: repo.path + "/.git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))")
        #expect(try repo.repo.run(["git", "fsck"]).output.contains("missing blob \(blob)"))
        let result = try repo.cardigan("show", "a")
        #expect(result.status == 2, "\(result.output)\(result.error)")
        let lines = result.error.split(separator: "\n")
        #expect(
            lines.first
                == "error: the repository is damaged: an object it needs is missing ('\(blob)': object not found - no match for id (\(blob)))",
            "\(result.error)")
        #expect(lines.count > 1 && lines[1].contains("'git fetch --unshallow --tags'"), "\(result.error)")
        #expect(lines.first?.contains("failed (") == false)
    }
}
