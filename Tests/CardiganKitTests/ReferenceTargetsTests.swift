import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// `list` reads the target of each card's highest version tag from one scan of `packed-refs`
/// and the loose folders (``Repository/directTargets(of:under:)``), not from a libgit2 look-up
/// per card: the answers must be git's, packed, loose, a loose one over a packed one, symbolic.
@Suite struct ReferenceTargetsTests {
    @Test func theTargetsAreGitsPackedLooseOverriddenAndSymbolic() throws {
        let scratch = try ScratchRepository()
        try scratch.write("cards/a.yaml", "name: a\n")
        try scratch.git("add", "cards/a.yaml")
        try scratch.git("commit", "-q", "-m", "one")
        try scratch.write("cards/a.yaml", "name: a\nstatus: Draft\n")
        try scratch.git("commit", "-q", "-am", "two")
        for (tag, commit) in [("cards/a/v1", "HEAD~"), ("cards/a/v2", "HEAD"), ("cards/b/v10", "HEAD")] {
            try scratch.git("tag", "-a", "-m", tag, tag, commit)
        }
        try scratch.git("tag", "cards/c/v1", "HEAD")  // lightweight: the commit itself
        try scratch.git("pack-refs", "--all")
        try scratch.git("tag", "-f", "-a", "-m", "again", "cards/a/v1", "HEAD")  // loose, over the packed line
        try scratch.git("tag", "-a", "-m", "loose", "cards/d/v1", "HEAD")
        try scratch.git("symbolic-ref", "refs/tags/cards/e/v1", "refs/tags/cards/a/v2")
        let store = try CardStore(discoveringFrom: scratch.path, environment: TestEnvironment.processEnvironment())
        let wanted: Set<String> = [
            "refs/tags/cards/a/v1", "refs/tags/cards/a/v2", "refs/tags/cards/b/v10", "refs/tags/cards/c/v1",
            "refs/tags/cards/d/v1", "refs/tags/cards/e/v1", "refs/tags/cards/none/v1", "refs/tags/cards/b/v1",
        ]
        let targets = try #require(try store.repository.directTargets(of: wanted, under: VersionTag.referencePrefix))
        var oracle: [String: ObjectID] = [:]
        let listing = try scratch.git("for-each-ref", "--format=%(refname) %(objectname)", "refs/tags/cards/")
        for line in listing.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if wanted.contains(String(parts[0])) { oracle[String(parts[0])] = ObjectID(hex: String(parts[1])) }
        }
        #expect(oracle.count == 6, "\(listing)")
        #expect(targets == oracle)
        #expect(FileManager.default.fileExists(atPath: scratch.path + "/.git/refs/tags/cards/a/v1"))
        #expect(try scratch.git("cat-file", "-t", "refs/tags/cards/a/v1").hasPrefix("tag"))
    }
}
