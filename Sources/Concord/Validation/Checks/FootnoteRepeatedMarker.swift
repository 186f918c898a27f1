/// A marker used again to point back at an earlier footnote (the older practice).
public struct FootnoteRepeatedMarker: DocumentCheck {
    public static let id = CheckID.footnoteRepeatedMarker
    public static let defaultSeverity = Severity.note
    public static let examples = CheckExamples(
        triggering: [.markdown("The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n2. *Also recalls* its resolution 64/293;[^1]\n\n[^1]: See A/64/PV.1.\n")],
        nonTriggering: [.markdown("The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n2. *Also recalls* its resolution 64/293;[^2]\n\n[^1]: See A/64/PV.1.\n[^2]: See A/64/PV.1.\n")])

    public init() {}

    /// Whether the document repeats markers at all (`footnote.mixed-practice` asks too).
    static func repeatsMarkers(_ document: Document) -> Bool {
        document.footnotes.contains { $0.body != nil && $0.markers.count > 1 }
    }

    public func findings(in resolved: ResolvedDocument, context: CheckContext) -> [Finding] {
        let repeated = resolved.document.footnotes.filter { $0.body != nil && $0.markers.count > 1 }
        let names = repeated.isEmpty ? [:] : resolved.document.placeNames()
        return repeated.flatMap { footnote in
            footnote.markers.dropFirst().map { marker in
                context.finding(Self.id, in: resolved.document, at: marker.sourceRange.lowerBound,
                                "the marker of footnote \(footnote.label) is used again (in \(names[marker.paragraphID] ?? "the text")) to point back at it",
                                subject: "marker \(footnote.label) in \(marker.paragraphID)")
            }
        }
    }
}
