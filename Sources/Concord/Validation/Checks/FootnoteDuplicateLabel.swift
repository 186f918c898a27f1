/// Two footnote bodies with the same label.
public struct FootnoteDuplicateLabel: DocumentCheck {
    public static let id = CheckID.footnoteDuplicateLabel
    public static let defaultSeverity = Severity.error
    public static let examples = CheckExamples(
        triggering: [.markdown("The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n2. *Decides* to remain seized of the matter.\n\n[^1]: See A/64/PV.1.\n[^1]: See A/64/PV.2.\n")],
        nonTriggering: [.markdown("The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n2. *Decides* to remain seized of the matter.[^2]\n\n[^1]: See A/64/PV.1.\n[^2]: See A/64/PV.2.\n")])

    public init() {}

    public func findings(in resolved: ResolvedDocument, context: CheckContext) -> [Finding] {
        var findings = [Finding]()
        var seen = Set<String>()
        for footnote in resolved.document.footnotes {
            guard let body = footnote.body, !seen.insert(footnote.label).inserted else { continue }
            findings.append(context.finding(Self.id, in: resolved.document, at: body.labelRange.lowerBound,
                                            "a second footnote is labelled \(footnote.label)", subject: "footnote \(footnote.label) (second)"))
        }
        return findings
    }
}
