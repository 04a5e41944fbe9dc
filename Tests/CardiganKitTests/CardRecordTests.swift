import Foundation
import Testing

@testable import CardiganKit

@Suite struct CardRecordTests {
    @Test func writesAndReadsTrailersForSeveralCards() {
        let records = [
            CardRecord(card: "a", version: 2, digest: "sha256:aa", status: .draft, change: .version),
            CardRecord(
                card: "b", version: 1, digest: "sha256:bb", status: .pendingReview, change: .status,
                modelPackage: "churn/3"),
        ]
        let message = CardRecord.commitMessage("Update cards\n", records: records)
        #expect(message.hasPrefix("Update cards\n\nCard: a\nCard-Version: 2\n"))
        let trailers = message.split(separator: "\n").dropFirst(1).compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), String(line[line.index(colon, offsetBy: 2)...]))
        }
        let parsed = CardRecord.parse(trailers: trailers.map { (key: $0.0, value: $0.1) })
        #expect(parsed.problems.isEmpty)
        #expect(parsed.records == records)
    }

    @Test func reportsIncompleteTrailerGroups() {
        let parsed = CardRecord.parse(trailers: [
            (key: "Card-Version", value: "1"), (key: "Card", value: "a"), (key: "Card-Version", value: "zero"),
        ])
        #expect(parsed.records.isEmpty)
        #expect(parsed.problems.count == 2)
    }

    /// A key given twice in one card's group with different values (`Package-Details-Source:
    /// link` and `registry`) leaves the record ambiguous: a problem, not a record. The same
    /// value twice is one claim.
    @Test func aKeyGivenTwiceWithDifferentValuesIsAProblem() {
        func group(_ sources: [String]) -> [(key: String, value: String)] {
            [("Card", "x"), ("Card-Version", "3"), ("Card-Digest", "sha256:00"), ("Card-Status", "Draft")]
                + sources.map { ("Package-Details-Source", $0) }
        }
        let conflicting = CardRecord.parse(
            trailers: group(["link", "registry"]) + [("Card", "y")] + group([]).dropFirst())
        #expect(conflicting.records.map(\.card) == ["y"])
        #expect(
            conflicting.problems == [
                "the trailers of card 'x' give 'Package-Details-Source' twice, with different values"
            ])
        let repeated = CardRecord.parse(trailers: group(["registry", "registry"]))
        #expect(repeated.problems.isEmpty)
        #expect(repeated.records.map(\.packageDetailsSource) == ["registry"])
    }

    @Test func versionTagNamesRoundTrip() throws {
        #expect(VersionTag.name(card: "customer-churn", version: 3) == "cards/customer-churn/v3")
        let parsed = try #require(VersionTag.parse(reference: "refs/tags/cards/customer-churn/v3"))
        #expect(parsed.card == "customer-churn" && parsed.version == 3)
        #expect(VersionTag.parse(reference: "refs/tags/cards/x/v03") == nil)
        #expect(VersionTag.parse(reference: "refs/tags/cards/x/v0") == nil)
        #expect(VersionTag.parse(reference: "refs/tags/cards/x/y/v1") == nil)
        for reference in [
            "refs/tags/cards//v1", "refs/tags/cards/x/", "refs/tags/cards/x/v1/", "refs/tags/cards/x",
            "refs/tags/cards/",
            "refs/tags/cards/ünï/v1", "refs/tags/cards/-x/v1", "refs/tags/card/x/v1", "refs/heads/cards/x/v1",
        ] {
            #expect(VersionTag.parse(reference: reference) == nil, "\(reference)")
        }
    }

    /// The version in a tag's name is read from its bytes: exactly `v` and a decimal number from
    /// 1 without leading zeros or sign, as `Int` reads it, up to `Int.max`; the same verdict from
    /// `nameProblem`, which `verify` only asks of the names `parse` turned down.
    @Test func versionNumbersInTagNamesAreCanonicalDecimals() {
        let accepted = ["v1": 1, "v9": 9, "v10": 10, "v120": 120, "v\(Int.max)": Int.max]
        for (text, version) in accepted {
            #expect(VersionTag.parse(reference: "refs/tags/cards/x/\(text)")?.version == version, "\(text)")
            #expect(VersionTag.nameProblem(reference: "refs/tags/cards/x/\(text)") == nil, "\(text)")
        }
        let refused = [
            "v", "v0", "v00", "v01", "V1", "v+1", "v-1", "v 1", "v1 ", "v1a", "va", "1", "", "v١",
            "v9223372036854775808",
        ]
        for text in refused {
            #expect(VersionTag.parse(reference: "refs/tags/cards/x/\(text)") == nil, "\(text)")
            #expect(VersionTag.nameProblem(reference: "refs/tags/cards/x/\(text)") != nil, "\(text)")
        }
    }

    @Test func tagMessageCarriesTrailersAndPrevious() {
        let record = CardRecord(card: "a", version: 2, digest: "sha256:aa", status: .draft, change: .version)
        let message = VersionTag.message(for: record, previous: "0123abcd")
        #expect(VersionTag.previous(inMessage: message) == "0123abcd")
        let fields = VersionTag.fields(inMessage: message)
        #expect(fields.contains { $0.key == "Card-Digest" && $0.value == "sha256:aa" })
        #expect(VersionTag.previous(inMessage: VersionTag.message(for: record, previous: nil)) == nil)
    }
}

