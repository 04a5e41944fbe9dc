import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// The pack a large commit writes (``Repository/writingObjectsAsOnePack(_:)``): made by
/// cardigan itself (``PackStream``, whole objects, no delta search) with its index
/// (``PackIndex``), with the git CLI as the oracle — `verify-pack`, `fsck --strict`, `hash-object`, `cat-file`.
@Suite struct CommitPackTests {
    private let author = Signature(name: "Ada", email: "ada@example.com", time: 1_700_000_000, offsetMinutes: 60)

    /// The `.pack` files of the scratch repository.
    private func packs(_ scratch: ScratchRepository) -> [String] {
        let folder = scratch.path + "/.git/objects/pack"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return entries.filter { $0.hasSuffix(".pack") }.sorted().map { folder + "/" + $0 }
    }

    /// Bytes no zlib can shrink much, and sizes that need one to four bytes of pack header.
    private func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    @Test func packsWholeObjectsThatGitIndexesAndHashesAlike() throws {
        let scratch = try ScratchRepository()
        let repository = try Repository.open(at: scratch.path)
        // An object git already holds, loose: written again, it is in the pack as well.
        let known = try scratch.run(["git", "hash-object", "-w", "--stdin"], input: "known\n").checked().output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let contents: [[UInt8]] = [
            [], Array("known\n".utf8), Array("name: x\n".utf8), bytes(15, seed: 1), bytes(16, seed: 2),
            bytes(2_047, seed: 3), bytes(2_048, seed: 4), bytes(300_000, seed: 5),
            Array(String(repeating: "risk: low\n", count: 5_000).utf8),
        ]
        let (blobs, commit, tag) = try repository.writingObjectsAsOnePack {
            let blobs = try contents.map { try repository.writeBlob($0) }
            var files: [String: ObjectID?] = [:]
            for (index, blob) in blobs.enumerated() { files["cards/\(index).yaml"] = blob }
            let tree = try repository.writeTree(basedOn: nil, replacing: files)
            let commit = try repository.createCommit(
                tree: tree, parents: [], message: "many\n", author: author, committer: author)
            let tag = try repository.writeTagObject(name: "cards/x/v1", target: commit, message: "v1\n", tagger: author)
            return (blobs, commit, tag)
        }
        #expect(blobs[1].hex == known)
        let pack = try #require(packs(scratch).first)
        #expect(packs(scratch).count == 1)
        let listing = try scratch.git("verify-pack", "-v", String(pack.dropLast(".pack".count)) + ".idx")
        // The blobs, the cards folder, the root tree, the commit and the tag object; none a delta.
        let objects = Set(blobs.map(\.hex)).count + 4
        #expect(listing.contains("non delta: \(objects) objects"), "\(listing)")
        #expect(!listing.contains("chain length"), "\(listing)")
        for id in blobs + [commit, tag] { #expect(listing.contains(id.hex + " "), "\(id.hex) is not in the pack") }
        for (blob, content) in zip(blobs, contents) {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("cardigan-blob-\(UUID())").path
            defer { try? FileManager.default.removeItem(atPath: file) }
            try Data(content).write(to: URL(fileURLWithPath: file))
            let hashed = try scratch.git("hash-object", file).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(hashed == blob.hex)
            #expect(try repository.readBlob(blob) == content)
        }
        try scratch.git("update-ref", "refs/heads/main", commit.hex)
        try scratch.git("fsck", "--strict", "--no-dangling")
        #expect(try scratch.git("cat-file", "-t", tag.hex) == "tag\n")
    }

    @Test func readsThroughToWhatAnotherProcessPackedMeanwhile() throws {
        let scratch = try ScratchRepository()
        let repository = try Repository.open(at: scratch.path)
        let before = try repository.writeBlob(Array("before\n".utf8))
        let packed = try repository.writingObjectsAsOnePack { () throws -> ObjectID in
            // Another process writes an object, packs it with the one written before, and
            // removes both loose files.
            let id = try scratch.run(["git", "hash-object", "-w", "--stdin"], input: "meanwhile\n").checked().output
                .trimmingCharacters(in: .whitespacesAndNewlines)
            try scratch.run(
                ["git", "pack-objects", "-q", ".git/objects/pack/pack"], input: id + "\n" + before.hex + "\n"
            ).checked()
            try scratch.git("prune-packed")
            #expect(try scratch.git("count-objects").hasPrefix("0 objects"))
            let meanwhile = try #require(ObjectID(hex: id))
            #expect(try repository.readBlob(meanwhile) == Array("meanwhile\n".utf8))
            #expect(try repository.readBlob(before) == Array("before\n".utf8))
            return try repository.writeBlob(Array("during\n".utf8))
        }
        #expect(packs(scratch).count == 2)
        #expect(try repository.readBlob(packed) == Array("during\n".utf8))
        #expect(try scratch.git("cat-file", "-p", packed.hex) == "during\n")
    }

    @Test func aBodyThatThrowsStoresNothing() throws {
        struct Refused: Error {}
        let scratch = try ScratchRepository()
        let repository = try Repository.open(at: scratch.path)
        var written: ObjectID?
        #expect(throws: Refused.self) {
            try repository.writingObjectsAsOnePack {
                written = try repository.writeBlob(Array("refused\n".utf8))
                throw Refused()
            }
        }
        #expect(packs(scratch).isEmpty)
        let id = try #require(written)
        #expect(try scratch.run(["git", "cat-file", "-e", id.hex]).status != 0)
        // The repository writes loose objects again, to its own database.
        let after = try repository.writeBlob(Array("after\n".utf8))
        #expect(try scratch.git("cat-file", "-p", after.hex) == "after\n")
    }

