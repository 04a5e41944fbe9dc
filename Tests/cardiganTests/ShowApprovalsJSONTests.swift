import Foundation
import TestSupport
import Testing

/// `show --format json` names each approval of a version and what it signs, so that an examiner
/// can check it with `ssh-keygen` alone; text `show` and the exports name them in the footer.
@Suite(.enabled(if: TestTools.sshKeygen, "needs ssh-keygen (openssh-client; scripts/bootstrap.sh)"))
struct ShowApprovalsJSONTests {
    @Test func eachApprovalIsNamedWithTheStatementSshKeygenAccepts() throws {
        let setup = try ApprovalRepo()
        let before = try show(setup, "credit")
        #expect((before["approvals"] as? [Any])?.isEmpty == true, "\(before)")
        try setup.approve(with: "risk").checked()
        try setup.approve(with: "validator").checked()

        let shown = try show(setup, "credit")
        #expect(shown["status"] as? String == "Approved")
        let approvals = try #require(shown["approvals"] as? [[String: Any]])
        #expect(approvals.map { $0["principal"] as? String ?? "" } == ["risk@example.com", "validator@example.com"])
        let allowed = try setup.repo.read(".cardigan/allowed_signers")
        for (approval, key) in zip(approvals, ["risk", "validator"]) {
            let fingerprint = try ProcessResult.run(
                ["ssh-keygen", "-l", "-E", "sha256", "-f", setup.keys.folder + "/" + key + ".pub"],
                in: setup.keys.folder, environment: setup.environment
            ).checked().output.split(separator: " ")[1]
            #expect(approval["key_fingerprint"] as? String == String(fingerprint), "\(approval)")
            #expect(approval["namespace"] as? String == "cardigan-approval")
            let statement = try #require(approval["statement"] as? [String: Any])
            #expect(statement["card"] as? String == "credit" && statement["version"] as? Int == 1)
            #expect(statement["digest"] as? String == shown["digest"] as? String, "\(statement) \(shown)")
            #expect(statement["status"] as? String == "Approved")
            let principal = try #require(approval["principal"] as? String)
            let signed = try Self.statementText(statement, principal: principal, date: approval["date"])
            let signature = try Self.armored(try #require(approval["signature"] as? String))
            let verified = try setup.keys.verify(
                signed, signature: signature, principal: principal, namespace: "cardigan-approval", allowed: allowed)
            #expect(verified.status == 0, "\(verified.output)\(verified.error)")
            // The twin: the same signature over another digest is refused, so the check above has teeth.
            let replayed = signed.replacingOccurrences(of: "digest: sha256:", with: "digest: sha256:0")
            let refused = try setup.keys.verify(
                replayed, signature: signature, principal: principal, namespace: "cardigan-approval", allowed: allowed)
            #expect(refused.status != 0)
        }
    }

    @Test func approvalsBelongToTheVersionTheyApprove() throws {
        let setup = try ApprovalRepo()
        try setup.approve(with: "risk").checked()
        try setup.approve(with: "validator").checked()
        try setup.repo.edit("cards/credit.yaml", replacing: "Predicts churn.", with: "Predicts churn weekly.")
        try setup.repo.edit("cards/credit.yaml", replacing: "status: Approved", with: "status: Draft")
        try setup.repo.cardigan("commit", "-m", "credit v2", environment: setup.environment).checked()

        let latest = try show(setup, "credit")
        #expect(latest["version"] as? Int == 2 && (latest["approvals"] as? [Any])?.isEmpty == true, "\(latest)")
        let first = try show(setup, "credit", "--card-version", "1")
        #expect((first["approvals"] as? [Any])?.count == 2, "\(first)")
        #expect(first["superseded_by"] as? Int == 2)
        // Text show and every export name them in the version's footer too.
        let text = try setup.repo.cardigan("show", "credit", "--card-version", "1", environment: setup.environment)
            .checked().output
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("# approved by ") }.count == 2, "\(text)")
        for format in ["markdown", "html", "huggingface"] {
            let export = try setup.repo.cardigan(
                "export", "credit", "--card-version", "1", "--format", format, environment: setup.environment
            ).checked().output
            #expect(
                export.contains("approved by risk@example.com (key SHA256:")
                    && export.contains("validator@example.com (key SHA256:"), "\(format): \(export)")
            let newer = try setup.repo.cardigan("export", "credit", "--format", format, environment: setup.environment)
                .checked().output
            #expect(!newer.contains("approved by"), "\(format): \(newer)")
        }
    }

    private func show(_ setup: ApprovalRepo, _ arguments: String...) throws -> [String: Any] {
        let result = try setup.repo.repo.run(
            [PackagePaths.cardigan, "show"] + arguments + ["--format", "json"], environment: setup.environment
        ).checked()
        return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    }

    /// The statement an approval signs, rebuilt from the JSON as the README says.
    static func statementText(_ statement: [String: Any], principal: String, date: Any?) throws -> String {
        let card = try #require(statement["card"] as? String)
        let version = try #require(statement["version"] as? Int)
        let digest = try #require(statement["digest"] as? String)
        let date = try #require(date as? String)
        return
            "cardigan approval\ncard: \(card)\nversion: \(version)\ndigest: \(digest)\nstatus: Approved\nprincipal: \(principal)\ndate: \(date)\n"
    }

    /// The base64 signature wrapped as `ssh-keygen` reads it: 70 characters a line.
    static func armored(_ base64: String) -> String {
        var lines = ["-----BEGIN SSH SIGNATURE-----"]
        var rest = Substring(base64)
        while !rest.isEmpty {
            lines.append(String(rest.prefix(70)))
            rest = rest.dropFirst(70)
        }
        return (lines + ["-----END SSH SIGNATURE-----", ""]).joined(separator: "\n")
    }
}