@Suite struct StatusEditorTests {
    private func edit(_ text: String, to status: CardStatus) throws -> String {
        let root = try #require(SafeYAMLLoader.load(Data(text.utf8), path: "x.yaml").root)
        return StatusEditor.setStatus(status, in: text, root: root)
    }

    @Test func changesOnlyTheStatusValueAndKeepsTheComment() throws {
        let text = "# header\nname: demo\nstatus: Approved   # set by review\nmodel_overview:\n  model_name: m\n"
        #expect(
            try edit(text, to: .draft)
                == "# header\nname: demo\nstatus: Draft   # set by review\nmodel_overview:\n  model_name: m\n")
    }

    @Test func replacesAQuotedStatus() throws {
        #expect(try edit("name: demo\nstatus: 'Approved'\n", to: .draft) == "name: demo\nstatus: Draft\n")
    }

    /// The line is found by its bytes (line feeds only): characters of several bytes before
    /// it and on it, blank lines, the last line without a line feed, and Windows and old Mac
    /// line breaks, kept as they were (a card with "\r\n" used to keep 'Approved': the text was
    /// split into Characters, and "\r\n" is one Character that is no line feed).
    @Test func findsTheStatusLineByItsBytes() throws {
        #expect(
            try edit("name: démo-ü\n# ✓ reviewed\nstatus: Approved # ✓\n", to: .draft)
                == "name: démo-ü\n# ✓ reviewed\nstatus: Draft # ✓\n")
        #expect(try edit("name: x\nstatus: Archived", to: .draft) == "name: x\nstatus: Draft")
        #expect(
            try edit("name: x\n\n\nstatus:   \"Approved\"\n", to: .pendingReview)
                == "name: x\n\n\nstatus:   PendingReview\n")
        #expect(try edit("name: x\r\nstatus: Approved\r\n", to: .draft) == "name: x\r\nstatus: Draft\r\n")
        #expect(
            try edit("name: x\r\n\r\nstatus: Approved # ok\r\nrisk: Low\r\n", to: .draft)
                == "name: x\r\n\r\nstatus: Draft # ok\r\nrisk: Low\r\n")
        #expect(try edit("name: x\rstatus: Approved\r", to: .draft) == "name: x\rstatus: Draft\r")
        // NEL, LS and PS break lines for libyaml, inside quoted strings too: the status is found
        // on the line libyaml places it (it was put on the next line: 'intendedDraft').
        for separator in ["\u{85}", "\u{2028}", "\u{2029}"] {
            let card = "name: x\nd: \"a\(separator)b\"\nstatus: Approved\nintended_uses: {}\n"
            #expect(
                try edit(card, to: .draft) == "name: x\nd: \"a\(separator)b\"\nstatus: Draft\nintended_uses: {}\n")
        }
    }

    /// A card without `status:` gets one on the line after `name:`, ended as the card's lines
    /// are, lines counted as libyaml counts them: a CRLF card used to get it at its end (the
    /// text was split on "\n" Characters, and "\r\n" is one Character that is none).
    @Test func addsAMissingStatusAfterTheName() throws {
        #expect(
            try edit("name: demo\nmodel_overview: {}\n", to: .draft)
                == "name: demo\nstatus: Draft\nmodel_overview: {}\n")
        #expect(
            try edit("name: demo\r\nmodel_overview: {}\r\n", to: .draft)
                == "name: demo\r\nstatus: Draft\r\nmodel_overview: {}\r\n")
        #expect(try edit("name: démo\rrisk: Low\r", to: .draft) == "name: démo\rstatus: Draft\rrisk: Low\r")
        #expect(try edit("# ✓ card\r\nname: x\r\n", to: .draft) == "# ✓ card\r\nname: x\r\nstatus: Draft\r\n")
        #expect(try edit("name: x", to: .pendingReview) == "name: x\nstatus: PendingReview")
        #expect(try edit("risk: Low\r\nname: x", to: .draft) == "risk: Low\r\nname: x\r\nstatus: Draft")
        for separator in ["\u{85}", "\u{2028}", "\u{2029}"] {
            let card = "d: \"a\(separator)b\"\nname: x\nintended_uses: {}\n"
            #expect(try edit(card, to: .draft) == "d: \"a\(separator)b\"\nname: x\nstatus: Draft\nintended_uses: {}\n")
        }
    }
}

