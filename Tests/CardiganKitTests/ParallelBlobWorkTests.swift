import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// The blob work a commit of many cards does on every core instead of its one thread: reading
/// the committed cards through a repository handle per thread (``BlobReaders``, with the caller
/// reading what they cannot), and hashing the new blobs before they are written
/// (``ObjectID/ofBlob(_:)``, ``Repository/writeBlob(_:hashed:)``). The git CLI is the oracle.
@Suite struct ParallelBlobWorkTests {
    private let author = Signature(name: "Ada", email: "ada@example.com", time: 1_700_000_000, offsetMinutes: 60)

    /// Contents of every size a card comes in, the empty blob and two alike.
    private static let contents: [[UInt8]] = [
        [], Array("status: Draft\n".utf8), Array("status: Draft\n".utf8),
        Array(String(repeating: "risk_rating: Low\n", count: 700).utf8),
        (0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 5) },
    ]

    /// Each content written by the git CLI (`hash-object -w`), with the id git gave it.
    private func writtenByGit(_ scratch: ScratchRepository) throws -> [(id: ObjectID, bytes: [UInt8])] {
        try Self.contents.enumerated().map { index, bytes -> (id: ObjectID, bytes: [UInt8]) in
            let file = "blob-\(index)"
            try Data(bytes).write(to: URL(fileURLWithPath: scratch.path + "/" + file))
            let hex = try scratch.git("hash-object", "-w", file).trimmingCharacters(in: .whitespacesAndNewlines)
            return (try #require(ObjectID(hex: hex)), bytes)
        }
    }

    @Test func hashesABlobAsGitDoes() throws {
        let scratch = try ScratchRepository()
        for (id, bytes) in try writtenByGit(scratch) { #expect(try ObjectID.ofBlob(bytes) == id) }
    }

    @Test func readersOnEveryThreadReadWhatGitWrote() throws {
        let scratch = try ScratchRepository()
        let blobs = try writtenByGit(scratch)
        // Half of the reads find the blobs loose, half in a pack.
        let readers = BlobReaders(gitDirectory: scratch.path + "/.git")
        let inputs = Array(repeating: blobs.map(\.id), count: 40).flatMap { $0 }
        let loose = concurrentMap(inputs) { readers.read($0) }
        try scratch.git("add", ".")
        try scratch.git("commit", "-q", "-m", "blobs")
        try scratch.git("gc", "-q", "--prune=now")
        #expect(try scratch.git("count-objects", "-v").contains("count: 0\n"))
        let packed = concurrentMap(inputs) { readers.read($0) }
        let expected: [[UInt8]?] = Array(repeating: blobs.map(\.bytes), count: 40).flatMap { $0 }
        #expect(loose == expected)
        #expect(packed == expected)
    }

    @Test func aBlobNoReaderCanReadIsLeftToTheCaller() throws {
        let scratch = try ScratchRepository()
        let blob = try #require(try writtenByGit(scratch).last)
        let missing = try ObjectID.ofBlob(Array("never written\n".utf8))
        #expect(BlobReaders(gitDirectory: scratch.path + "/.git").read(missing) == nil)
        #expect(BlobReaders(gitDirectory: scratch.path + "/no-such-folder").read(blob.id) == nil)
    }

    /// Cards whose committed blobs no reader can read are prepared with the bytes the caller
    /// reads, in order; a blob the caller cannot read either stops the preparation with its error.
    @Test func preparedCardsReadWhatTheReadersCannotOnTheCaller() throws {
        let scratch = try ScratchRepository()
        let repository = try Repository.open(at: scratch.path)
        let validator = CardValidator(schema: try Workspace.builtInSchema())
        let names = (0..<6).map { "card-\($0)" }
        var inputs: [PreparedCard.Input] = []
        for name in names {
            let committed = Array("name: \(name)\nstatus: Draft\n".utf8)
            inputs.append(
                PreparedCard.Input(
                    name: name, path: "cards/\(name).yaml", working: committed + Array("# edited\n".utf8),
                    committedID: try repository.writeBlob(committed)))
        }
        let blind = BlobReaders(gitDirectory: scratch.path + "/no-such-folder")
        var readOnCaller = 0
        let prepared = try PreparedCard.all(inputs, validator: validator, readers: blind) { id in
            readOnCaller += 1
            return try repository.readBlob(id)
        }
        #expect(readOnCaller == names.count)
        #expect(prepared.map(\.name) == names)
        let committedTexts: [String?] = prepared.map { card in
            card.committed.map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(committedTexts == names.map { "name: \($0)\nstatus: Draft\n" })
        let seeing = BlobReaders(gitDirectory: scratch.path + "/.git")
        readOnCaller = 0
        let again = try PreparedCard.all(inputs, validator: validator, readers: seeing) { id in
            readOnCaller += 1
            return try repository.readBlob(id)
        }
        #expect(readOnCaller == 0)
        #expect(again.map(\.committed) == prepared.map(\.committed))
        inputs[3].committedID = try ObjectID.ofBlob(Array("never written\n".utf8))
        #expect(throws: GitError.self) {
            try PreparedCard.all(inputs, validator: validator, readers: seeing, readOnCaller: repository.readBlob)
        }
    }

    /// A blob written into a commit's pack under the id hashed beforehand is the blob git makes
    /// of the bytes: `hash-object`, `cat-file` and `fsck --strict` (which hashes every object)
    /// agree.
    @Test func blobsWrittenUnderTheirHashedIdsArePackedAsGitHashesThem() throws {
        let scratch = try ScratchRepository()
        let repository = try Repository.open(at: scratch.path)
        let blobs = try repository.writingObjectsAsOnePack {
            try Self.contents.map { try repository.writeBlob($0, hashed: try ObjectID.ofBlob($0)) }
        }
        let byGit = try writtenByGit(ScratchRepository())
        #expect(blobs == byGit.map(\.id))
        var files: [String: ObjectID?] = [:]
        for (index, blob) in blobs.enumerated() { files["cards/\(index).yaml"] = blob }
        let tree = try repository.writeTree(basedOn: nil, replacing: files)
        let commit = try repository.createCommit(
            tree: tree, parents: [], message: "hashed\n", author: author, committer: author)
        try scratch.git("update-ref", "refs/heads/main", commit.hex)
        try scratch.git("fsck", "--strict", "--no-dangling")
        #expect(try scratch.git("count-objects", "-v").contains("in-pack: \(Set(blobs).count)"))
        for (blob, bytes) in zip(blobs, Self.contents) {
            #expect(try scratch.git("cat-file", "-s", blob.hex) == "\(bytes.count)\n")
        }
    }

    /// Outside a commit's pack the id given is not trusted: libgit2 hashes the bytes it writes.
    @Test func aLooseBlobIsHashedWhateverIdIsGiven() throws {
        let scratch = try ScratchRepository()
        let repository = try Repository.open(at: scratch.path)
        let bytes = Array("status: Draft\n".utf8)
        let written = try repository.writeBlob(bytes, hashed: try ObjectID.ofBlob(Array("other\n".utf8)))
        let hashed = try ObjectID.ofBlob(bytes)
        #expect(written == hashed)
        #expect(try scratch.git("cat-file", "-t", written.hex) == "blob\n")
    }
}
