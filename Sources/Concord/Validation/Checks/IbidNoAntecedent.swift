/// Ibid. with nothing before it to repeat.
public struct IbidNoAntecedent: CitationNoteCheck {
    public static let id = CheckID.ibidNoAntecedent
    public static let defaultSeverity = Severity.error
    static let note = CitationNote.ibidNoAntecedent
    public static let examples = CheckExamples(
        triggering: [.markdown("The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n[^1]: Ibid., para. 3.\n")],
        nonTriggering: [.markdown("The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n2. *Decides* to remain seized of the matter.[^2]\n\n[^1]: See A/64/PV.1.\n[^2]: Ibid.\n")])

    public init() {}

    func message(_ citation: Citation, place: String, context: CheckContext) -> String {
        "“\(citation.text)” in \(place) has no earlier reference to repeat"
    }
}
