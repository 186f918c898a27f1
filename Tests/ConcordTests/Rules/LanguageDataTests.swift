import Foundation
import Testing
@testable import Concord

/// Language knowledge lives in Rules/languages/xx.yml: a phrase added there is found (no
/// filter written for today's phrases turns it away), and a new language is one more file.
@Suite struct LanguageDataTests {
    /// A copy of the repository's Rules/ in a temporary folder, for a test to change.
    static func copyOfRules() throws -> URL {
        let folder = try Paths.temporaryDirectory().appendingPathComponent("Rules")
        try FileManager.default.copyItem(at: Paths.repository.appendingPathComponent("Rules"), to: folder)
        return folder
    }

    static func replace(_ old: String, with new: String, in file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old), "\(file.lastPathComponent) no longer holds \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    /// Greek letters are in none of the code points the reader used to filter on (`pl`, `з`,
    /// `ج`, `议` for closing lines; A, П, 附, ا for annex headings).
    @Test func phrasesAddedToAFileAreFoundWhateverTheirLetters() throws {
        let folder = try Self.copyOfRules()
        let en = folder.appendingPathComponent("languages/en.yml")
        try Self.replace("closing-phrases: [plenary meeting]", with: "closing-phrases: [plenary meeting, συνεδρίαση ολομέλειας]", in: en)
        try Self.replace("annex-words: [Annex, ANNEX]", with: "annex-words: [Annex, ANNEX, Παράρτημα]", in: en)
        let rules = try RuleSet(folder: folder)

        let closing = "5η συνεδρίαση ολομέλειας 19 Σεπτεμβρίου 2025"
        let assembler = ParagraphAssembler(lexicon: rules.lexicon)
        #expect(assembler.reads(closing, as: "closing"))
        #expect(assembler.reads("Παράρτημα", as: "annex"))
        // Decomposed (ί as ι + U+0301) and upper case: the same phrase.
        #expect(assembler.reads("5η ΣΥΝΕΔΡΊΑΣΗ ολομέλειας".decomposedStringWithCanonicalMapping, as: "closing"))
        #expect(assembler.reads(closing.decomposedStringWithCanonicalMapping, as: "closing"))
        // The standard rules do not know it.
        #expect(!ParagraphAssembler(lexicon: TestRules.shared.lexicon).reads(closing, as: "closing"))

        // And through the reader: the last line of a resolution.
        let text = """
            Resolution 80/1. Test

            The General Assembly,

            Recalling its resolution 64/293,

            1. Decides to remain seized of the matter.

            Παράρτημα

            Text of the annex.

            \(closing)

            """
        let document = DocumentReader(lexicon: rules.lexicon).read(source: SourceText(text), file: "x.en.txt", format: .plainText)
        #expect(document.paragraphs.last?.kind == .closing)
        #expect(document.paragraphs.contains { $0.kind == .heading && $0.text.string == "Παράρτημα" })
    }

    static let german = #"""
        # German: a language added with one file (the test of that promise).
        language: de
        name: German
        aliases: [deu, ger, german, deutsch]
        locale: de
        script: Latin
        word-boundaries: true

        reading:
          title-words: [resolution, beschluss]
          closing-phrases: [plenarsitzung]
          annex-words: [Anlage]
          stop-words: [der, die, und, das, den, des, mit, für, im, von]
          number-words-before: [resolution, ziffer, artikel]

        words:
          resolution: [Resolution, Resolutionen]
          and: [und]
          its: [ihre, seine]
          paragraph: [Ziffer, Ziffern]

        fragments:
          date: '\d{1,2}\.\s+{month}\s+\d{4}'
          resnums: '{resnum}(?:\s+vom\s+{date})?(?:\s*(?:,\s*|\s+{and}\s+)(?:{resolution}\s+)?{resnum}(?:\s+vom\s+{date})?)*'

        bodies:
          - {code: A, forms: [Generalversammlung]}
          - {code: S, forms: [Sicherheitsrat, Sicherheitsrats]}

