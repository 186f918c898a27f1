import Foundation
import Testing
@testable import Concord

/// The literal pre-scan skips a pattern only where it cannot match: what it reads from a
/// pattern, that every rule example still reaches its pattern, and that the fast path and
/// the plain path (every pattern over every unit) give the same citations on the corpus.
@Suite struct PrescanTests {
    /// The needs of a pattern, written `lit|lit` per clause (`<` `>`: word boundary needed,
    /// `#`: a digit), sorted.
    static func needs(_ pattern: String) -> [String] {
        Prescan.requirement(of: pattern).map { clause in
            (clause.digit ? ["#"] : [])
                + clause.literals.sorted(by: Prescan.Literal.precedes).map {
                    ($0.wordStart ? "<" : "") + String(decoding: $0.units, as: UTF16.self) + ($0.wordEnd ? ">" : "")
                }
        }.map { $0.joined(separator: "|") }.sorted()
    }

    @Test func literalRunsAndDigitsOutsideOptionalParts() {
        #expect(Self.needs(#"\bibid\.?(?:,\s+vol\.\s+(?<vols>\d+))?"#) == ["ibid"])
        #expect(Self.needs(#"United\s+Nations,\s+Treaty\s+Series,\s+vol\.\s+\d+"#) == ["#", "nations,", "series,", "treaty", "united", "vol."])
        // Case-folded, and a quantified letter is not part of the run.
        #expect(Self.needs("RésolutionS?") == ["résolution"])
        #expect(Self.needs(#"(?:\d+)?\s*号决议"#) == ["号决议"])
    }

    @Test func alternationsNeedTheUnionOfTheirAlternatives() {
        #expect(Self.needs("(?:resolution|decision)s?") == ["decision|resolution"])
        // An alternative that needs nothing makes the whole group need nothing.
        #expect(Self.needs(#"(?:resolution|\s)\d"#) == ["#"])
        // `\G(?<=\d)…` continues a previous match: the other alternatives are what a chain needs.
        #expect(Self.needs(#"(?:article\s+|\G(?<=\d),\s*)(?<list>\d+)"#) == ["#", "article"])
        // A positive look-behind needs its text too; a negative one needs nothing.
        #expect(Self.needs(#"(?<=sessions\s)(?<!x)\d+"#) == ["#", "sessions"])
    }

    @Test func wordBoundariesAroundPlainForms() {
        let form = #"(?:(?-i:(?<!(?-i:[\p{L}\p{N}])))(?:december|dec)(?-i:(?!(?-i:[\p{L}\p{N}]))))\s+\d{4}"#
        #expect(Self.needs(form) == ["#", "<dec>|<december>"])
        // Forms with a space in them are not plain: no boundary is claimed for their pieces
        // (each alternative gives its longest piece).
        #expect(Self.needs(#"(?:(?<![\p{L}\p{N}])(?:General\s+Assembly|Council)(?![\p{L}\p{N}]))"#) == ["assembly|council"])
    }

    @Test func arabicVowelMarksDoNotBreakAWord() {
        let k = #"[\x{0640}\x{064B}-\x{0652}\x{0670}]*"#
        #expect(Self.needs("ق\(k)ر(?:\(k))ا\(k)ر\\s+\\d") == ["#", "قرار"])
        // A class that is not all marks does break it.
        #expect(Self.needs(#"ق[\x{0640}a]*ر"#) == ["ر", "ق"])
    }

    @Test func whatItCannotReadNeedsNothing() {
        #expect(Self.needs(#"(?x) resolution \d"#) == [])
        #expect(Self.needs(#"\Qresolution\E"#) == [])
        #expect(Self.needs(#"[]resolution]"#) == [])
        #expect(Self.needs("(resolution") == [])
    }

    @Test func theScanFindsLiteralsCaseInsensitivelyAndRespectsBoundaries() {
        let prescan = Prescan(patterns: [
            #"(?:(?<![\p{L}\p{N}])(?:dec)(?![\p{L}\p{N}]))\.?\s+\d+"#,
            #"résolution\s+\d+"#,
            #"Treaty\s+Series"#,
        ])
        func can(_ text: String) -> [Bool] { prescan.candidates(NormalizedText(text).units) }
        #expect(can("It decides, 12 December") == [false, false, false])
        #expect(can("Dec. 12") == [true, false, false])
        #expect(can("la RÉSOLUTION 64/293") == [false, true, false])
        #expect(can("United Nations, TREATY SERIES") == [false, false, true])
        // A character whose case folding is not one unit (ß → ss): every pattern runs.
        #expect(can("Straße") == [true, true, true])
    }

