import Foundation

extension ApprovalPolicy {
    /// The first rule no approvers can ever satisfy: its `approvers` is more than the distinct
    /// principals the signers file lists, for keys that may sign approvals (not a
    /// `cert-authority` line, a namespace that allows `cardigan-approval`), and the rule allows.
    /// Such a policy would refuse every approval of the cards the rule covers, for good. Nil when
    /// every rule can be met, or when a line names its principals by pattern (their number is
    /// open). Validity dates are not counted: a key valid later can still approve.
    public var unreachableRule: (rule: ApprovalSettings.Rule, principals: [String])? {
        guard let distinct = countablePrincipals else { return nil }
        for rule in settings.rules {
            let allowed = distinct.filter { settings.allows($0, by: rule) }
            if allowed.count < rule.approvers { return (rule, allowed) }
        }
        return nil
    }

    /// The distinct principals the signers file lists for keys that may sign approvals; nil
    /// when a line names its principals by pattern (their number is open).
    private var countablePrincipals: [String]? {
        let signing = signers.entries.filter {
            !$0.isCertificateAuthority
                && ($0.namespaces.map { AllowedSigners.matches(Approval.namespace, patternList: $0) } ?? true)
        }
        let named = signing.flatMap(\.principals)
        guard named.allSatisfy({ name in !name.contains { "*?!".contains($0) } }) else { return nil }
        var distinct: [String] = []
        for name in named where !distinct.contains(where: { $0.lowercased() == name.lowercased() }) {
            distinct.append(name)
        }
        return distinct
    }

    /// The `approval-policy` finding for ``unreachableRule``, at the rule's line of
    /// `.cardigan.yaml`; nil when every rule can be met.
    public var unreachableFinding: Finding? {
        unreachableRule.map { Self.unreachableFinding($0.rule, allowed: $0.principals, settings: settings) }
    }

    /// The `approval-policy` finding when `rule` alone can never be met: an approval of a card
    /// it covers collects signatures that never reach its threshold. Nil when it can be met.
    func unreachableFinding(of rule: ApprovalSettings.Rule) -> Finding? {
        guard let allowed = countablePrincipals?.filter({ settings.allows($0, by: rule) }),
            allowed.count < rule.approvers
        else { return nil }
        return Self.unreachableFinding(rule, allowed: allowed, settings: settings)
    }

    private static func unreachableFinding(
        _ rule: ApprovalSettings.Rule, allowed: [String], settings: ApprovalSettings
    ) -> Finding {
        let listed = allowed.isEmpty ? "" : " (\(allowed.map { "'\($0)'" }.joined(separator: ", ")))"
        return Finding(
            ruleID: .approvalPolicy,
            message:
                "the approval rule at line \(rule.line) needs \(Counted.text(rule.approvers, "approver")), but '\(settings.signersPath)' lists only \(Counted.text(allowed.count, "principal")) it allows\(listed): no card it covers could ever be approved",
            location: Location(path: CardiganConfig.fileName, position: SourcePosition(line: rule.line, column: 1)),
            hint:
                "list more signers in '\(settings.signersPath)' or lower 'approvers'; the threshold counts distinct principals whose keys may sign approvals"
        )
    }
}
