import Foundation

/// The built-in rules' analyses made ahead: each language's pre-scan table and expanded
/// patterns, as the rule cache stores them, written by `concord derive-rules`
/// (`scripts/derive-rules`) into `Sources/Concord/Derived/rules.derived` and embedded by the
/// next build (`EmbeddedDerivedRules`) into the entry it makes of the built-in rules
/// (`RuleCache.builtIn`). A run without a cache folder, or with an empty one (a CI machine's
/// every run, anyone's first), then compiles a language as a run with a warm cache does:
/// working out those analyses was two thirds of its instructions.
///
/// The file names the fingerprint of what it was derived from: the rule files, the code that
/// derives them and the ICU version (`Plugins/EmbedRules`). A build whose rules or deriving
/// code differ embeds nothing from it (`EmbeddedDerivedRules.state` "stale"): runs then work
/// the analyses out themselves, as before, and the tests fail until the file is made again.
public enum DerivedRules {
    /// The file's text: `concord-derived-rules FINGERPRINT`, then per language in the rules'
    /// order a line `CODE PRESCAN_BYTES EXPANSIONS_BYTES`, those bytes and a line feed. The
    /// analyses are worked out from the rule files themselves (never from an entry made
    /// before), with this build's code; the fingerprint is this build's.
    public static func text() throws(RuleError) -> String {
        var out = "concord-derived-rules \(EmbeddedDerivedRules.fingerprint)\n"
        for (code, prescan, expansions) in try analyses() {
            out += "\(code) \(prescan.utf8.count) \(expansions.utf8.count)\n" + prescan + expansions + "\n"
        }
        return out
    }

    /// Each built-in language's pre-scan table and expanded patterns, worked out from the
    /// files (`Prescan.encode`, `LanguageRules.encodedExpansions`), in the rules' order.
    static func analyses() throws(RuleError) -> [(code: String, prescan: String, expansions: String)] {
        let rules = try RuleSet(source: .builtIn, builtInEntry: false)
        return rules.languages.keys.compactMap { language in
            rules.languages[language].map { (language.rawValue, $0.prescan.encodedTable, $0.encodedExpansions) }
        }
    }
}
