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
            let close = CheckID.allCases.map(\.rawValue).min { distance($0, unknown.id) < distance($1, unknown.id) }
            let hint = close.flatMap { distance($0, unknown.id) <= 3 ? " (did you mean '\($0)'?)" : nil } ?? ""
            return context.finding(id, in: document, at: unknown.offset,
                                   "the suppression names '\(unknown.id)', which is not a check\(hint), so it silences nothing; `concord rules` lists the checks",
                                   subject: "suppression \(unknown.id)")
        }
    }

    /// Edit distance (Levenshtein), for did-you-mean.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in 1...b.count {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = old
            }
        }
        return row[b.count]
    }
}
