/// Ibid. after a footnote that cites several sources.
public struct IbidAmbiguous: CitationNoteCheck {
    public static let id = CheckID.ibidAmbiguous
    public static let defaultSeverity = Severity.warning
    static let note = CitationNote.ibidAmbiguous
    public static let examples = CheckExamples(
        triggering: [.markdown("The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n2. *Decides* to remain seized of the matter.[^2]\n\n[^1]: See A/64/PV.1 and A/64/PV.2.\n[^2]: Ibid.\n")],
        nonTriggering: [.markdown("The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n2. *Decides* to remain seized of the matter.[^2]\n\n[^1]: See A/64/PV.1.\n[^2]: Ibid.\n")])

    public init() {}

    func message(_ citation: Citation, place: String, context: CheckContext) -> String {
        "“\(citation.text)” in \(place) follows a footnote that cites several sources"
    }
}
