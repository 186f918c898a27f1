import Foundation
import ConcordRuleFiles

/// A language's `titles` section, compiled: how a document cited by its number or symbol is
/// given its title (`resolution 64/293, entitled “…”`, `résolution 64/293, intitulée « … »`,
/// `题为“…”的第64/293号决议`), for `plausibility.conflicting-title`.
struct TitleRules: Sendable {
    /// Matches the words that introduce a title and the title in its quotes; group `title` is
    /// the title.
    var regex: ICURegex { compiled.regex }
    /// Compiled when the pre-scan first lets the pattern run, for rules read from the cache
    /// (which compiled it before): the rules load every language read in a run, for runs of
    /// its script in another language's documents too, and most never search for a title.
    private let compiled: PatternRegex
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

    init(_ file: RuleFiles.LanguageFile.Titles, path: String, lazily: Bool = false) throws(RuleError) {
        if lazily {
            compiled = PatternRegex(pattern: file.pattern, id: "titles", path: path)
        } else {
            let regex: ICURegex
            do { regex = try ICURegex(file.pattern, caseInsensitive: true) } catch {
                throw RuleError(file: path, message: "titles: \(error)")
            }
            guard regex.groupNames["title"] != nil else {
                throw RuleError(file: path, message: "titles: the pattern has no group named title")
            }
            compiled = PatternRegex(regex)
        }
        prescan = LazyPrescan(patterns: [file.pattern])
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
        let step = prescan.prescan.comparablePlan(units)?.first
        if let step, !step.possible { return [] }  // (not compiled for a unit it cannot match)
        return regex.matches(in: units, allowedBy: step)
    }

    /// Whether the regex has been compiled (for the tests).
    var isCompiled: Bool { compiled.isCompiled }
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
