/// Two operative (or annex) paragraphs with the same number.
public struct ParagraphDuplicateNumber: DocumentCheck {
    public static let id = CheckID.paragraphDuplicateNumber
    public static let defaultSeverity = Severity.error
    public static let examples = CheckExamples(
        triggering: [.markdown("The General Assembly,\n\n1. *Recalls* its resolution 64/293;\n\n2. *Requests* a report;\n\n2. *Decides* to remain seized of the matter.\n")],
        nonTriggering: [.markdown("The General Assembly,\n\n1. *Recalls* its resolution 64/293;\n\n2. *Requests* a report;\n\n3. *Decides* to remain seized of the matter.\n")])

    public init() {}

    public func findings(in resolved: ResolvedDocument, context: CheckContext) -> [Finding] {
        ParagraphNumbering.findings(Self.id, in: resolved.document, context: context)
    }
}
