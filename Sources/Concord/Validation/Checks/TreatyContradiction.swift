/// A Treaty Series volume that is not a volume of the registration number given (Rules/treaties.yml).
public struct TreatyContradiction: CitationNoteCheck {
    public static let id = CheckID.treatyContradiction
    public static let defaultSeverity = Severity.error
    static let note = CitationNote.treatyContradiction
    public static let examples = CheckExamples(
        triggering: [.markdown("The General Assembly,\n\n1. *Recalls* the Convention;[^1]\n\n[^1]: United Nations, *Treaty Series*, vol. 2226, No. 39574.\n")],
        nonTriggering: [.markdown("The General Assembly,\n\n1. *Recalls* the Convention;[^1]\n\n[^1]: United Nations, *Treaty Series*, vol. 2225, No. 39574.\n")])

    public init() {}

    func message(_ citation: Citation, place: String, context: CheckContext) -> String {
        let known = citation.number.flatMap { number in context.treaties.entries[number].map { $0.volumes.map(String.init).joined(separator: ", ") } }
        return "Treaty Series vol. \(citation.volume.map(String.init) ?? "?") is not a volume of No. \(citation.number.map(String.init) ?? "?")\(known.map { " (its volumes: \($0))" } ?? "")"
    }
}
