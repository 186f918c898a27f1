import Foundation
import Testing
@testable import Concord

/// Resolutions cited in the running text of real English GA resolutions
/// (../shared/corpus/en-ga-80-md): long lists with part letters and dates between the items,
/// lists over a line break, special-session numbers. A part letter names another resolution
/// (A/RES/51/45B is not A/RES/51/45A): the key is the official symbol.
@Suite struct GAResolutionListsTests {
    /// The resolution keys of the paragraph that holds `line` (1-based) of a Markdown file.
    static func keys(_ name: String, paragraphAt line: Int) throws -> [String]? {
        guard let path = Paths.shared("corpus/en-ga-80-md/\(name)") else { return nil }
        let document = try DocumentReader().read(path: path)
        let citations = CitationExtractor(rules: TestRules.shared).citations(in: document)
        let lines = document.source.lineCount
        #expect(line <= lines)
        let start = document.source.lineRange(line - 1).lowerBound
        let paragraph = try #require(document.paragraphs.first { $0.text.sourceRange(0..<$0.text.count).contains(start) },
                                     "no paragraph at \(name):\(line)")
        return citations.filter { $0.paragraph == paragraph.id && $0.kind == .resolution }.map(\.key)
    }

    @Test func partLettersAndDatesBetweenTheItems() throws {
        // "Recalling its resolutions 51/45 B of 10 December 1996, 52/38 N of 9 December 1997, 53/77 Q …"
        guard let keys = try Self.keys("A_RES_80_31.md", paragraphAt: 27) else { return }
        #expect(Array(keys.prefix(7)) == ["A/RES/51/45B", "A/RES/52/38N", "A/RES/53/77Q", "A/RES/54/54L",
                                          "A/RES/55/33I", "A/RES/56/24G", "A/RES/57/73"])
        #expect(!keys.contains("A/RES/51/45"))
    }

    @Test func aListOverALineBreakIsReadToItsEnd() throws {
        // Lines 26-27 are one paragraph: 50/70 M … 53/77 J of 4 December 1998, / 54/54 S … 79/45.
        guard let keys = try Self.keys("A_RES_80_32.md", paragraphAt: 26) else { return }
        #expect(keys.first == "A/RES/50/70M")
        #expect(keys.contains("A/RES/53/77J") && keys.contains("A/RES/54/54S") && keys.contains("A/RES/56/24F"))
        #expect(keys.last == "A/RES/79/45")
        #expect(keys.count == 30)
    }

    @Test func twoPartsOfOneNumberAreTwoResolutions() throws {
        // "… 64/48 of 2 December 2009, 67/234 A of 24 December 2012, 67/234 B of 2 April 2013, …"
        guard let keys = try Self.keys("A_RES_80_46.md", paragraphAt: 27) else { return }
        #expect(keys.contains("A/RES/67/234A") && keys.contains("A/RES/67/234B"))
        #expect(keys.last == "A/RES/79/52")
    }

    @Test func specialSessionNumbers() throws {
        guard let path = Paths.shared("corpus/en-ga-80-md/A_RES_80_31.md") else { return }
        let document = try DocumentReader().read(path: path)
        let keys = CitationExtractor(rules: TestRules.shared).citations(in: document).map(\.key)
        #expect(keys.contains("A/RES/S-10/2"))
    }

    /// The forms of the issue, in each language, through the extract and resolve stages.
    @Test(arguments: [
        (Language.en, "Recalling its resolutions 44/12 C of 9 December 1989, 45/3 D of 4 December 1990 and 52/7 A and B of 9 December 1997,",
         ["A/RES/44/12C", "A/RES/45/3D", "A/RES/52/7A", "A/RES/52/7B"]),
        (.en, "Recalling Security Council resolutions 242 (1967) and 338 (1973) and resolution ES-10/2,",
         ["S/RES/242(1967)", "S/RES/338(1973)", "A/RES/ES-10/2"]),
        (.en, "See resolution 2200 A (XXI), annex.", ["A/RES/2200A(XXI)"]),
        (.fr, "rappelant les résolutions du Conseil de sécurité 1325 (2000) et 1820 (2008)", ["S/RES/1325(2000)", "S/RES/1820(2008)"]),
        (.zh, "回顾大会第44/12号和第45/3号决议", ["A/RES/44/12", "A/RES/45/3"]),
        (.zh, "回顾其1989年12月9日第44/12 C号、1990年12月4日第45/3 D号决议", ["A/RES/44/12C", "A/RES/45/3D"]),
        (.ru, "ссылаясь на резолюцию 2200 А (XXI) Генеральной Ассамблеи", ["A/RES/2200A(XXI)"]),
        (.ar, "وإذ تشير إلى قرارها 2200 ألف (د-21)", ["A/RES/2200A(XXI)"]),
        (.ar, "تنفيذ قرار مجلس الأمن التابع للأمم المتحدة 2250 (2015) بشأن الشباب", ["S/RES/2250(2015)"]),
    ])
    func formsOfTheIssue(language: Language, text: String, expected: [String]) throws {
        let rules = try #require(TestRules.shared.languages[language])
        let keys = CitationExtractor(rules: TestRules.shared).citations(inSegment: Array(text.utf16), language: rules)
            .filter { $0.kind == .resolution }.map(\.key)
        #expect(keys == expected)
    }

    /// Security Council numbers never take part letters: a capital after a year in brackets
    /// is the next word.
    @Test func councilNumbersTakeNoLetter() throws {
        let rules = try #require(TestRules.shared.languages[.en])
        let keys = CitationExtractor(rules: TestRules.shared)
            .citations(inSegment: Array("Security Council resolution 1325 (2000) A new approach".utf16), language: rules).map(\.key)
        #expect(keys == ["S/RES/1325(2000)"])
    }
}

