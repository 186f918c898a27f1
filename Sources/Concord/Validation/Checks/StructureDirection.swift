/// A reference into the document itself that says its target stands before it (`above`,
/// `ci-dessus`, `выше`, `أعلاه`, `上文`) when the target comes after it, or after it
/// (`below`) when it comes before.
public struct StructureDirection: DocumentCheck {
    public static let id = CheckID.structureDirection
    public static let defaultSeverity = Severity.warning
    public static let examples = CheckExamples(
        triggering: [.markdown("The General Assembly,\n\n1. *Decides* to consider the report referred to in paragraph 2 above;\n\n2. *Requests* a report.\n")],
        nonTriggering: [.markdown("The General Assembly,\n\n1. *Decides* to consider the report referred to in paragraph 2 below;\n\n2. *Requests* a report.\n")])

    public init() {}

    public func findings(in resolved: ResolvedDocument, context: CheckContext) -> [Finding] {
        let document = resolved.document
        let anchors = resolved.anchors
        return resolved.citations.compactMap { citation in
            guard citation.footnote == nil, case .anchors(let found, _) = citation.target,
                  let id = citation.paragraph, let here = anchors.order[id] else { return nil }
            let back = citation.notes.contains(.pointsBack), forward = citation.notes.contains(.pointsForward)
            guard back || forward else { return nil }
            for anchor in found {
                guard let there = anchors.place[anchor], there != here else { continue }
                if back, there > here {
                    return context.finding(Self.id, in: document, at: citation.sourceRange.lowerBound,
                                           "“\(citation.text)” says the paragraph it refers to stands above, but \(StructureMissingTarget.readable(anchor)) comes after it",
                                           subject: "\(citation.text) in \(id)")
                }
                if forward, there < here {
                    return context.finding(Self.id, in: document, at: citation.sourceRange.lowerBound,
                                           "“\(citation.text)” says the paragraph it refers to stands below, but \(StructureMissingTarget.readable(anchor)) comes before it",
                                           subject: "\(citation.text) in \(id)")
                }
            }
            return nil
        }
    }
}
