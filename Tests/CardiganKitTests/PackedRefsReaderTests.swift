import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// ``PackedRefsReader``, the one reader of `packed-refs` (the tag listing and the writer both
/// use it), on odd files against the git CLI as the oracle: where `git for-each-ref` reads a
/// file, the reader finds the same references with the same ids; where git refuses it, the
/// reader refuses it too, naming the line.
@Suite struct PackedRefsReaderTests {
    /// A repository with one commit on `main` and an annotated tag `t` on it, every reference
    /// loose; the commit's and the tag object's ids.
    private func repository() throws -> (ScratchRepository, commit: String, tag: String) {
        let scratch = try ScratchRepository()
        try scratch.write("a.txt", "a\n")
        try scratch.git("add", "a.txt")
        try scratch.git("commit", "-q", "-m", "a")
        try scratch.git("tag", "-a", "t", "-m", "t")
        let commit = try scratch.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let tag = try scratch.git("rev-parse", "refs/tags/t").trimmingCharacters(in: .whitespacesAndNewlines)
        return (scratch, commit, tag)
    }

    /// Odd `packed-refs` files, `<C>` standing for the commit's id (`<U>` in upper case) and `<T>` for the tag object's.
    static let files: [String] = [
        "# pack-refs with: peeled fully-peeled sorted \n<C> refs/heads/main\n<T> refs/tags/t\n^<C>\n",
        "<T> refs/tags/t\n^<C>\n<C> refs/heads/main\n",  // no header, not sorted
        "# pack-refs with:\n<C> refs/heads/main\n",  // a header without traits
        "# pack-refs with: peeled \n",  // a header alone
        "",
        "<U> refs/heads/main\n",  // the id in upper case
        "<C> refs/heads/main\n<T> refs/tags/t\n^<C>",  // no final newline
        "# pack-refs with: peeled \n<C> refs/heads/main",  // no final newline after a reference
        "<C> refs/heads/main\n1234567 refs/tags/short\n",  // a truncated line
        "<C> refs/heads/main\n# a comment\n",  // a comment after the header's place
        "# not a header\n<C> refs/heads/main\n",
        "^<C>\n<C> refs/heads/main\n",  // a peeled line before any reference
        "<T> refs/tags/t\n^<C>\n^<C>\n",  // two peeled lines
        "<C> refs/heads/main\r\n<T> refs/tags/t\r\n^<C>\r\n",  // CRLF, the peeled line too
        "<C>refs/heads/main\n",  // no space after the id
        "<C> refs/heads/main\n<T>\n",  // an id without a name
    ]

    @Test(arguments: files.indices)
    func readsWhatGitReadsAndRefusesWhatGitRefuses(index: Int) throws {
        let (scratch, commit, tag) = try repository()
        let text = Self.files[index].replacingOccurrences(of: "<U>", with: commit.uppercased())
            .replacingOccurrences(of: "<C>", with: commit).replacingOccurrences(of: "<T>", with: tag)
        try scratch.write(".git/packed-refs", text)
        for loose in ["refs/heads/main", "refs/tags/t"] {
            try FileManager.default.removeItem(atPath: scratch.path + "/.git/" + loose)
        }
        let git = try scratch.run(["git", "for-each-ref", "--format=%(objectname) %(refname)"])
        let bytes = Array(text.utf8)
        let path = scratch.path + "/.git/packed-refs"
        var found: [String] = []
        let read = Result {
            try bytes.withUnsafeBufferPointer { buffer in
                try PackedRefsReader.scan(buffer, path: path) { record in
                    let line = String(decoding: buffer[record.lines], as: UTF8.self)
                    let name = String(decoding: buffer[record.name], as: UTF8.self)
                    found.append(line.prefix(40).lowercased() + " " + name)
                }
            }
        }
        if git.status == 0 {
            _ = try read.get()
            #expect(found.sorted() == git.output.split(separator: "\n").map(String.init).sorted(), "\(text)")
        } else {
            #expect(git.error.contains("packed-refs"), "git: \(git.error)")
            #expect(throws: GitError.self, "\(text)") { try read.get() }
        }
    }

    /// The records' lines are the file, header aside: the writer keeps them byte for byte.
    @Test func theRecordsLinesAreTheFileByteForByte() throws {
        let text =
            "# pack-refs with: peeled \n\(String(repeating: "a", count: 40)) refs/tags/x\n^"
            + String(repeating: "b", count: 40) + "\n\(String(repeating: "c", count: 40)) refs/heads/main\n"
        let bytes = Array(text.utf8)
        var lines: [UInt8] = []
        let header = try bytes.withUnsafeBufferPointer { buffer in
            try PackedRefsReader.scan(buffer, path: "packed-refs") { lines += buffer[$0.lines] }
        }
        #expect(header == 0..<26)
        #expect(Array(bytes[26...]) == lines)
    }

    /// The error names the file and the line, as the writer's refusal always did.
    @Test(arguments: [
        ("C refs/heads/main\nnot a line\n", "line 2 is not a reference"),
        ("C refs/heads/main\nC refs/tags/t", "line 2 does not end with a newline"),
        ("C refs/heads/main\n^C\n^C\n", "line 3 is not a reference"),
    ])
    func aRefusedLineIsNamed(file: String, message: String) throws {
        let bytes = Array(file.replacingOccurrences(of: "C", with: String(repeating: "0", count: 40)).utf8)
        #expect {
            try bytes.withUnsafeBufferPointer { try PackedRefsReader.scan($0, path: "/r/.git/packed-refs") { _ in } }
        } throws: { error in
            "\(error)".contains("corrupted packed-refs file '/r/.git/packed-refs': \(message)")
        }
    }

    /// The tag listing reads `packed-refs` with the same reader: a file git refuses is an
    /// error there too, where the old scanner skipped the lines it did not understand.
    @Test func theTagListingRefusesWhatTheWriterRefuses() throws {
        let (scratch, commit, tag) = try repository()
        try scratch.write(".git/packed-refs", "\(tag) refs/tags/cards/a/v1\n^\(commit)\ngarbage\n")
        let repository = try Repository.open(at: scratch.path)
        var names: [String] = []
        #expect(throws: GitError.self) {
            _ = try repository.forEachReferenceName(under: "refs/tags/cards/") { name, _ in
                names.append(String(decoding: name, as: UTF8.self))
            }
        }
        names = []
        try scratch.write(".git/packed-refs", "\(tag) refs/tags/cards/a/v1\n^\(commit)\n\(commit) refs/tags/cards/b\n")
        #expect(
            try repository.forEachReferenceName(under: "refs/tags/cards/") { name, target in
                let shown = target.map { " " + String(decoding: $0, as: UTF8.self) } ?? " loose"
                names.append(String(decoding: name, as: UTF8.self) + shown)
            })
        #expect(names == ["a/v1 \(tag)", "b \(commit)"], "the target is the reference's line, not its ^ line")
    }
}
