import Foundation
import Testing
@testable import Concord

/// The offline plausibility checks on realistic resolution text: a GA resolution's session
/// against the date it is cited with, and SC resolution years against each other.
@Suite struct PlausibilityChecksTests {
    func findings(_ text: String, file: String) -> [Finding] {
        let format: SourceFormat = file.hasSuffix(".md") ? .markdown : .plainText
        let document = DocumentReader().read(source: SourceText(text), file: file, format: format)
        return TestPipeline.findings(document).filter { $0.rule.rawValue.hasPrefix("plausibility.") }
    }

    @Test func gaSessionDateInEnglishWithACitationList() {
        let clean = """
            The General Assembly,

            *Recalling* its resolutions 44/12 C of 9 December 1989, 45/3 D of 4 December 1990, its resolution 2832 (XXVI) of 16 December 1971 and its resolution ES-10/2 of 25 April 1997,

            1. *Reaffirms* its resolution 64/293 of 30 July 2010 and resolutions 70/1 of 25 September 2015, 72/279 of 31 May 2018 and 1514 (XV) of 14 December 1960;

            """
        #expect(findings(clean, file: "res.en.md").isEmpty)
        // 45/3 carries 44/12's year; 2832 (XXVI) a year of the thirtieth session.
        let wrong = clean.replacingOccurrences(of: "72/279 of 31 May 2018", with: "72/279 of 31 May 2017")
            .replacingOccurrences(of: "2832 (XXVI) of 16 December 1971", with: "2832 (XXVI) of 16 December 1975")
        let found = findings(wrong, file: "res.en.md")
        #expect(found.map(\.rule) == [.plausibilityGASessionDate, .plausibilityGASessionDate])
        #expect(found.map(\.severity) == [.warning, .warning])
        #expect(found.contains { $0.message == "resolution 72/279 in operative paragraph 1 is dated 31 May 2017, but resolutions of session 72 were adopted from September 2017 to September 2018: the number or the date is wrong" })
        #expect(found.contains { $0.message.hasPrefix("resolution 2832(XXVI) in ") && $0.message.contains("session 26 were adopted from September 1971 to September 1972") })
        // A special session by the table of Rules/sessions.yml.
        let special = findings(clean.replacingOccurrences(of: "ES-10/2 of 25 April 1997", with: "ES-10/2 of 25 April 1995"), file: "res.en.md")
        #expect(special.count == 1)
        #expect(special.first?.message.contains("is dated 25 April 1995, but resolutions of emergency special session 10 were adopted from 1997 onwards") == true)
    }

    @Test func gaSessionDateInFrenchAndChineseWithTheDateBefore() {
        let french = "L'Assemblée générale,\n\n1. *Rappelle* ses résolutions 64/293 du 30 juillet 2010 et 65/1 du 22 septembre 2012 ;\n"
        let found = findings(french, file: "res.fr.md")
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("resolution 65/1 ") == true)
        #expect(findings(french.replacingOccurrences(of: "2012", with: "2010"), file: "res.fr.md").isEmpty)
        let chinese = "大会，\n\n1. 回顾其2010年7月30日第64/293号决议；\n\n2. 又回顾大会2012年9月22日第65/1号决议；\n"
        let chineseFound = findings(chinese, file: "res.zh.md")
        #expect(chineseFound.count == 1)
        #expect(chineseFound.first?.message.hasPrefix("resolution 65/1 ") == true)
        #expect(findings(chinese.replacingOccurrences(of: "2012年9月22日", with: "2010年9月22日"), file: "res.zh.md").isEmpty)
    }

    @Test func scYearNamesTheOddOneAndTheYearsItsNeighboursAllow() {
        let text = """
            The General Assembly,

            *Recalling* Security Council resolutions 1325 (2000), 1820 (2008), 1888 (2009) and 1960 (2010), and resolution 2242 (2015),

            1. *Recalls* Security Council resolution 1325 (2000) and resolution 1889 (2009);

            """
        #expect(findings(text, file: "res.en.md").isEmpty)
        let wrong = text.replacingOccurrences(of: "1889 (2009)", with: "1889 (2011)")
        let found = findings(wrong, file: "res.en.md")
        #expect(found.map(\.rule) == [.plausibilitySCYear])
        #expect(found.first?.message == "Security Council resolution 1889 (2011) in operative paragraph 1 contradicts 1960 (2010) cited in the same document: given 1888 (2009) and 1960 (2010), its year can only be 2009 to 2010")
        let chinese = "大会，\n\n1. 回顾安全理事会第1325(2000)号、第1820(2008)号和第1888(2009)号决议；\n\n2. 又回顾安全理事会第1612(2010)号决议；\n"
        let chineseFound = findings(chinese, file: "res.zh.md")
        #expect(chineseFound.count == 1)
        #expect(chineseFound.first?.message.hasPrefix("Security Council resolution 1612 (2010)") == true)
    }

    @Test func sessionsFileExamples() throws {
        let sessions = try RuleSet.standard().sessions
        let examples = try #require(sessions.examples)
        #expect(!examples.match.isEmpty && !examples.noMatch.isEmpty)
        for example in examples.match {
            #expect(sessions.contradicts(resolution: example.resolution, date: example.date) == nil, "\(example.resolution) \(example.date)")
        }
        for example in examples.noMatch {
            #expect(sessions.contradicts(resolution: example.resolution, date: example.date) != nil, "\(example.resolution) \(example.date)")
        }
        #expect(sessions.window(of: "S-99") == nil)
    }

    /// The English GA resolutions of the eightieth session are clean: no finding of either check.
    @Test func noPlausibilityFindingOnTheEnglishCorpus() throws {
        guard let folder = Paths.shared("corpus/en-ga-80-txt") else { return }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count >= 10)
        var corrupted = 0
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            let document = try DocumentReader().read(path: path)
            let found = TestPipeline.findings(document).filter { $0.rule.rawValue.hasPrefix("plausibility.") }
            #expect(found.isEmpty, "\(name): \(found.map(\.message))")
            // The same file with one GA resolution's adoption year moved on by five: found.
            let text = try String(contentsOfFile: path, encoding: .utf8)
            guard let match = text.firstMatch(of: /resolution (\d{2})\/\d+ of (\d{1,2}) ([A-Z][a-z]+) (\d{4})/) else { continue }
            let year = Int(match.output.4)!
            let wrong = text.replacingCharacters(in: match.output.4.startIndex..<match.output.4.endIndex, with: String(year + 5))
            let wrongDocument = DocumentReader().read(source: SourceText(wrong), file: name, format: .plainText)
            let wrongFound = TestPipeline.findings(wrongDocument).filter { $0.rule == .plausibilityGASessionDate }
            #expect(wrongFound.count == 1, "\(name): \(match.output.0) with \(year + 5)")
            corrupted += 1
        }
        #expect(corrupted >= 3)
    }
}
