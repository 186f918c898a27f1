/// Both practices in one document: markers repeated, and footnote texts repeated under new
/// numbers.
public struct FootnoteMixedPractice: DocumentCheck {
    public static let id = CheckID.footnoteMixedPractice
    public static let defaultSeverity = Severity.error
    public static let examples = CheckExamples(
        triggering: [.markdown("The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n2. *Also recalls* its resolution 64/293;[^1]\n\n3. *Further recalls* its resolution 64/293.[^2]\n\n[^1]: See A/64/PV.1.\n[^2]: See A/64/PV.1.\n")],
        nonTriggering: [.markdown("The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n2. *Also recalls* its resolution 64/293;[^2]\n\n[^1]: See A/64/PV.1.\n[^2]: See A/64/PV.1.\n")])

    public init() {}

    public func findings(in resolved: ResolvedDocument, context: CheckContext) -> [Finding] {
        guard FootnoteRepeatedMarker.repeatsMarkers(resolved.document) else { return [] }
        // The current practice repeats the footnote's text under a new number instead.
        var findings = [Finding]()
        var texts = [String: String]()
        for (footnote, text) in zip(resolved.document.footnotes, resolved.normalized.footnoteBodies) {
            guard let body = footnote.body, let text = text?.string else { continue }
            if let first = texts[text] {
                findings.append(context.finding(Self.id, in: resolved.document, at: body.labelRange.lowerBound,
                                                "footnote \(footnote.label) repeats footnote \(first) under a new number, while the document also repeats markers",
                                                subject: "footnote \(footnote.label)"))
            } else {
                texts[text] = footnote.label
            }
        }
        return findings
    }
}
