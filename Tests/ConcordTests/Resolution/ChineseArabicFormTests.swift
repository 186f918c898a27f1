import Foundation
import Testing
@testable import Concord

/// The Chinese and Arabic forms of the kinds of issue 14's third round (written for it, not
/// taken from the held-out half): each gives the keys the English form gives, so that
/// `compare --aligned` holds the versions of a segment to the same reference.
@Suite struct ChineseArabicFormTests {
    let comparison = AlignedComparison(rules: TestRules.shared)

    func keys(_ text: String, _ language: Language) -> [String] {
        comparison.keys(of: Array(text.utf16), language: language)
    }

    @Test(arguments: [
        // A range of articles: one key, as a range of paragraphs (`paragraph:9-11`).
        ["en": "as provided in articles 3 to 5 of the Convention",
         "zh": "依照《公约》第3条至第5条的规定",
         "ar": "على النحو المنصوص عليه في المواد من 3 إلى 5 من الاتفاقية"],
        ["en": "as provided in articles 3 to 5 of the Convention",
         "zh": "依照《公约》第三条至第五条的规定"],
        ["en": "as provided in articles 3 to 5 of the Convention",
         "zh": "依照《公约》第3至5条的规定",
         "ar": "على النحو المنصوص عليه في المواد 3-5 من الاتفاقية"],
        // A session in digits, and the short form 届会.
        ["en": "at the 59th session of the Commission on the Status of Women",
         "zh": "在妇女地位委员会第五十九届会上",
         "ar": "في الدورة 59 للجنة وضع المرأة"],
        // A rule of the body's own rules of procedure.
        ["en": "under rule 5 of its rules of procedure",
         "zh": "依照其议事规则第5条",
         "ar": "وفقا للمادة 5 من نظامها الداخلي"],
        // A whole line that is an article with its paragraph (no heading: a heading carries no
        // paragraph pin), the number written place by place in Chinese.
        ["en": "Article 163, paragraph 7",
         "zh": "第一六三条第7款",
         "ar": "الفقرة 7 من المادة 163"],
    ])
    func everyVersionGivesTheEnglishKeys(versions: [String: String]) throws {
        try PinFormTests.expectTheEnglishKeys(versions, keys: keys)
    }

    /// The keys themselves, so that agreement cannot come from every version giving nothing.
    @Test func theCanonicalKeys() {
        #expect(keys("依照《公约》第3条至第5条的规定", .zh) == ["article:3-5"])
        #expect(keys("依照《公约》第十五至二十五条", .zh) == ["article:15-25"])
        #expect(keys("依照《公约》第十六和十八条", .zh) == ["article:16", "article:18"])
        #expect(keys("وفقا للمواد 261-265 من الاتفاقية", .ar) == ["article:261-265"])
        // After the dual, 2-1 is article 2.1, no range.
        #expect(keys("وعملا بالمادتين 2-1 و 2-3 من النظام الأساسي المقترح", .ar) == ["article:2"])
        #expect(keys("依照第5条规则，委员会选举主席团成员。", .zh) == ["rule:5"])
        #expect(keys("第一六三条第7款", .zh) == ["article:163(7)"])
        // A heading alone names the unit it opens: no reference.
        #expect(keys("第一六三条", .zh) == [])
        #expect(keys("Article 163", .en) == [])
        // Not a session: a course of days.
        #expect(keys("دورة تدريبية مدتها 5 أيام", .ar) == [])
        #expect(keys("第三届会员国会议", .zh) == [])
    }

    /// A budget section of the tuned half (unpc-test line 1539): zh `第2款(工作人员费用)` and ar
    /// `الباب 2، "تكاليف الموظفين"` give `section:2`, which compares alike with French
    /// `chapitre 2` (`chapter:2`: section and chapter are interchangeable in checks.yml).
    @Test func theBudgetSectionOfTheTunedHalf() throws {
        let line = 1539
        for language in [Language.zh, .ar] {
            guard let path = Paths.shared("corpus/unpc-test/testset.\(language.rawValue)") else { return }
            let data = try #require(FileManager.default.contents(atPath: path))
            let source = try SourceDecoder.decode([UInt8](data), file: path)
            let segment = Array(source.units[source.lineRange(line - 1)])
            #expect(comparison.keys(of: segment, language: language).contains("section:2"), "\(language.rawValue) line \(line)")
        }
    }
}
