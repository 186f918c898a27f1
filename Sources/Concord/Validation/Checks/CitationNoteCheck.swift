/// A check that reports the citations the extract or resolve stage marked with one note,
/// once per place (a reference to several Treaty Series volumes is several citations).
protocol CitationNoteCheck: DocumentCheck {
    static var note: CitationNote { get }
    /// `place`: where the citation stands, `footnote 5` or the paragraph's name (`operative paragraph 3`).
    func message(_ citation: Citation, place: String, context: CheckContext) -> String
}

extension CitationNoteCheck {
    public func findings(in resolved: ResolvedDocument, context: CheckContext) -> [Finding] {
        var reported = Set<Int>()
        var findings = [Finding]()
        var names: [String: String]?
        for citation in resolved.citations where citation.notes.contains(Self.note) {
            guard reported.insert(citation.sourceRange.lowerBound).inserted else { continue }
            // The subject keeps the paragraph's id (fingerprints must not change with wording).
            let id = citation.footnote.map { "footnote \($0)" } ?? citation.paragraph ?? ""
            if names == nil, citation.footnote == nil { names = resolved.document.placeNames() }
            let place = citation.footnote.map { "footnote \($0)" } ?? citation.paragraph.flatMap { names?[$0] } ?? "the text"
            findings.append(context.finding(Self.id, in: resolved.document, at: citation.sourceRange.lowerBound,
                                            message(citation, place: place, context: context), subject: "\(citation.text) in \(id)"))
        }
        return findings
    }
}
