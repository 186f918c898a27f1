/// Footnote labels that skip a number (1, 2, 4).
public struct FootnoteNumberingGap: DocumentCheck {
    public static let id = CheckID.footnoteNumberingGap
    public static let defaultSeverity = Severity.error
    public static let examples = CheckExamples(
        triggering: [.init([("doc.en.txt", "The General Assembly,\n\n1. *Decides* to act¹ and to report³;\n\n¹ A/80/1.\n\n³ A/80/3.\n")])],
        nonTriggering: [.init([("doc.en.txt", "The General Assembly,\n\n1. *Decides* to act¹ and to report²;\n\n¹ A/80/1.\n\n² A/80/3.\n")])])

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