    /// Soundness on the rules themselves: every text an example says a pattern matches is
    /// one the pre-scan lets that pattern run on.
    @Test func everyRuleExampleReachesItsPattern() {
        var checked = 0
        Self.forEachExample { rules, index, pattern, text, units in
            #expect(rules.prescan.candidates(units)[index], "\(pattern.id) skipped on its example: \(text)")
            checked += 1
        }
        #expect(checked >= 300)
    }

    /// Every example that must match, with its language's rules, its pattern's index and
    /// its normalized units.
    static func forEachExample(_ body: (LanguageRules, Int, LanguageRules.Pattern, String, [UInt16]) -> Void) {
        for language in Language.official {
            guard let rules = TestRules.shared.languages[language] else { continue }
            for (index, pattern) in rules.patterns.enumerated() {
                for example in pattern.examples {
                    body(rules, index, pattern, example.text, NormalizedText(example.text).units)
                }
            }
        }
    }

    /// The fast path and the plain path give identical citations on every document of the
    /// corpus: the seed and its renderings, the defect sets, the ten English resolutions
    /// (text and Markdown) and the six 2,000-line language files of the devset.
    @Test func fastAndPlainPathsGiveIdenticalCitations() throws {
        var paths = InputFiles.expand([Paths.corpora("")])
        for folder in ["corpus/en-ga-80-txt", "corpus/en-ga-80-md"] {
            guard let path = Paths.shared(folder) else { return }
            paths += InputFiles.expand([path])
        }
        var devset = [String]()
        for language in Language.official {
            guard let path = Paths.shared("corpus/unpc-dev-1-2000/devset.\(language.rawValue)") else { return }
            devset.append(path)
        }
        let fast = CitationExtractor(rules: TestRules.shared)
        let plain = CitationExtractor(rules: TestRules.shared, prescan: false)
        var documents = 0, citations = 0
        for path in paths {
            let document = try DocumentReader().read(path: path)
            let a = fast.citations(in: document), b = plain.citations(in: document)
            #expect(a == b, "\(path): the pre-scan changed the citations")
            documents += 1
            citations += a.count
        }
        for path in devset {
            // The devset files have no extension: read them as plain text in their language.
            let language = Language(rawValue: String(path.split(separator: ".").last!))
            var document = try DocumentReader().read(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: path)
            document.language = language
            let a = fast.citations(in: document), b = plain.citations(in: document)
            #expect(a == b, "\(path): the pre-scan changed the citations")
            documents += 1
            citations += a.count
        }
        #expect(documents >= 70)
        #expect(citations >= 5_000)
    }
}

/// Where a match can start: the literals every way through a pattern begins with.
@Suite struct PrescanStartsTests {
    static func starts(_ pattern: String) -> [String]? {
        Prescan.starts(of: pattern).map { clause in
            ((clause.digit ? [clause.digitInWord ? "#" : "<#"] : []) + clause.literals.map {
                ($0.wordStart ? "<" : "") + String(decoding: $0.units, as: UTF16.self)
            }).sorted()
        }
    }

