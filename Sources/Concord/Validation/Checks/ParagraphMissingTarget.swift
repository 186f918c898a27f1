/// A reference to a paragraph of the document itself (`paragraph 25 above`) that the
/// document does not have: the resolve stage found no unit for it.
public struct ParagraphMissingTarget: DocumentCheck {
    public static let id = CheckID.paragraphMissingTarget
    public static let defaultSeverity = Severity.error
    public static let examples = CheckExamples(
        triggering: [.markdown("The General Assembly,\n\n1. *Requests* a report;\n\n2. *Decides* to consider the report referred to in paragraph 5 above.\n")],
        nonTriggering: [.markdown("The General Assembly,\n\n1. *Requests* a report;\n\n2. *Decides* to consider the report referred to in paragraph 1 above.\n")])

    public init() {}

    public func findings(in resolved: ResolvedDocument, context: CheckContext) -> [Finding] {
        let document = resolved.document
        let last = document.paragraphs.filter { $0.kind == .operative }.compactMap(\.number).max()
        let has = last.map { "operative paragraphs 1 to \($0)" } ?? "no numbered paragraphs"
        return resolved.citations.compactMap { citation in
            guard citation.footnote == nil, case .units(_, let missing) = citation.target, let number = missing.first else { return nil }
            return context.finding(Self.id, in: document, at: citation.sourceRange.lowerBound,
                                   "“\(citation.text)” refers to paragraph \(number), but the document has \(has)",
                                   subject: "\(citation.text) in \(citation.paragraph ?? "")")
        }
    }
}
