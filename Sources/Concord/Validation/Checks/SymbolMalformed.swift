/// A document symbol cut short (`A/RES/64/`).
public struct SymbolMalformed: CitationNoteCheck {
    public static let id = CheckID.symbolMalformed
    public static let defaultSeverity = Severity.error
    static let note = CitationNote.malformed
    public static let examples = CheckExamples(
        triggering: [.markdown("The General Assembly,\n\n1. *Takes note* of the report of the Secretary-General;[^1]\n\n[^1]: A/RES/64/.\n")],
        nonTriggering: [.markdown("The General Assembly,\n\n1. *Takes note* of the report of the Secretary-General;[^1]\n\n[^1]: A/64/293.\n")])

    public init() {}

    func message(_ citation: Citation, place: String, context: CheckContext) -> String {
        "the symbol “\(citation.text)” in \(place) is cut short"
    }
}
