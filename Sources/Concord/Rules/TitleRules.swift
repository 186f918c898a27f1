import Foundation
import ConcordRuleFiles

/// A language's `titles` section, compiled: how a document cited by its number or symbol is
/// given its title (`resolution 64/293, entitled “…”`, `résolution 64/293, intitulée « … »`,
/// `题为“…”的第64/293号决议`), for `plausibility.conflicting-title`.
struct TitleRules: Sendable {
    /// Matches the words that introduce a title and the title in its quotes; group `title` is
    /// the title.
    let regex: ICURegex
    /// What the pattern needs and where its matches start (`Prescan`): a unit without
    /// `entitled` is not searched, and one with it only from there (the pattern opens with a
    /// look-behind, so ICU tried it at every place of every unit with a reference). Made on
    /// first use: the rules load every language's titles, a run reads a few languages.
    private let prescan: LazyPrescan
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
        prescan = LazyPrescan(patterns: [file.pattern])
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

    /// The pattern's matches in a unit's normalized text: those of `regex.matches(in:)`, found
    /// where the pre-scan says one can start.
    func matches(in units: [UInt16]) -> [ICURegex.Match] {
        regex.matches(in: units, allowedBy: prescan.prescan.comparablePlan(units)?.first)
    }
}

/// A pre-scan made on first use, once, whichever thread asks first.
final class LazyPrescan: @unchecked Sendable {
    private let patterns: [String]
    private let lock = NSLock()
    private var made: Prescan?  // guarded by lock

    init(patterns: [String]) { self.patterns = patterns }

    var prescan: Prescan {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let prescan = Prescan(patterns: patterns)
        made = prescan
        return prescan
    }
}