/// Units written in another language than their file (an untranslated English sentence in
/// the Chinese or Russian version) are read with the rules of their own language.
@Suite struct MixedLanguageUnitTests {
    @Test func anEnglishLineInTheChineseFile() throws {
        let zh = try #require(TestRules.shared.languages[.zh])
        let line = "Recalling its resolution 64/293 of 30 July 2010 and Security Council resolution 1325 (2000),"
        let asFile = CitationExtractor(rules: TestRules.shared).citations(inSegment: Array(line.utf16), language: zh).map(\.key)
        let perUnit = CitationExtractor(rules: TestRules.shared)
            .citations(inSegment: Array(line.utf16), language: zh, perUnitLanguage: true).map(\.key)
        #expect(Set(perUnit) == ["A/RES/64/293", "S/RES/1325(2000)", "date:2010-07-30"])
        // Read as the Chinese file's, the line is one run of English words (MixedLanguageRunTests):
        // the same keys.
        #expect(Set(asFile) == Set(perUnit))
    }

    @Test func theDecisionIsByScriptThenWords() {
        let lexicon = TestRules.shared.lexicon
        func language(_ text: String, _ file: Language) -> Language {
            LanguageDetector.unitLanguage(Array(text.utf16), file: file, lexicon: lexicon)
        }
        #expect(language("Recalling its resolution 64/293 of 30 July 2010 on the situation", .ru) == .en)
        #expect(language("ссылаясь на свою резолюцию 64/293 от 30 июля 2010 года", .ru) == .ru)
        #expect(language("回顾其2010年7月30日第64/293号决议", .zh) == .zh)
        // A Chinese line that quotes an English title stays Chinese.
        #expect(language("回顾其题为“Transforming our world”的第70/1号决议", .zh) == .zh)
        // A symbol alone, or a short Latin line without telling words, stays the file's.
        #expect(language("S/RES/2250 (2015)", .zh) == .zh)
        // Latin in a Latin-script file changes only on clear evidence.
        #expect(language("Rappelant sa résolution 64/293 de la Assembly", .fr) == .fr)
        #expect(language("Recalling that the Council in its resolution 64/293 and the report of the Secretary-General", .fr) == .en)
    }
}

/// A date without its year in one version stands for the others' full date of that day.
@Suite struct YearlessDateTests {
    @Test func aYearlessDateAgreesWithTheFullDate() throws {
        let comparison = AlignedComparison(rules: TestRules.shared)
        let en = comparison.keys(of: Array("The attack of 12 March 2015 on the convoy".utf16), language: .en)
        let es = comparison.keys(of: Array("El ataque del 12 de marzo contra el convoy".utf16), language: .es)
        #expect(en == ["date:2015-03-12"])
        #expect(es == ["date:--03-12"])
        #expect(YearlessDates.reconcile([Set(en), Set(es)]) == [["date:2015-03-12"], ["date:2015-03-12"]])
        // Alone, or with another day, a year-less date is left out rather than made a difference.
        #expect(YearlessDates.reconcile([["date:2015-03-12"], ["date:--03-13"]]) == [["date:2015-03-12"], []])
    }
}
