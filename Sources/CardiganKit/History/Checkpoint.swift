import Crypto
import Foundation

/// A checkpoint: the protected branch's head and the object id of every tag under `cards/` and
/// `model-packages/`, with a SHA-256 digest over them. Kept outside the repository (or signed,
/// or pasted into a ticket), it lets `verify --checkpoint` catch a rewrite of the whole history
/// in which every tag was recreated.
///
/// ```
/// # cardigan checkpoint, written 2026-11-25T08:00:00Z
/// branch refs/heads/main 4f1c…
/// tag refs/tags/cards/customer-churn/v1 9a0e…
/// digest sha256:…
/// ```
public struct Checkpoint: Sendable, Equatable {
    /// The protected branch's full reference name.
    public var branch: String
    /// The commit the branch pointed at.
    public var head: String
    /// Every recorded tag reference and the object id it pointed at.
    public var tags: [String: String]
    /// The file it was read from, as the user named it; nil for one made in memory.
    public var file: String?
    /// The line of the file that records each reference (the branch's and every tag's).
    var lines: [String: Int] = [:]

    /// Creates a checkpoint.
    public init(branch: String, head: String, tags: [String: String]) {
        self.branch = branch
        self.head = head
        self.tags = tags
    }

    /// Two checkpoints are equal when they record the same branch head and tags, wherever they
    /// were read from.
    public static func == (lhs: Checkpoint, rhs: Checkpoint) -> Bool {
        (lhs.branch, lhs.head, lhs.tags) == (rhs.branch, rhs.head, rhs.tags)
    }

    /// Where the checkpoint records `reference` (the branch or a tag): its line in ``file``, or
    /// nil for a checkpoint made in memory or a reference it does not record.
    func location(of reference: String) -> Location? {
        guard let file, let line = lines[reference] else { return nil }
        return Location(path: file, position: SourcePosition(line: line, column: 1))
    }

    /// The lines the digest covers, in a fixed order.
    var recordLines: [String] {
        ["branch \(branch) \(head)"] + tags.keys.sorted().map { "tag \($0) \(tags[$0] ?? "")" }
    }

    /// The digest over the record lines.
    public var digest: String {
        let text = recordLines.joined(separator: "\n") + "\n"
        return "sha256:" + SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The checkpoint file's text.
    public func text(writtenAt date: Date = Date()) -> String {
        let stamp = ISO8601DateFormatter().string(from: date)
        return "# cardigan checkpoint, written \(stamp)\n" + recordLines.joined(separator: "\n")
            + "\ndigest \(digest)\n"
    }

    /// Reads a checkpoint file; `path` names it in errors. Refuses a file whose digest does
    /// not match its lines (it was edited).
    public static func parse(_ text: String, path: String) throws -> Checkpoint {
        var branch: (String, String)?
        var tags: [String: String] = [:]
        var lines: [String: Int] = [:]
        var recorded: String?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let location = Location(path: path, position: SourcePosition(line: index + 1, column: 1))
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: " ").map(String.init)
            switch (fields.first, fields.count) {
            case ("branch", 3):
                branch = (fields[1], fields[2])
                lines[fields[1]] = index + 1
            case ("tag", 3):
                tags[fields[1]] = fields[2]
                lines[fields[1]] = index + 1
            case ("digest", 2): recorded = fields[1]
            default:
                throw CardiganError("not a checkpoint line: '\(line)'", location: location)
            }
        }
        guard let branch else { throw CardiganError("the checkpoint names no branch", location: Location(path: path)) }
        var checkpoint = Checkpoint(branch: branch.0, head: branch.1, tags: tags)
        checkpoint.file = path
        checkpoint.lines = lines
        guard let recorded else {
            throw CardiganError("the checkpoint has no digest line", location: Location(path: path))
        }
        guard recorded == checkpoint.digest else {
            throw CardiganError(
                "the checkpoint's digest does not match its lines: the file was changed after it was written",
                location: Location(path: path), hint: "use the checkpoint as it was written, or write a new one")
        }
        return checkpoint
    }
}
