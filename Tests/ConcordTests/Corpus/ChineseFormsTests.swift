import Foundation
import Testing
@testable import Concord

/// Chinese forms of references (issue 14) on real aligned UN sentences of the tuned half
/// (../shared/corpus/unpc-test lines 1–2000, unpc-dev-1-2000): the Chinese line must give
/// the keys the English line gives. Lines 2001–4000 of unpc-test are never read here.
@Suite struct ChineseFormsTests {
    /// Line `number` (1-based) of `corpus/FILE.LANG` in ../shared.
    static func line(_ file: String, _ language: Language, _ number: Int) throws -> [UInt16]? {
        guard let path = Paths.shared("corpus/\(file).\(language.rawValue)") else { return nil }
        let data = try #require(FileManager.default.contents(atPath: path))
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        try #require(number <= lines.count)
        return Array(String(lines[number - 1]).utf16)
    }

    static func keys(_ file: String, _ language: Language, _ number: Int) throws -> [String]? {
        guard let units = try line(file, language, number) else { return nil }
        return AlignedComparison(rules: TestRules.shared).keys(of: units, language: language)
    }

    /// (file, line, the keys both versions must give)
    static let agreeing: [(String, Int, [String])] = [
        // 第一六三条第7款: a number written place by place (number-words)
        ("unpc-test/testset", 1565, ["article:163(7)"]),
        // 2015年5月26日至6月3日和6月12日: the third date carries the first one's year
        ("unpc-test/testset", 463, ["date:2015-05-26", "date:2015-06-03", "date:2015-06-12"]),
        // 2015年2月2日至6日以及2月17日至20日
        ("unpc-test/testset", 421, ["date:2015-02-02", "date:2015-02-06", "date:2015-02-17", "date:2015-02-20", "session:37"]),
        // 第三十五届海湾阿拉伯国家合作委员会: the session ordinal on the council itself
        ("unpc-test/testset", 1830, ["session:35"]),
        // 第29F.31段: a budget fascicle's paragraph, keyed by its number as English keys it
        ("unpc-test/testset", 1375, ["paragraph:29"]),
    ]

    @Test(arguments: agreeing.indices)
    func theChineseLineGivesTheEnglishKeys(index: Int) throws {
        let (file, number, expected) = Self.agreeing[index]
        guard let english = try Self.keys(file, .en, number), let chinese = try Self.keys(file, .zh, number) else { return }
        // A date without its year (`from 2 to 6 February and from 17 to 20 February 2015`)
        // stands for the full date of that day and month, as the comparison reads it.
        let filled = english.map { key in
            guard key.hasPrefix("date:--") else { return key }
            return expected.first { $0.hasPrefix("date:") && $0.hasSuffix("-" + key.dropFirst(7)) } ?? key
        }
        #expect(filled == expected, "\(file) line \(number), en")
        #expect(chinese == expected, "\(file) line \(number), zh")
    }

    /// 款 of a budget is a section (第2款(工作人员费用) = section 2, "Staff costs"), not a
    /// paragraph; 款 after an article stays that article's paragraph.
    @Test func budgetSectionsAreSections() throws {
        guard let budget = try Self.keys("unpc-test/testset", .zh, 1539) else { return }
        #expect(budget.filter { !$0.hasPrefix("date:") } == ["section:2"])
        guard let article = try Self.keys("unpc-test/testset", .zh, 1565) else { return }
        #expect(article == ["article:163(7)"])
    }

    /// 2014年11月19日和23日及12月29日: the date after a day of the same month keeps the year.
    @Test func aDateAfterADayOfTheSameList() throws {
        guard let chinese = try Self.keys("unpc-dev-1-2000/devset", .zh, 1090) else { return }
        #expect(chinese == ["date:2014-11-19", "date:2014-11-23", "date:2014-12-29"])
    }

    /// A range written with the unit word on both ends gives the one key English gives for
    /// `paragraphs 9 to 11` and `paragraphs 9-11` (texts written for this test: the tuned
    /// half holds no such range).
    @Test func paragraphRangesKeyedAsInEnglish() {
        let comparison = AlignedComparison(rules: TestRules.shared)
        let english = comparison.keys(of: Array("See paragraphs 9 to 11 of the report.".utf16), language: .en)
        let hyphen = comparison.keys(of: Array("See paragraphs 9-11 of the report.".utf16), language: .en)
        #expect(english == ["paragraph:9-11"])
        #expect(hyphen == english)
        for text in ["见报告第9段至第11段。", "见报告第9至第11段。", "见报告第9至11段。"] {
            #expect(comparison.keys(of: Array(text.utf16), language: .zh) == english, "\(text)")
        }
    }

    /// 第二十一届…缔约方会议 keys as en `twenty-first session of the Conference of the Parties`.
    @Test func theSessionOnTheConferenceOfTheParties() {
        let comparison = AlignedComparison(rules: TestRules.shared)
        let english = comparison.keys(of: Array("adopted at the twenty-first session of the Conference of the Parties".utf16), language: .en)
        #expect(english == ["session:21"])
        for text in ["第二十一届缔约方会议通过", "在《联合国气候变化框架公约》第二十一届缔约方会议上通过", "第二十一届《联合国气候变化框架公约》缔约方会议"] {
            #expect(comparison.keys(of: Array(text.utf16), language: .zh) == english, "\(text)")
        }
        #expect(comparison.keys(of: Array("第三届发展筹资问题国际会议".utf16), language: .zh) == [])
    }
}