    /// The `.idx` cardigan writes from what it kept while packing is byte for byte the one
    /// `git index-pack` makes by reading the pack; nothing is left under a temporary name, and
    /// both files are read-only, as git leaves them.
    @Test func writesTheIndexGitWouldWriteForThePack() throws {
        let scratch = try ScratchRepository()
        let repository = try Repository.open(at: scratch.path)
        let contents = (0..<300).map { bytes(40 + $0 * 7, seed: UInt64($0)) } + [bytes(70_000, seed: 9)]
        let blobs = try repository.writingObjectsAsOnePack { try contents.map { try repository.writeBlob($0) } }
        let pack = try #require(packs(scratch).first)
        let index = String(pack.dropLast(".pack".count)) + ".idx"
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("cardigan-idx-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try scratch.git("index-pack", "-o", copy, pack)
        #expect(FileManager.default.contents(atPath: index) == FileManager.default.contents(atPath: copy))
        let folder = scratch.path + "/.git/objects/pack"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files.count == 2 && files.allSatisfy { $0.hasPrefix("pack-") }, "\(files)")
        for file in [pack, index] {
            let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
            #expect(mode == 0o444, "\(file)")
        }
        #expect(try scratch.git("verify-pack", index).isEmpty)
        for (blob, content) in zip(blobs, contents).prefix(5) { #expect(try repository.readBlob(blob) == content) }
    }

    /// Entries deflated on every core are byte for byte what one stream makes of the same
    /// objects, in the same order; and a pack of more objects than one batch
    /// (``Repository/deflatedTogether``) is still one git reads whole.
    @Test func entriesDeflatedOnEveryCoreAreThoseOfOneStream() throws {
        let objects: [(type: Int32, content: [UInt8])] = (0..<200).map {
            (
                Int32(1 + $0 % 4),
                $0 % 3 == 0 ? bytes(30 + $0 * 11, seed: UInt64($0)) : Array(repeating: UInt8($0), count: $0)
            )
        }
        let parallel = try Repository.entries(of: objects)
        let deflater = try Deflater()
        let serial = try objects.map { object in
            try object.content.withUnsafeBytes {
                try PackStream.entry(type: object.type, content: $0, deflater: deflater)
            }
        }
        #expect(parallel.map(\.bytes) == serial.map(\.bytes))
        #expect(parallel.map(\.crc) == serial.map(\.crc))

        let scratch = try ScratchRepository()
        let repository = try Repository.open(at: scratch.path)
        let contents = (0..<(Repository.deflatedTogether * 2 + 77)).map { Array("card \($0)\n".utf8) }
        let blobs = try repository.writingObjectsAsOnePack { try contents.map { try repository.writeBlob($0) } }
        let pack = try #require(packs(scratch).first)
        let listing = try scratch.git("verify-pack", "-v", String(pack.dropLast(".pack".count)) + ".idx")
        #expect(listing.contains("non delta: \(contents.count) objects"), "\(listing.suffix(300))")
        let sample = [0, Repository.deflatedTogether, contents.count - 1]
        for index in sample { #expect(try repository.readBlob(blobs[index]) == contents[index]) }
    }
}
