import Testing
@testable import Concord

/// Issue 14: an untranslated phrase of several words in another script inside one unit (an
/// English reference in a Chinese, Russian or Arabic sentence) is read with the rules of the
/// language it is written in, and every key the unit's own rules give is kept. The sentences
/// are invented for these tests, in the way UN versions leave a citation untranslated.
@Suite struct MixedLanguageRunTests {
    func keys(_ text: String, _ language: Language) throws -> [String] {
        let rules = try #require(TestRules.shared.languages[language])
        return CitationExtractor(rules: TestRules.shared).citations(inSegment: Array(text.utf16), language: rules).map(\.key)
    }

    @Test func anEnglishResolutionInAChineseSentence() throws {
        let text = "大会回顾其关于2030年议程的决定，见 General Assembly resolution 70/1 (A/RES/70/1)。"
        let found = try keys(text, .zh)
        #expect(found.filter { $0 == "A/RES/70/1" }.count == 2)  // the resolution read in English, and the symbol
        #expect(Set(found) == ["A/RES/70/1"])
    }

    @Test func anEnglishCouncilResolutionInARussianSentence() throws {
        let text = "Совет ссылается на resolution 2250 (2015) of the Security Council и на резолюцию 1325 (2000) Совета Безопасности от 31 октября 2000 года."
        #expect(Set(try keys(text, .ru)) == ["S/RES/2250(2015)", "S/RES/1325(2000)", "date:2000-10-31"])
    }

    @Test func anEnglishCouncilResolutionInAnArabicSentence() throws {
        let text = "وإذ يشير المجلس إلى resolution 2250 (2015) of the Security Council بشأن الشباب والسلام والأمن،"
        #expect(try keys(text, .ar) == ["S/RES/2250(2015)"])
    }

    /// With no stop word of its own, a French run is told by the rules that read it.
    @Test func aFrenchResolutionInARussianSentence() throws {
        let text = "как указано в документе (voir la résolution 70/1 de l'Assemblée générale), принятом в 2015 году."
        #expect(try keys(text, .ru) == ["A/RES/70/1"])
    }

    /// The Russian rules read the Treaty Series kept in English: the English rules add no
    /// second citation over it.
    @Test func theUnitsOwnKeysAreKept() throws {
        let text = "Организация Объединенных Наций, United Nations, Treaty Series, vol. 634, No. 9068."
        let rules = try #require(TestRules.shared.languages[.ru])
        let citations = CitationExtractor(rules: TestRules.shared).citations(inSegment: Array(text.utf16), language: rules)
        #expect(citations.map(\.key) == ["treaty:634/9068"])
        #expect(citations.map(\.rule) == ["ru.treaty"])
    }

    /// A name or a symbol in Latin letters is no phrase to read: nothing is found in it.
    @Test func namesAndSymbolsAreNoRuns() throws {
        #expect(try keys("方案预算委员会第三十一届会议将由Abel Adelakun Ayoko先生阁下（尼日利亚）宣布开幕。", .zh) == ["session:31"])
        #expect(ScriptRuns.runs(Array("见A/RES/70/1号文件".utf16), otherThan: "Han").isEmpty)
    }

    @Test func aRunRunsToTheNextLetterOfTheUnitsScript() {
        let text = "见 General Assembly resolution 70/1 (A/RES/70/1)。另见"
        let units = Array(text.utf16)
        let runs = ScriptRuns.runs(units, otherThan: "Han")
        #expect(runs.count == 1)
        #expect(runs.first.map { String(decoding: units[$0.range], as: UTF16.self) } == "General Assembly resolution 70/1 (A/RES/70/1)。")
        #expect(runs.first?.script == "Latin")
    }

    /// Words of Han runs are counted per ideograph, of the other scripts per word; the
    /// ideograph property is looked up only from U+3006 on, which holds while no character
    /// before it is ideographic in this toolchain's Unicode.
    @Test func wordsOfARunAndTheFirstIdeograph() {
        #expect(!(0..<0x3006).contains { Unicode.Scalar(UInt32($0)).map { $0.properties.isIdeographic } ?? false })
        #expect(ScriptRuns.runs(Array("См. 大会第七十届会议的决议 и т.д.".utf16), otherThan: "Cyrillic").map(\.words) == [11])
        #expect(ScriptRuns.runs(Array("见 General Assembly resolution 70/1。".utf16), otherThan: "Han").map(\.words) == [3])
    }

    /// In a whole document, the run's citations are found and keyed in English too.
    @Test func inADocument() throws {
        let text = "第70/2号决议\n\n大会，\n\n回顾 resolution 2250 (2015) of the Security Council，又回顾其2015年9月25日第70/1号决议，\n"
        let document = try DocumentReader(language: .zh).read(bytes: Array(text.utf8), file: "mixed.zh.txt")
        let keys = CitationExtractor(rules: TestRules.shared).citations(in: document).map(\.key)
        #expect(Set(keys) == ["S/RES/2250(2015)", "A/RES/70/1", "date:2015-09-25"])
    }
}
