/// More findings in one file than the limit: the rest are counted in one finding. Not a
/// check of the documents but of the run: the filter stage makes it (`FindingFilter`).
public struct FindingsCut: Check {
    public static let id = CheckID.reportFindingsCut
    public static let defaultSeverity = Severity.warning
    public static let examples = CheckExamples(
        triggering: [.init([("doc.en.md", "The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n2. *Decides* to remain seized of the matter.[^2]\n")], findingsPerFile: 1)],
        nonTriggering: [.init([("doc.en.md", "The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n2. *Decides* to remain seized of the matter.[^2]\n")], findingsPerFile: 2)])
}
