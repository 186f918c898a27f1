/// A footnote marker without a footnote body.
public struct FootnoteOrphanMarker: DocumentCheck {
    public static let id = CheckID.footnoteOrphanMarker
    public static let defaultSeverity = Severity.error
    public static let examples = CheckExamples(
        triggering: [.markdown("The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n2. *Decides* to remain seized of the matter.[^2]\n\n[^1]: See A/64/PV.1.\n")],
        nonTriggering: [.markdown("The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n2. *Decides* to remain seized of the matter.[^2]\n\n[^1]: See A/64/PV.1.\n[^2]: See A/64/PV.2.\n")])

    public init() {}

    public func findings(in resolved: ResolvedDocument, context: CheckContext) -> [Finding] {
        resolved.document.footnotes.filter { $0.body == nil }.flatMap { footnote in
            footnote.markers.map { marker in
                context.finding(Self.id, in: resolved.document, at: marker.sourceRange.lowerBound,
                                "the marker of footnote \(footnote.label) has no footnote body", subject: "marker \(footnote.label)")
            }
        }
    }
}
