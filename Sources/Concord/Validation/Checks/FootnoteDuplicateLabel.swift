/// Two footnote bodies with the same label.
public struct FootnoteDuplicateLabel: DocumentCheck {
    public static let id = CheckID.footnoteDuplicateLabel
    public static let defaultSeverity = Severity.error
    public static let examples = CheckExamples(
        triggering: [.init([("doc.en.txt", "The General Assembly,\n\n1. *Decides* to act¹ and to report²;\n\n¹ A/80/1.\n\n² A/80/2.\n\n² A/80/3.\n")])],
        nonTriggering: [.init([("doc.en.txt", "The General Assembly,\n\n1. *Decides* to act¹ and to report²;\n\n¹ A/80/1.\n\n² A/80/2.\n")])])

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
