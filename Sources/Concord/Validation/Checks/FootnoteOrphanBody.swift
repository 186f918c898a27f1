/// A footnote body with no marker in the text.
public struct FootnoteOrphanBody: DocumentCheck {
    public static let id = CheckID.footnoteOrphanBody
    public static let defaultSeverity = Severity.error
    public static let examples = CheckExamples(
        triggering: [.markdown("The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n2. *Decides* to remain seized of the matter.\n\n[^1]: See A/64/PV.1.\n[^2]: See A/64/PV.2.\n")],
        nonTriggering: [.markdown("The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n2. *Decides* to remain seized of the matter.[^2]\n\n[^1]: See A/64/PV.1.\n[^2]: See A/64/PV.2.\n")])

    public init() {}

    public func findings(in resolved: ResolvedDocument, context: CheckContext) -> [Finding] {
        resolved.document.footnotes.compactMap { footnote in
            guard let body = footnote.body, footnote.markers.isEmpty else { return nil }
            return context.finding(Self.id, in: resolved.document, at: body.labelRange.lowerBound,
                                   "footnote \(footnote.label) has no marker in the text", subject: "footnote \(footnote.label)")
        }
    }
}
