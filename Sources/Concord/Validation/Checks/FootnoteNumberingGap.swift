/// Footnote labels that skip a number (1, 2, 4).
public struct FootnoteNumberingGap: DocumentCheck {
    public static let id = CheckID.footnoteNumberingGap
    public static let defaultSeverity = Severity.error
    public static let examples = CheckExamples(
        triggering: [.markdown("The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n2. *Decides* to remain seized of the matter.[^3]\n\n[^1]: See A/64/PV.1.\n[^3]: See A/64/PV.2.\n")],
        nonTriggering: [.markdown("The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n2. *Decides* to remain seized of the matter.[^2]\n\n[^1]: See A/64/PV.1.\n[^2]: See A/64/PV.2.\n")])

    public init() {}

    public func findings(in resolved: ResolvedDocument, context: CheckContext) -> [Finding] {
        var findings = [Finding]()
        var previous: Int?
        for footnote in resolved.document.footnotes {
            guard let body = footnote.body, let value = Int(footnote.label) else { continue }
            let expected = (previous ?? 0) + 1
            if value > expected {
                let missing = expected == value - 1 ? "footnote \(expected) is missing" : "footnotes \(expected) to \(value - 1) are missing"
                findings.append(context.finding(Self.id, in: resolved.document, at: body.labelRange.lowerBound,
                                                "footnote \(value) follows \(previous.map { "footnote \($0)" } ?? "the start of the document"): \(missing)",
                                                subject: "footnote \(value)"))
            }
            previous = max(previous ?? 0, value)
        }
        return findings
    }
}
