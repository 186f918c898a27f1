/// A resolution cited with a date of adoption after the citing document's own date
/// (`Document.identity.adopted`, from its closing line or masthead): a document cannot cite
/// what was adopted after it, unless the reference is marked forthcoming.
public struct CitedAfterAdoption: DocumentCheck {
    public static let id = CheckID.plausibilityCitedAfterAdoption
    public static let defaultSeverity = Severity.warning
    public static let examples = CheckExamples(
        triggering: [
            .markdown("70/20. Title\n\nThe General Assembly,\n\n1. *Recalls* its resolution 70/1 of 25 September 2015 and its resolution 70/299 of 29 July 2016;\n\n50th plenary meeting\n15 December 2015\n"),
        ],
        nonTriggering: [
            .markdown("70/20. Title\n\nThe General Assembly,\n\n1. *Recalls* its resolution 70/1 of 25 September 2015;\n\n50th plenary meeting\n15 December 2015\n"),
            .markdown("The General Assembly,\n\n1. *Recalls* its resolution 70/299 of 29 July 2016;\n"),
        ])

    public init() {}

    public func findings(in resolved: ResolvedDocument, context: CheckContext) -> [Finding] {
        guard let own = DateKey.full(resolved.document.identity.adopted) else { return [] }
        var reported = Set<String>()
        return resolved.datedResolutions(context).compactMap { dated in
            let citation = resolved.citations[dated.citation], dateCitation = resolved.citations[dated.date]
            guard !citation.forthcoming, let date = DateKey.full(dateCitation.key), date > own,
                  citation.key != resolved.document.identity.symbol,
                  reported.insert("\(citation.key) \(date)").inserted else { return nil }
            let number = ResolvedDocument.readableNumber(citation.key)
            return context.finding(Self.id, in: resolved.document, at: dated.span.lowerBound,
                                   "resolution \(number) in \(resolved.place(of: citation)) is dated \(dateCitation.text), after this document's own date of adoption (\(own)): a document can only cite what was adopted before it (or mark it as forthcoming); the date or the number is wrong",
                                   related: [resolved.document.location(of: dateCitation.sourceRange.lowerBound)],
                                   subject: "\(citation.key) of \(dateCitation.key) after \(own)")
        }
    }
}