    @Test func literalsDigitsAndOptionalPrefixes() {
        #expect(Self.starts(#"\bibid\.?(?:,\s+vol\.\s+\d+)?"#) == ["ibid"])
        #expect(Self.starts(#"(?:(?<body>General\s+Assembly|Council)\s+)?(?:its\s+)?Resolution\s+\d+"#)
                == ["council", "general", "its", "resolution"])
        #expect(Self.starts(#"\b(?<day>\d{1,2})\s+May"#) == ["<#"])
        // An optional first character starts a match, and so does what follows it.
        #expect(Self.starts(#"n?os\s+\d"#) == ["n", "os"])
        // Look-arounds consume nothing; a plain word form after `(?<![\p{L}\p{N}])` must
        // start a word.
        #expect(Self.starts(#"(?<!a)(?=b)bc"#) == ["bc"])
        #expect(Self.starts(#"(?-i:(?<![\p{L}\p{N}]))(?:their|its)\s+\d"#) == ["<its", "<their"])
    }

    /// A digit right after `\b` or `(?<![\p{L}\p{N}])` starts a match only where no letter
    /// or digit stands before it; anywhere else a digit start stays a digit start.
    @Test func digitsAfterABoundaryStartWords() throws {
        #expect(Self.starts(#"\d+\s+May"#) == ["#"])
        #expect(Self.starts(#"\b\d+\s+May"#) == ["<#"])
        #expect(Self.starts(#"(?-i:(?<![\p{L}\p{N}]))\d+\s+May"#) == ["<#"])
        #expect(Self.starts(#"(?:\b\d|\d)x"#) == ["#"])  // one way needs no boundary
        #expect(Self.starts(#"\b(?:\d|x)?\d"#) == ["#", "x"])  // the second digit: not right after it
        #expect(Self.starts(#"(?:the\s+)?\b\d+"#) == ["<#", "the"])
        #expect(Self.starts(#"\b?\d+"#) == ["#"])  // an optional boundary asserts nothing

        // (Without the digit heads, which drop more: `DigitHeadTests`.)
        var table = Prescan(patterns: [#"\b(?<day>\d{1,2})\s+May"#, #"\d+\s+May"#]).table
        table.digitHeads = [nil, nil]
        let prescan = Prescan(table: table)
        let text = "On 12 May 2005 (A/60/12), item 3b5 May"
        let units = Array(text.utf16)
        let digits = units.indices.filter { (0x30...0x39).contains(units[$0]) }.map { Int32($0) }
        let plan = prescan.plan(units)
        // Not the 2 of 12, not 005 of 2005, not the 0 of 60 or the 2 of 12, not the 5 after `b`.
        #expect(plan[0].starts == [3, 10, 18, 21, 31])
        #expect(plan[1].starts == digits)
        // Each place dropped has an ASCII letter or digit before it, and the pattern does
        // not match there.
        let regex = try ICURegex(#"\b(?<day>\d{1,2})\s+May"#, caseInsensitive: true)
        let found = regex.matches(in: units).map { Int32($0.range.lowerBound) }
        #expect(!found.isEmpty && found.allSatisfy { plan[0].starts!.contains($0) })
        // The table says so, and keeps saying so through the rule cache's encoding.
        #expect(prescan.table.startDigitsAtWordStart == [true, false])
        #expect(Prescan.decode(prescan.encodedTable) == prescan.table)
        // The English dates' rules are read this way.
        let english = try #require(TestRules.shared.languages[.en])
        let date = try #require(english.patterns.firstIndex { $0.id == "en.date" })
        #expect(english.prescan.table.startDigitsAtWordStart[date])
    }

    @Test func unknownStartsGiveNoPlaces() {
        #expect(Self.starts(#"[abc]x"#) == nil)           // a class
        #expect(Self.starts(#"\s*resolution"#) == nil)    // an escape that consumes
        #expect(Self.starts(#"a?"#) == nil)               // may match nothing
        #expect(Self.starts(#"x(?:y|\G(?<=\d),)\d"#) == nil)  // \G after the start: depends on the previous match
        #expect(Self.starts(#"(?:[\x{064B}]*)قرار"#) == nil)  // marks before the word
        #expect(Self.starts(#" resolution"#) == nil)     // a literal space
    }

    /// The patterns of a language are read on every core (`Prescan.analyses`): the table is
    /// the one their readings one after the other give, number for number, for every
    /// language's patterns, and the same at every making.
    @Test func patternsReadInParallelGiveTheTableOfOneAfterTheOther() {
        var compared = 0
        for language in Language.official {
            guard let patterns = TestRules.shared.languages[language]?.patterns.map(\.expanded), patterns.count > 1 else { continue }
            let one = Prescan.encode(Prescan.table(analyses: patterns.map(Prescan.analysis)))
            for _ in 0..<3 { #expect(Prescan.encode(Prescan.table(patterns: patterns)) == one, "\(language)") }
            #expect(Prescan.table(patterns: patterns).digitHeads == Prescan.table(analyses: patterns.map(Prescan.analysis)).digitHeads)
            compared += patterns.count
        }
        #expect(compared >= 150)
    }

    /// Most of the rules get places to start from (the rest run everywhere they can match).
    @Test func mostRulesHaveKnownStarts() {
        var known = 0, total = 0
        for language in Language.official {
            for pattern in TestRules.shared.languages[language]?.patterns ?? [] {
                total += 1
                if Prescan.starts(of: pattern.regex.pattern) != nil { known += 1 }
            }
        }
        #expect(known * 2 >= total, "\(known) of \(total) rules have known starts")
    }

    /// Soundness on the rules' examples: every match of every example starts at a place the
    /// pre-scan gives, or, for a pattern with `\G`, where the previous match ended (tried
    /// there as well).
    @Test func everyExampleMatchStartsAtAPlaceGiven() {
        var checked = 0, continued = 0
        PrescanTests.forEachExample { rules, index, pattern, text, units in
            guard let places = rules.prescan.plan(units)[index].starts else { return }
            var previousEnd: Int?
            for match in pattern.regex.matches(in: units) where !match.range.isEmpty {
                defer { previousEnd = match.range.upperBound }
                if pattern.regex.continues, match.range.lowerBound == previousEnd {
                    continued += 1
                    continue
                }
                #expect(places.contains(Int32(match.range.lowerBound)), "\(pattern.id): a match at \(match.range.lowerBound) not among the places given, in: \(text)")
                checked += 1
            }
        }
        #expect(checked >= 200)
        #expect(continued >= 10)
    }
}