@Suite struct CheckpointTests {
    @Test func roundTripsAndRefusesAnEditedFile() throws {
        let checkpoint = Checkpoint(
            branch: "refs/heads/main", head: "abc",
            tags: ["refs/tags/cards/a/v1": "111", "refs/tags/cards/a/v2": "222"])
        let text = checkpoint.text()
        #expect(try Checkpoint.parse(text, path: "cp.txt") == checkpoint)
        let edited = text.replacingOccurrences(of: "222", with: "333")
        #expect(throws: CardiganError.self) { try Checkpoint.parse(edited, path: "cp.txt") }
    }
}

@Suite struct CardBasicsTests {
    @Test func cardNamesFollowThePattern() {
        for valid in ["a", "customer-churn", "a1-b2", String(repeating: "a", count: 63), "cons", "com10", "com0"] {
            #expect(CardName.isValid(valid), "\(valid)")
        }
        let devices = ["con", "prn", "aux", "nul", "com1", "lpt9"]
        for invalid in ["", "-a", "a-", "a--b", "A", "a_b", "a.b", "é", String(repeating: "a", count: 64)] + devices {
            #expect(!CardName.isValid(invalid), "\(invalid)")
        }
    }

    @Test func statusMovesFollowRuleFive() {
        #expect(CardStatus.draft.allowsStatusChange(to: .pendingReview))
        #expect(CardStatus.pendingReview.allowsStatusChange(to: .draft))
        #expect(CardStatus.pendingReview.allowsStatusChange(to: .approved))
        #expect(CardStatus.approved.allowsStatusChange(to: .archived))
        #expect(!CardStatus.draft.allowsStatusChange(to: .approved))
        #expect(!CardStatus.approved.allowsStatusChange(to: .draft))
        #expect(!CardStatus.archived.allowsStatusChange(to: .draft))
        #expect(!CardStatus.approved.isAllowedForNewVersion)
    }

    @Test func digestIgnoresCommentsOrderStatusAndQuoting() throws {
        func digest(_ text: String) throws -> String {
            try CardDigest.of(#require(SafeYAMLLoader.load(Data(text.utf8), path: "x.yaml").root))
        }
        let a = try digest("name: a\nstatus: Draft\nmodel_overview:\n  model_name: m\n  score: 0.91\n")
        let b = try digest("# note\nmodel_overview: {score: 0.910, \"model_name\": 'm'}\nname: a\nstatus: Approved\n")
        let c = try digest("name: a\nstatus: Draft\nmodel_overview:\n  model_name: m\n  score: 0.92\n")
        #expect(a == b)
        #expect(a != c)
        #expect(a.hasPrefix("sha256:") && a.count == 71)
    }

    @Test func canonicalJSONSortsKeysAndEscapes() throws {
        let root = try #require(
            SafeYAMLLoader.load(Data("b: 1\na: \"x\\ny\\u0001\"\nc: [1.5, 2.0, true, ~]\n".utf8), path: "x").root)
        #expect(CanonicalJSON.text(of: root) == #"{"a":"x\ny\u0001","b":1,"c":[1.5,2,true,null]}"#)
        let quoted = try #require(
            SafeYAMLLoader.load(Data("q: 'say \"hi\" \\ é\tok'\n\"\\t\": \"\\t\"\n".utf8), path: "x").root)
        #expect(CanonicalJSON.text(of: quoted) == #"{"\t":"\t","q":"say \"hi\" \\ é\tok"}"#)
    }

    @Test func suggestsTheNearestName() {
        #expect(Suggestion.closest(to: "Meduim", in: ["High", "Medium", "Low"]) == "Medium")
        #expect(Suggestion.closest(to: "high", in: ["High", "Medium"]) == "High")
        #expect(Suggestion.closest(to: "zzzzzz", in: ["High", "Medium"]) == nil)
    }
}
