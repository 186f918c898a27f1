import Foundation
import Testing
@testable import Concord

/// One reference written in the forms each language uses gets one key in every language
/// (issue 14): what `compare --aligned` holds the versions of a segment to.
@Suite struct PinFormTests {
    let comparison = AlignedComparison(rules: TestRules.shared)

    func keys(_ text: String, _ language: Language) -> [String] {
        comparison.keys(of: Array(text.utf16), language: language)
    }

    /// A real segment of the tuned half (unpc-test line 560): every version lists the letters
    /// after the first (`1 (a), (b) and (c)`, `alinéas a), b) et c) du paragraphe 1`,
    /// `第1(a)、(b)和(c)段`, `الفقرات 1 (أ) و (ب) و (ج)`): three sub-paragraph pins each.
    @Test func aListOfSubParagraphLettersGivesOnePinEach() throws {
        let line = 560
        for language in [Language.en, .fr, .es, .ru, .zh, .ar] {
            guard let path = Paths.shared("corpus/unpc-test/testset.\(language.rawValue)") else { return }
            let data = try #require(FileManager.default.contents(atPath: path))
            let source = try SourceDecoder.decode([UInt8](data), file: path)
            let segment = Array(source.units[source.lineRange(line - 1)])
            #expect(comparison.keys(of: segment, language: language) == ["paragraph:1(a)", "paragraph:1(b)", "paragraph:1(c)"],
                    "\(language.rawValue) line \(line)")
        }
    }

    /// The forms of issue 14 (written for it, not taken from the held-out half): each
    /// language's way of writing the same reference gives the same keys.
    @Test(arguments: [
        // A Security Council resolution whose year carries Russian год inside the brackets.
        ["en": "in violation of Security Council resolution 2118 (2013),",
         "ru": "в нарушение резолюции 2118 (2013 год) Совета Безопасности,"],
        // A sub-paragraph letter right after the article number.
        ["en": "under article 18 (b) of the Act",
         "fr": "en vertu de l'art. 18 b) de la loi",
         "es": "en virtud del art. 18 b) de la Ley",
         "ru": "в соответствии со ст. 18 b) Закона"],
        // A rule of a set of rules, which English, French, Spanish and Russian all call a rule.
        ["en": "under rule 5 of the Nelson Mandela Rules",
         "fr": "en vertu de la règle 5 des Règles Nelson Mandela",
         "es": "en virtud de la regla 5 de las Reglas Nelson Mandela",
         "ru": "в соответствии с правилом 5 Правил Нельсона Манделы"],
        // A section of an annex: the annex's pin with its section.
        ["en": "as provided in section 10 of annex 4 to the Agreement",
         "fr": "comme le prévoit la section 10 de l'annexe 4 de l'Accord",
         "es": "según lo dispuesto en la sección 10 del anexo 4 del Acuerdo",
         "ru": "как предусмотрено в разделе 10 приложения 4 к Соглашению"],
        // A range of sessions, and the same sessions listed.
        ["en": "at its fifty-fourth to fifty-seventh sessions",
         "fr": "à ses cinquante-quatrième, cinquante-cinquième, cinquante-sixième et cinquante-septième sessions",
         "es": "en sus 54º a 57º períodos de sesiones",
         "ru": "на ее пятьдесят четвертой-пятьдесят седьмой сессиях"],
        // A conference of the parties numbered by an ordinal, and its session so numbered.
        ["en": "at the twenty-first session of the Conference of the Parties",
         "fr": "lors de la vingt et unième Conférence des Parties",
         "es": "durante la vigésima primera Conferencia de las Partes",
         "ru": "в ходе двадцать первой Конференции Сторон"],
        // The section sign of a national code.
        ["en": "under § 308 of the Penal Code",
         "fr": "en vertu du § 308 du Code pénal",
         "es": "en virtud del § 308 del Código Penal",
         "ru": "согласно § 308 Уголовного кодекса"],
        // Two sub-paragraphs of one paragraph of an article.
        ["en": "as set out in subparagraphs (a) and (l) of paragraph 2 of article 5 of the Convention",
         "fr": "comme prévu aux alinéas a) et l) du paragraphe 2 de l'article 5 de la Convention",
         "es": "conforme a los apartados a) y l) del párrafo 2 del artículo 5 de la Convención",
         "ru": "как указано в подпунктах (a) и (l) пункта 2 статьи 5 Конвенции"],
    ])
    func everyLanguageGivesTheEnglishKeys(versions: [String: String]) throws {
        try Self.expectTheEnglishKeys(versions, keys: keys)
    }

    /// Every version of `versions` (language code → text) gives the keys of its English
    /// version, which gives at least one.
    static func expectTheEnglishKeys(_ versions: [String: String], keys: (String, Language) -> [String]) throws {
        let english = keys(try #require(versions["en"]), .en)
        #expect(!english.isEmpty)
        for (code, text) in versions.sorted(by: { $0.key < $1.key }) where code != "en" {
            let language = try #require(Language(rawValue: code))
            #expect(keys(text, language) == english, "\(code): \(text)")
        }
    }

    /// `§ 308` cites a national code: another text's section, never the document's own
    /// (a report has sections of its own, which it must not be checked against).
    @Test func theSectionSignCitesAnotherText() throws {
        let text = "Report of the Committee\n\nI. Offences\n\n1. The act is punishable (§ 308 StGB), as section I above says.\n"
        let document = TestPipeline.resolved(DocumentReader().read(source: SourceText(text), file: "report.en.txt", format: .plainText))
        let sign = try #require(document.citations.first { $0.key == "section:308" })
        #expect(!sign.notes.contains(.internalReference))
        let own = try #require(document.citations.first { $0.key == "section:1" })
        #expect(own.notes.contains(.internalReference))
    }

    /// The keys themselves, so that agreement cannot come from every version giving nothing.
    @Test func theCanonicalKeys() {
        #expect(keys("в нарушение резолюции 2118 (2013 год) Совета Безопасности,", .ru) == ["S/RES/2118(2013)"])
        #expect(keys("en vertu de l'art. 18 b) de la loi", .fr) == ["article:18(b)"])
        #expect(keys("en virtud de la regla 5 de las Reglas Nelson Mandela", .es) == ["rule:5"])
        #expect(keys("as provided in section 10 of annex 4 to the Agreement", .en) == ["annex:4/section:10"])
        #expect(keys("at its fifty-fourth to fifty-seventh sessions", .en) == ["session:54", "session:55", "session:56", "session:57"])
        #expect(keys("в ходе двадцать первой Конференции Сторон", .ru) == ["session:21"])
        #expect(keys("en vertu du § 308 du Code pénal", .fr) == ["section:308"])
        #expect(keys("as set out in subparagraphs (a) and (l) of paragraph 2 of article 5 of the Convention", .en)
                == ["article:5(2)(a)", "article:5(2)(l)"])
        // A range longer than twenty sessions is keyed by its two ends.
        #expect(keys("from its first to its fortieth session", .en) == ["session:1", "session:40"])
    }

    /// Date keys are written as `String(format: "%04d-%02d-%02d")` wrote them, without it.
    @Test func dateKeysAreZeroPadded() {
        for (year, month, day) in [(2015, 3, 12), (5, 1, 2), (12345, 12, 31), (0, 0, 0), (-7, 10, 9), (1999, 100, 7)] {
            #expect(ReferenceKeys.isoDate(year: year, month: month, day: day) == String(format: "%04d-%02d-%02d", year, month, day))
            #expect(ReferenceKeys.isoDate(year: nil, month: month, day: day) == String(format: "--%02d-%02d", month, day))
        }
        #expect(keys("on 12 March 2015", .en) == ["date:2015-03-12"])
    }
}
