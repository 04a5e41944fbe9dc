import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// `list` reads each card's latest tag object on every core from its raw bytes
/// (``PlainTagObject``), not through libgit2's tag parser on one thread: the message it reads is
/// libgit2's whenever it reads one, and every other tag object is left to libgit2, which decides
/// (and refuses) as before.
@Suite struct PlainTagObjectTests {
    /// A repository with one commit, and the commit's id.
    private func repository() throws -> (ScratchRepository, String) {
        let scratch = try ScratchRepository()
        try scratch.write("cards/a.yaml", "name: a\n")
        try scratch.git("add", "cards/a.yaml")
        try scratch.git("commit", "-q", "-m", "one")
        return (scratch, try scratch.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The id of a tag object of exactly `bytes`, written by git without its checks.
    private func tagObject(_ scratch: ScratchRepository, _ bytes: [UInt8]) throws -> ObjectID {
        let file = scratch.path + "/raw-tag"
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let id = try scratch.git("hash-object", "-t", "tag", "-w", "--literally", file)
        return try #require(ObjectID(hex: id.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// Tag objects by what they test: in the plain form (read here) or not (left to libgit2).
    private func tagObjects(_ scratch: ScratchRepository, commit: String) throws -> (
        plain: [String: ObjectID], other: [String: ObjectID]
    ) {
        let head = "object \(commit)\ntype commit\ntag cards/a/v1\n"
        let tagger = "tagger Ada Lovelace <ada@example.com> 1700000000 +0100\n"
        try scratch.git("tag", "-a", "-m", "cards/a/v1\n\nCard: a\nCard-Version: 1", "by-git", commit)
        let byGit = try scratch.git("rev-parse", "refs/tags/by-git").trimmingCharacters(in: .whitespacesAndNewlines)
        var plain: [String: ObjectID] = ["written by git": try #require(ObjectID(hex: byGit))]
        plain["no tagger"] = try tagObject(scratch, Array((head + "\nmessage\n").utf8))
        plain["no message"] = try tagObject(scratch, Array((head + tagger).utf8))
        plain["an empty message"] = try tagObject(scratch, Array((head + tagger + "\n").utf8))
        plain["a NUL in the message"] = try tagObject(
            scratch, Array((head + tagger + "\nbefore").utf8) + [0] + Array("after".utf8))
        plain["ill-formed UTF-8"] = try tagObject(
            scratch, Array((head + tagger + "\nCard: ").utf8) + [0xFF, 0xC3, 0x0A])
        plain["a west zone"] = try tagObject(scratch, Array((head + "tagger A <a> 0 -0830\n\nm").utf8))
        var other: [String: ObjectID] = [:]
        other["an extra header"] = try tagObject(scratch, Array((head + tagger + "encoding latin1\n\nm").utf8))
        let upper = head.replacingOccurrences(of: commit, with: commit.uppercased())
        other["upper-case hex"] = try tagObject(scratch, Array((upper + tagger + "\nm").utf8))
        other["a tree"] = try tagObject(
            scratch, Array(head.replacingOccurrences(of: "type commit", with: "type tree").utf8))
        other["no tag line"] = try tagObject(scratch, Array("object \(commit)\ntype commit\n\nm".utf8))
        other["seconds past 64 bits"] = try tagObject(
            scratch, Array((head + "tagger A <a> 99999999999999999999 +0000\n\nm").utf8))
        other["no e-mail"] = try tagObject(scratch, Array((head + "tagger A a@b 1 +0000\n\nm").utf8))
        other["a short zone"] = try tagObject(scratch, Array((head + "tagger A <a> 1 +00\n\nm").utf8))
        other["a commit"] = try #require(ObjectID(hex: commit))
        other["missing"] = try #require(ObjectID(hex: String(repeating: "ab", count: 20)))
        return (plain, other)
    }

    @Test func readsWhatLibgit2ReadsOrLeavesItToLibgit2() throws {
        let (scratch, commit) = try repository()
        let (plain, other) = try tagObjects(scratch, commit: commit)
        let repository = try Repository.open(at: scratch.path, environment: TestEnvironment.processEnvironment())
        let objects = try ObjectDatabase(of: repository)
        for (label, id) in plain {
            let read = objects.plainTagMessage(id)
            #expect(read != nil, "\(label): read on any thread")
            #expect(read == (try repository.tag(id))?.message, "\(label): libgit2's message")
        }
        for (label, id) in other {
            #expect(objects.plainTagMessage(id) == nil, "\(label): left to libgit2")
        }
        let withNUL = try #require(plain["a NUL in the message"])
        #expect(objects.plainTagMessage(withNUL) == "before")
        let illFormed = try #require(plain["ill-formed UTF-8"])
        let repaired = try #require(objects.plainTagMessage(illFormed))
        #expect(repaired == "Card: \u{FFFD}\u{FFFD}\n")
        // What libgit2 does with the others, `list` still does: it asks libgit2.
        let missing = try #require(other["missing"])
        let noTagLine = try #require(other["no tag line"])
        let aCommit = try #require(other["a commit"])
        #expect(throws: GitError.self) { try repository.tag(missing) }
        #expect(throws: GitError.self) { try repository.tag(noTagLine) }
        #expect(try repository.tag(aCommit) == nil)
        repository.reads.reset()
        let answers = try repository.plainTagMessages(Array(plain.values) + [missing])
        #expect(answers.count == plain.count && repository.reads.tagObjectsRead == plain.count)
    }

    /// A card's latest tag in another form than git's is still judged, by libgit2: recording its
    /// version with an extra header, it is a version; a NUL before its trailers hides them.
    @Test func listJudgesEveryFormOfTagAsShowDoes() throws {
        let scratch = try ScratchRepository()
        for name in ["a", "b", "c"] {
            try scratch.write(
                "cards/\(name).yaml",
                "name: \(name)\nstatus: Draft\nmodel_overview:\n  model_name: \(name)\n  model_description: D.\n"
                    + "intended_uses:\n  risk_rating: Low\n")
        }
        let store = try scratch.openedStore()
        #expect(try store.commit(names: [], message: "v1").findings.isEmpty)
        for name in ["b", "c"] {
            let reference = "refs/tags/cards/\(name)/v1"
            let original = try scratch.git("cat-file", "tag", reference)
            let (header, message) = try #require(
                original.range(of: "\n\n").map { (original[..<$0.lowerBound], original[$0.upperBound...]) })
            let remade =
                name == "b"
                ? Array((header + "\nencoding UTF-8\n\n" + message).utf8)
                : Array((header + "\n\n").utf8) + [0] + Array(message.utf8)
            let id = try tagObject(scratch, remade)
            try scratch.git("update-ref", reference, id.hex)
        }
        let cold = try scratch.openedStore(cached: false)
        let versions = Dictionary(uniqueKeysWithValues: try cold.listCards().map { ($0.name, $0.version) })
        #expect(versions == ["a": 1, "b": 1, "c": nil])
        // a's and c's read on every core, b's by libgit2.
        #expect(cold.repository.reads.tagObjectsRead == 3)
    }
}
