import ConcordRuleFiles

/// A language's `titles` section, compiled: how a document cited by its number or symbol is
/// given its title (`resolution 64/293, entitled “…”`, `résolution 64/293, intitulée « … »`,
/// `题为“…”的第64/293号决议`), for `plausibility.conflicting-title`.
struct TitleRules: Sendable {
    /// Matches the words that introduce a title and the title in its quotes; group `title` is
    /// the title.
    let regex: ICURegex
    /// Whether the reference stands before the title (`resolution 64/293, entitled “…”`) or,
    /// as in Chinese, after it (`题为“…”的第64/293号决议`).
    let referenceBefore: Bool
    /// How many characters may stand between the reference and the title, dates not counted.
    let distance: Int
    /// Texts with the key and the title they must give, and texts that must give no title.
    let examples: [(text: String, key: String, title: String)]
    let counterExamples: [String]

    init(_ file: RuleFiles.LanguageFile.Titles, path: String) throws(RuleError) {
        do { regex = try ICURegex(file.pattern, caseInsensitive: true) } catch {
            throw RuleError(file: path, message: "titles: \(error)")
        }
        guard regex.groupNames["title"] != nil else {
            throw RuleError(file: path, message: "titles: the pattern has no group named title")
        }
        switch file.reference ?? "before" {
        case "before": referenceBefore = true
        case "after": referenceBefore = false
        case let other: throw RuleError(file: path, message: "titles: reference is 'before' or 'after', not '\(other)'")
        }
        distance = file.distance ?? 30
        examples = (file.examples ?? []).map { ($0.text, $0.key, $0.title) }
        counterExamples = file.counterExamples ?? []
    }
}
