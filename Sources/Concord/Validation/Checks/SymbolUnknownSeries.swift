/// A document symbol whose series Rules/symbols.yml does not list.
public struct SymbolUnknownSeries: CitationNoteCheck {
    public static let id = CheckID.symbolUnknownSeries
    public static let defaultSeverity = Severity.warning
    static let note = CitationNote.unknownSeries
    public static let examples = CheckExamples(
        triggering: [.markdown("The General Assembly,\n\n1. *Takes note* of the report of the Secretary-General;[^1]\n\n[^1]: QQZ/64/293.\n")],
        nonTriggering: [.markdown("The General Assembly,\n\n1. *Takes note* of the report of the Secretary-General;[^1]\n\n[^1]: A/64/293.\n")])

    public init() {}

    func message(_ citation: Citation, place: String, context: CheckContext) -> String {
        "the symbol \(citation.key) in \(place) starts with a series that Rules/symbols.yml does not list"
    }
}
