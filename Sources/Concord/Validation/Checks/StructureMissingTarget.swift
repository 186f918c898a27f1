/// A reference into the document itself (`paragraph 25 above`, `article 14`, `Chapter V`,
/// `the preceding paragraph`) whose target the document does not have: the resolve stage
/// found no unit with that anchor. It was `paragraph.missing-target` (resolutions only);
/// that id is still accepted in `.concord.yml` and in suppressions.
public struct StructureMissingTarget: DocumentCheck {
    public static let id = CheckID.structureMissingTarget
    public static let defaultSeverity = Severity.error
    public static let examples = CheckExamples(
        triggering: [.markdown("The General Assembly,\n\n1. *Requests* a report;\n\n2. *Decides* to consider the report referred to in paragraph 5 above.\n")],
        nonTriggering: [.markdown("The General Assembly,\n\n1. *Requests* a report;\n\n2. *Decides* to consider the report referred to in paragraph 1 above.\n")])

    public init() {}

    public func findings(in resolved: ResolvedDocument, context: CheckContext) -> [Finding] {
        let document = resolved.document
        let last = document.paragraphs.filter { $0.kind == .operative }.compactMap(\.number).max()
        // A report's paragraphs (`numbered`, anchored `paragraph:N` outside any annex).
        let lastNumbered = document.paragraphs.filter { $0.kind == .numbered && $0.anchor?.hasPrefix("paragraph:") == true }
            .compactMap(\.number).max()
        let has = last.map { "operative paragraphs 1 to \($0)" } ?? lastNumbered.map { "paragraphs 1 to \($0)" } ?? "no numbered paragraphs"
        return resolved.citations.compactMap { citation in
            guard citation.footnote == nil, case .anchors(_, let missing) = citation.target, let anchor = missing.first else { return nil }
            let message: String
            if anchor == "paragraph:preceding" {
                message = "“\(citation.text)” refers to the paragraph before this one, but this paragraph is the first of its kind"
            } else if anchor.hasPrefix("paragraph:") {
                message = "“\(citation.text)” refers to paragraph \(anchor.dropFirst("paragraph:".count)), but the document has \(has)"
            } else {
                message = "“\(citation.text)” refers to \(Self.readable(anchor)), which the document does not have"
            }
            return context.finding(Self.id, in: document, at: citation.sourceRange.lowerBound, message,
                                   subject: "\(citation.text) in \(citation.paragraph ?? "")")
        }
    }

    /// `article:12(3)(b)` → `article 12(3)(b)`; `section:3.B` → `section 3.B`.
    static func readable(_ anchor: String) -> String {
        anchor.split(separator: "/").map { $0.replacingOccurrences(of: ":", with: " ") }.joined(separator: " of ")
    }
}
