import Foundation

/// One commit that set a card version's status: the version's birth or a status change.
public struct StatusEvent: Sendable, Hashable {
    /// The status the commit recorded.
    public var status: CardStatus
    /// `version` for the commit that made the version, `status` or `format` for later ones.
    public var change: CardRecord.Change
    /// Who made the commit.
    public var author: String
    /// The author's email.
    public var email: String
    /// When, in seconds since 1970.
    public var time: Int64
    /// The commit's id.
    public var commit: String
    /// The first line of the commit message.
    public var summary: String
}

/// The status history of one card version: every commit that recorded it, oldest first, and
/// the version that superseded it. A version's status is the last one it reached; a newer
/// version supersedes it but never changes it.
public struct VersionTimeline: Sendable, Hashable {
    /// The card's name.
    public var card: String
    /// The version.
    public var version: Int
    /// The version's digest.
    public var digest: String
    /// The linked model package, when the version names one.
    public var modelPackage: String?
    /// Every commit that recorded this version, oldest first; never empty.
    public var events: [StatusEvent]
    /// The next version, when there is one.
    public var supersededBy: Int?
    /// When the next version was made, in seconds since 1970.
    public var supersededAt: Int64?

    /// The last status this version reached.
    public var status: CardStatus { events.last?.status ?? .draft }

    /// The commit that set ``status``.
    public var statusEvent: StatusEvent? { events.last }

    /// The commit that made the version.
    public var madeIn: StatusEvent? { events.first }

    /// The timelines of a card's versions, oldest first, from its audit trail.
    public static func timelines(from entries: [AuditEntry]) -> [VersionTimeline] {
        var timelines: [VersionTimeline] = []
        for entry in entries {
            let event = StatusEvent(
                status: entry.record.status, change: entry.record.change, author: entry.author, email: entry.email,
                time: entry.time, commit: entry.commit, summary: entry.summary)
            if let last = timelines.indices.last, timelines[last].version == entry.record.version {
                timelines[last].events.append(event)
                continue
            }
            if let last = timelines.indices.last {
                timelines[last].supersededBy = entry.record.version
                timelines[last].supersededAt = entry.time
            }
            timelines.append(
                VersionTimeline(
                    card: entry.record.card, version: entry.record.version, digest: entry.record.digest,
                    modelPackage: entry.record.modelPackage, events: [event]))
        }
        return timelines
    }

    /// The latest version whose status is `Approved`, nil when none is.
    public static func latestApproved(in timelines: [VersionTimeline]) -> VersionTimeline? {
        timelines.last { $0.status == .approved }
    }

    /// "Approved, set by Ann <ann@example.com> on 2026-11-30T12:00:00Z in commit 1a2b3c4d5e6f".
    public var statusLine: String {
        guard let event = statusEvent else { return status.rawValue }
        let how = event.change == .version ? "made" : "set"
        return
            "\(status.rawValue), \(how) by \(event.author) <\(event.email)> on \(HistoryText.date(event.time)) in commit \(event.commit.prefix(12))"
    }

    /// "superseded by version 3 on 2026-11-30T12:00:00Z", nil for the latest version.
    public var supersededLine: String? {
        guard let supersededBy else { return nil }
        return "superseded by version \(supersededBy)" + (supersededAt.map { " on \(HistoryText.date($0))" } ?? "")
    }
}