        patterns:
          - id: de.resolution
            kind: resolution
            pattern: '(?:(?<body>{body})\s+)?(?:(?<own>{its})\s+)?{resolution}\s+(?<list>{resnums})(?:\s+des\s+(?<body2>{body}))?'
            examples:
              match:
                - {text: "unter Hinweis auf ihre Resolution 64/293 vom 30. Juli 2010", keys: [A/RES/64/293]}
                - {text: "Resolution 1325 (2000) des Sicherheitsrats", keys: ["S/RES/1325(2000)"]}
              no-match:
                - "die Lösung des Konflikts"
          - id: de.paragraph
            kind: paragraph
            pattern: '\b{paragraph}\s+(?<list>\d+)'
            examples:
              match:
                - {text: "Ziffer 4", keys: [paragraph:4]}
              no-match:
                - "die Ziffern"
          - id: de.date
            kind: date
            pattern: '(?<day>\d{1,2})\.\s+(?<month>{month})\s+(?<year>\d{4})'
            examples:
              match:
                - {text: "am 30. Juli 2010", keys: [date:2010-07-30]}
              no-match:
                - "im Juli"
        """#

    @Test func aLanguageIsOneFile() throws {
        let folder = try Self.copyOfRules()
        try Self.german.write(to: folder.appendingPathComponent("languages/de.yml"), atomically: true, encoding: .utf8)
        let rules = try RuleSet(folder: folder)
        let de = try #require(rules.languages.keys.first { $0.rawValue == "de" })
        #expect(RuleExamples.run(rules).failures.map(\.description) == [])
        #expect(rules.lexicon.language(code: "Deutsch") == de && rules.lexicon.language(code: "deu") == de)
        #expect(rules.lexicon.languages[de]?.locale == "de" && rules.languages[de]?.language == de)
        // Loading other rules changes nothing for anyone else: the built-in rules still do not
        // know German, and a file name is read with the languages of the rules in use.
        #expect(Language(code: "Deutsch") == nil)
        #expect(Language.fromFileName("beschluss.de.txt") == nil)
        #expect(Language.fromFileName("beschluss.de.txt", known: rules.lexicon.known) == de)
        #expect(rules.languages[de]?.month("März") == 3)

        let text = """
            Resolution 80/1. Ein Beschluss

            Die Generalversammlung,

            unter Hinweis auf ihre Resolution 64/293 vom 30. Juli 2010 und die mit der Lage befassten Gremien,

            ferner unter Hinweis auf die Resolution 1325 (2000) des Sicherheitsrats,

            1. beschließt, sich weiter mit der Frage zu befassen, die in Ziffer 4 genannt ist;

            3. Plenarsitzung
            19. September 2025

