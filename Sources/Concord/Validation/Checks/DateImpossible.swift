/// A date that cannot exist (31 June).
public struct DateImpossible: CitationNoteCheck {
    public static let id = CheckID.dateImpossible
    public static let defaultSeverity = Severity.error
    static let note = CitationNote.impossibleDate
    public static let examples = CheckExamples(
        triggering: [.markdown("The General Assembly,\n\n1. *Recalls* its resolution 64/293 of 31 June 2010;\n")],
        nonTriggering: [.markdown("The General Assembly,\n\n1. *Recalls* its resolution 64/293 of 30 July 2010;\n")])

    public init() {}

    func message(_ citation: Citation, place: String, context: CheckContext) -> String {
        "“\(citation.text)” in \(place) is a date that does not exist"
    }
}
