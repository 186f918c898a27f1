import Foundation
import Testing
@testable import Concord

/// Which letter boundaries ICU's form of a pattern leaves out (`NeedlessBoundaries`): those
/// that the pattern's own neighbouring elements decide, and no other. That the rules' patterns
/// match the same without them, on real text, is `BoundaryFormTests`' to show.
@Suite struct NeedlessBoundariesTests {
    /// The rules' boundary forms, as `SetForms` writes them into ICU's form.
    static let ahead = #"(?-i:(?![\p{L}\p{N}]))"#, behind = #"(?-i:(?<![\p{L}\p{N}]))"#
    static let arabicAhead = #"(?!(?-i:[\p{L}\p{M}]))"#, arabicBehind = #"(?<!(?-i:[\p{L}\p{M}]))"#

    @Test func boundariesBesideWhiteSpaceOrPunctuationAreLeftOut() {
        let (a, b, aa, ab) = (Self.ahead, Self.behind, Self.arabicAhead, Self.arabicBehind)
        let k = #"(?:[\x{0640}\x{064B}-\x{0652}\x{0670}]*)"#
        let cases: [(String, String)] = [
            // A word group before and after white space.
            ("(?:resolutions?|decisions?)\(a)\\s+\\d+", #"(?:resolutions?|decisions?)\s+\d+"#),
            ("\\s+\(b)(?:article|art\\.)", #"\s+(?:article|art\.)"#),
            // Arabic's {end} before a comma or white space, and {pre} after `\s+`, through the
            // groups that open and close around them.
            ("(?:(?:ق\(k)ر\(k)ا\(k)ر(?:\(k)\(aa))))\\s*[,،]\\s*\\d", "(?:(?:ق\(k)ر\(k)ا\(k)ر(?:\(k))))\\s*[,،]\\s*\\d"),
            ("\\s+(?:(?:\(ab)(?:[وف]\(k))?م)|x)", "\\s+(?:(?:(?:[وف]\(k))?م)|x)"),
            // A digit next is outside a class without numbers, not inside one with them.
            ("م\(aa)\\d+", "م\\d+"),
            ("art\(a)\\d+", "art\(a)\\d+"),
            // Every alternative, and an optional group, before white space.
            ("(?:a\(aa)|b\(aa)|c)\\s+", "(?:a|b|c)\\s+"),
            ("(?:a\(aa))?\\s+", "(?:a)?\\s+"),
            ("(?:a\(aa))?\\s*\\(", "(?:a)?\\s*\\("),
            // A group that repeats, when both its next round and what follows it start so.
            ("(?:\\s+a\(aa))+\\s", "(?:\\s+a)+\\s"),
            ("(?:a\(aa)\\s)+b", "(?:a\\s)+b"),
            // A look-behind after every alternative ends in white space.
            (#"(?:x\s|y\s+)(?<![\p{L}])z"#, #"(?:x\s|y\s+)z"#),
            // Punctuation written as an escape, a code point or in a class; a look-around
            // between does not count.
            ("a\(a)(?=\\S)\\.", "a(?=\\S)\\."),
            (#"a(?![\p{L}\p{M}\x{0640}])\x{060C}"#, #"a\x{060C}"#),
            ("a\(a)[/\\-–]", "a[/\\-–]"),
        ]
        for (pattern, expected) in cases {
            #expect(NeedlessBoundaries.removed(from: pattern) == expected, "\(pattern)")
        }
    }

    @Test func boundariesThatMayMeetALetterStay() {
        let (a, b, aa) = (Self.ahead, Self.behind, Self.arabicAhead)
        let patterns = [
            // What follows is unknown: the end of the pattern, a letter, any character, a word
            // character, a property, a range, a back-reference.
            "resolution\(a)", "resolution\(a)\\s?x", "resolution\(a)\\s*.", "a\(a)\\s*\\w", #"a\#(a)\s*\p{P}"#,
            "a\(a)[!-/]", "(?<n>a)\(aa)\\k<n>", "a\(aa)\\s*(?:b|\\s)",
            // White space that may be missing before, or the pattern's start.
            "a\\s*\(b)b", "\(b)b", "(?:\\s|a)\(b)b",
            // A group whose next round starts with a letter.
            "(?:a\(aa))+\\s",
            // An atomic group or a possessive quantifier: the later failure could not backtrack.
            "(?>a\(aa)|ab)\\s", "(?:a\(aa))?+\\s",
            // Inside a look-around, what follows is not the pattern's next element.
            "(?=a\(aa))\\s",
            // Not a boundary: positive, negated class, other items, a capturing group, counted.
            #"a(?=[\p{L}])\s"#, #"a(?![^\p{L}])\s"#, #"a(?![\p{L}'])\s"#, #"a(?!([\p{L}]))\s"#, #"a(?![\p{L}]){1,2}\s"#,
            #"a(?![\p{L}\d])\s"#,
        ]
        for pattern in patterns {
            #expect(NeedlessBoundaries.removed(from: pattern) == pattern, "\(pattern)")
            #expect(NeedlessBoundaries.count(in: pattern) == 0, "\(pattern)")
        }
        // A pattern this reader does not know is left whole.
        for pattern in ["\\Qa\\E\(aa)\\s", "(?x)a\(aa) \\s", "a\(aa)\\s{,2}", "a\(aa)\\s)", "(a)\(aa)\\1"] {
            #expect(NeedlessBoundaries.removed(from: pattern) == pattern, "\(pattern)")
        }
    }

    /// The rules' patterns with every boundary (`expanded`, as the pre-scan reads them) hold
    /// many that their neighbours decide, in every language that writes boundaries, most in
    /// Arabic, whose keywords carry one at each end; the form ICU compiles holds none.
    @Test func theRulesLoseBoundariesInEveryLanguageThatWritesThem() throws {
        var needless = [String: Int](), lost = [String: Int]()
        for language in TestRules.shared.languages.keys {
            let rules = try #require(TestRules.shared.languages[language])
            for pattern in rules.patterns {
                needless[language.rawValue, default: 0] += NeedlessBoundaries.count(in: pattern.expanded)
                #expect(NeedlessBoundaries.count(in: pattern.compiled.pattern) == 0, "\(language) \(pattern.id)")
                lost[language.rawValue, default: 0] += Self.boundaries(in: pattern.expanded) - Self.boundaries(in: pattern.compiled.pattern)
            }
        }
        for code in ["en", "fr", "es", "ru"] { #expect(needless[code, default: 0] >= 30, "\(code): \(needless[code, default: 0])") }
        #expect(needless["ar", default: 0] >= 100, "ar: \(needless["ar", default: 0])")
        // Arabic writes no word groups (whose boundaries beside white space were already left
        // out): all it loses is this.
        #expect(lost["ar"] == needless["ar"], "ar: \(lost["ar", default: 0]) lost")
    }

    /// The negative look-arounds of one class of letters a pattern writes.
    static func boundaries(in pattern: String) -> Int {
        ["(?![\\p{L}", "(?<![\\p{L}", "(?!(?-i:[\\p{L}", "(?<!(?-i:[\\p{L}"]
            .map { pattern.components(separatedBy: $0).count - 1 }.reduce(0, +)
    }
}
