import Foundation

/// An inline suppression names a check that does not exist (a misspelled id): it would
/// silence nothing without a word, so it is an error, as an unknown check in the
/// configuration is. Not a check of the text but of the run: the pipeline makes it from
/// the suppressions it reads (`Suppressions.unknown`).
public struct SuppressionUnknownCheck: Check {
    public static let id = CheckID.suppressionUnknownCheck
    public static let defaultSeverity = Severity.error
    public static let examples = CheckExamples(
        triggering: [
            .markdown("The General Assembly,\n\n<!-- concord-disable symbol.unknown-serie -->\n\n1. *Recalls* its resolution 64/293;\n"),
            .init([("doc.en.txt", "The General Assembly,\n\n% concord-disable-next-line footnote.orphan-markr\n1. *Recalls* its resolution 64/293;\n")]),
        ],
        nonTriggering: [
            .markdown("The General Assembly,\n\n<!-- concord-disable symbol.unknown-series -->\n\n1. *Recalls* its resolution 64/293;\n"),
            .init([("doc.en.txt", "The General Assembly,\n\n% concord-disable-next-line footnote.orphan-marker\n1. *Recalls* its resolution 64/293;\n")]),
        ])

    /// The findings for a document's unknown ids.
    static func findings(_ suppressions: Suppressions, in document: Document, context: CheckContext) -> [Finding] {
        suppressions.unknown.map { unknown in
            let close = DidYouMean.closest(to: unknown.id, among: CheckID.allCases.map(\.rawValue), within: 3)
            let hint = close.map { " (did you mean '\($0)'?)" } ?? ""
            return context.finding(id, in: document, at: unknown.offset,
                                   "the suppression names '\(unknown.id)', which is not a check\(hint), so it silences nothing; `concord rules` lists the checks",
                                   subject: "suppression \(unknown.id)")
        }
    }
}