            """
        let source = SourceText(text)
        let reader = DocumentReader(lexicon: rules.lexicon)
        let document = reader.read(source: source, file: "beschluss.de.txt", format: .plainText)
        #expect(document.language == de)
        #expect(LanguageDetector.detect(source.units, lexicon: rules.lexicon) == de)
        #expect(document.paragraphs.first?.kind == .title)
        #expect(document.paragraphs.last?.kind == .closing)
        let keys = CitationExtractor(rules: rules).citations(in: document).map(\.key)
        #expect(keys == ["A/RES/64/293", "date:2010-07-30", "S/RES/1325(2000)", "paragraph:4", "date:2025-09-19"])
    }

    /// A placeholder's group is made when a pattern first uses it, and a word list of the
    /// file takes a built-in's name over the built-in (`{month}` below is the list, not the
    /// month names); an unknown placeholder is still an error naming the pattern.
    @Test func placeholdersAreMadeWhenUsedAndWordListsComeFirst() throws {
        let folder = try Self.copyOfRules()
        let file = folder.appendingPathComponent("languages/de.yml")
        let listed = Self.german.replacingOccurrences(of: "  and: [und]\n", with: "  and: [und]\n  month: [Monatsende]\n")
        #expect(listed != Self.german)
        try listed.write(to: file, atomically: true, encoding: .utf8)
        let rules = try RuleSet(folder: folder)
        let code = try #require(rules.languages.keys.first { $0.rawValue == "de" })
        let de = try #require(rules.languages[code])
        let date = try #require(de.patterns.first { $0.id == "de.date" }).compiled.pattern.lowercased()
        #expect(date.contains("monatsende") && !date.contains("juli"), "\(date)")
        let resolution = try #require(de.patterns.first { $0.id == "de.resolution" }).compiled.pattern.lowercased()
        #expect(resolution.contains("generalversammlung") && resolution.contains("resolutionen"), "\(resolution)")

        try Self.german.replacingOccurrences(of: "{resolution}\\s+(?<list>", with: "{resolutio}\\s+(?<list>")
            .write(to: file, atomically: true, encoding: .utf8)
        #expect {
            _ = try RuleSet(folder: folder)
        } throws: { error in
            "\(error)".contains("de.resolution") && "\(error)".contains("unknown placeholder {resolutio}")
        }
    }

    /// One spell-out parser per locale reads a number's ordinal and its cardinal alike (ICU's
    /// rule-based parse tries every public rule set of the locale, whichever one formats), so
    /// Concord opens one parser per language and parses a word once. Were ICU to read with
    /// its default rule set only (cardinal), every ordinal here would fail.
    @Test(arguments: [
        ("en", ["seventy-third": 73, "seventy-three": 73, "sixteenth": 16, "sixteen": 16]),
        ("fr", ["soixante-treizième": 73, "soixante-treize": 73, "trente et unième": 31, "trente et un": 31]),
        ("es", ["septuagésimo tercero": 73, "setenta y tres": 73, "decimosexto": 16, "dieciséis": 16]),
        ("ru", ["семьдесят третий": 73, "семьдесят три": 73, "шестнадцатый": 16, "шестнадцать": 16]),
        ("ar", ["الثالث والسبعون": 73, "ثلاثة وسبعون": 73, "السادس عشر": 16, "ستة عشر": 16]),
        ("zh", ["第七十三": 73, "七十三": 73, "第十六": 16, "十六": 16]),
    ])
    func oneSpellOutParserReadsOrdinalsAndCardinals(locale: String, words: [String: Int]) {
        for (word, value) in words {
            #expect(LocaleData.parseSpellout(word, locale: locale) == value, "\(locale): \(word)")
        }
    }

    /// What moved out of Swift still reads as before.
    @Test func theMovedKnowledgeReadsAsBefore() {
        let rules = TestRules.shared
        #expect(Language(code: "french") == .fr && Language(code: "CHI") == .zh && Language(code: "xx") == nil)
        #expect(Language.fromFileName("A_RES_80_13-EN.txt") == .en && Language.fromFileName("report-ok.txt") == nil)
        #expect(Language.official.map(\.rawValue) == ["ar", "zh", "en", "fr", "ru", "es"])
        let ar = rules.languages[.ar]!
        let extractor = ReferenceResolver(rules: rules, language: ar, issuingBody: "A")
        #expect(extractor.parseNumber("التاسعة والستين") == 69)
        #expect(extractor.paragraphKeys("2 (ب)") == ["2(b)"])
        #expect(ReferenceResolver(rules: rules, language: rules.languages[.ru]!, issuingBody: "A").paragraphKeys("2(е)") == ["2(e)"])
        #expect(ar.month("تشرين الأول/أكتوبر") == 10)
    }

    /// A word for "and" written on the next word is looked for longest first, until the rest
    /// reads: with a second word for "and" that begins with the first (`وا` beside `و`), the
    /// Arabic ordinals and pins read as with the built-in rules, in every run (the words were
    /// tried in a `Set`'s order, which changes from one run to the next).
    @Test func attachedWordsForAndAreTriedLongestFirst() throws {
        #expect(ListWords(["and": ["e", "Et", "y"], "to": ["a"]]).andLongestFirst == ["et", "e", "y"])
        #expect(ListWords(["and": ["و"]]).range == ["-"])
        let rules = TestRules.shared
        let builtIn = ReferenceResolver(rules: rules, language: rules.languages[.ar]!, issuingBody: "A")
        #expect(builtIn.ordinals("التاسعة والعاشرة") == [9, 10])
        #expect(builtIn.pinNumbers("التاسعة والعاشرة") == ["9", "10"])

        let folder = try Self.copyOfRules()
        try Self.replace("  and: [و]\n", with: "  and: [و, وا]\n", in: folder.appendingPathComponent("languages/ar.yml"))
        let edited = try RuleSet(folder: folder)
        let ar = try #require(edited.languages[.ar])
        #expect(ar.listWords.andLongestFirst == ["وا", "و"])
        let resolver = ReferenceResolver(rules: edited, language: ar, issuingBody: "A")
        #expect(resolver.ordinals("التاسعة والعاشرة") == [9, 10])
        #expect(resolver.pinNumbers("التاسعة والعاشرة") == ["9", "10"])
    }

    /// Arabic ordinal words (and every language's number words) are one list, `number-words`:
    /// the heading `المادة الحادية والعشرون` and the pin `المادة الحادية والعشرون` read the same
    /// number from it, a word added there is read by both, and a `structure.numbers` section
    /// (where the heading words once were, twice listed) is refused, naming the move.
    @Test func numberWordsAreOneListForHeadingsAndPins() throws {
        let rules = TestRules.shared
        let ar = rules.languages[.ar]!
        #expect(rules.lexicon.structure.heading("المادة الحادية والعشرون", language: .ar)?.number == 21)
        #expect(ReferenceResolver(rules: rules, language: ar, issuingBody: "A").pinNumber("الحادية والعشرون") == 21)
        #expect(rules.lexicon.structure.heading("Article premier", language: .fr)?.number == 1)
        #expect(rules.lexicon.structure.heading("Part Two", language: .en)?.number == 2)
        // 31 is in no list, and ICU's spell-out does not read the feminine ordinal right.
        #expect(rules.lexicon.structure.heading("المادة الحادية والثلاثون", language: .ar)?.number != 31)

        let folder = try Self.copyOfRules()
        let file = folder.appendingPathComponent("languages/ar.yml")
        try Self.replace("  الثلاثون: 30\n", with: "  الثلاثون: 30\n  الحادية والثلاثون: 31\n", in: file)
        let edited = try RuleSet(folder: folder)
        #expect(edited.lexicon.structure.heading("المادة الحادية والثلاثون", language: .ar)?.number == 31)
        #expect(ReferenceResolver(rules: edited, language: edited.languages[.ar]!, issuingBody: "A").pinNumber("الحادية والثلاثون") == 31)

        try Self.replace("  item-labels: ['\\((?<letter>[\\p{Arabic}]{1,2})\\)\\s']", with: "  numbers: {الأولى: 1}\n  item-labels: ['\\((?<letter>[\\p{Arabic}]{1,2})\\)\\s']", in: file)
        let error = #expect(throws: (any Error).self) { _ = try RuleSet(folder: folder) }
        let message = error.map { "\($0)" } ?? ""
        #expect(message.contains("ar.yml") && message.contains("number-words"), "\(message)")
    }
}
