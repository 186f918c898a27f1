/// The same resolution cited with two different dates of adoption in one document
/// (`resolution 64/293 of 30 July 2010` in one paragraph, `of 30 July 2011` in another).
public struct ConflictingDate: DocumentCheck {
    public static let id = CheckID.plausibilityConflictingDate
    public static let defaultSeverity = Severity.warning
    public static let examples = CheckExamples(
        triggering: [
            .markdown("The General Assembly,\n\n*Recalling* its resolution 64/293 of 30 July 2010,\n\n1. *Reaffirms* its resolution 64/293 of 30 June 2010;\n"),
        ],
        nonTriggering: [
            .markdown("The General Assembly,\n\n*Recalling* its resolution 64/293 of 30 July 2010,\n\n1. *Reaffirms* its resolution 64/293 of 30 July 2010 and its resolution 65/1 of 22 September 2010;\n"),
        ])

    public init() {}

    public func findings(in resolved: ResolvedDocument, context: CheckContext) -> [Finding] {
        var first = [String: DatedResolution]()
        var reported = Set<String>()
        var findings = [Finding]()
        for dated in resolved.datedResolutions(context) {
            let citation = resolved.citations[dated.citation], date = resolved.citations[dated.date]
            guard let earlier = first[citation.key] else { first[citation.key] = dated; continue }
            let earlierDate = resolved.citations[earlier.date]
            guard earlierDate.key != date.key, reported.insert("\(citation.key) \(date.key)").inserted else { continue }
            let number = ResolvedDocument.readableNumber(citation.key)
            let earlierPlace = resolved.place(of: resolved.citations[earlier.citation])
            findings.append(context.finding(Self.id, in: resolved.document, at: dated.span.lowerBound,
                                            "resolution \(number) is dated \(date.text) in \(resolved.place(of: citation)) but \(earlierDate.text) in \(earlierPlace): a resolution has one date of adoption; correct the one that is wrong",
                                            related: [resolved.document.location(of: earlier.span.lowerBound)],
                                            subject: "\(citation.key) dates"))
        }
        return findings
    }
}
