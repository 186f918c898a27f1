import Foundation
import Testing
@testable import Concord

/// 2,000 real UN sentences, line-aligned in the six languages
/// (../shared/corpus/unpc-dev-1-2000): where the English sentence holds a reference, every
/// language must give the same keys. The rates are regression floors at what the rules reach
/// (see the closing note); the segments that still differ are mostly real
/// differences between the translations (a date or session number that differs).
@Suite struct AlignedAgreementTests {
    static func versions(_ languages: [Language]) -> [AlignedComparison.Version]? {
        var versions = [AlignedComparison.Version]()
        for language in languages {
            guard let path = Paths.shared("corpus/unpc-dev-1-2000/devset.\(language.rawValue)"),
                  let data = FileManager.default.contents(atPath: path),
                  let source = try? SourceDecoder.decode([UInt8](data), file: path) else { return nil }
            versions.append(.init(file: path, language: language, source: source))
        }
        return versions
    }

    /// Measured on 2026-11-29: fr 98.4 %, es 99.0 %, ru 98.4 %, zh 97.7 %, ar 97.7 % of 307
    /// segments; all six together 92.8 % (most of the rest are real translation differences).
    /// On 2026-12-02 the pins of chapters, annexes, rules, sections and parts made 325
    /// segments with references, 300 of them agreeing in all six (92.3 %, 15 more than
    /// before); of the 18 new segments 4 differ, each a real difference between the
    /// translations (line 55: ru `приложении IIIa` for annex III; 56: es `anexo 2` for
    /// "Schedule 2"; 692: fr, zh, ar `article 3300` for "section 3300"; 993: ru `статьей VI`
    /// for "Chapter VI"); ru 97.8 %.
    static let floors: [Language: Double] = [.fr: 0.98, .es: 0.985, .ru: 0.975, .zh: 0.97, .ar: 0.97]

    @Test(arguments: [Language.fr, .es, .ru, .zh, .ar])
    func eachLanguageAgreesWithEnglish(language: Language) throws {
        guard let versions = Self.versions([.en, language]) else { return }
        let segments = AlignedComparison(rules: TestRules.shared).segments(versions)
        #expect(segments.count >= 290, "English segments with references: \(segments.count)")
        let rate = Double(segments.filter(\.agrees).count) / Double(segments.count)
        #expect(rate >= Self.floors[language]!, "en–\(language.rawValue) agreement \(rate)")
    }

    /// The tuning half of the held-out corpus (../shared/corpus/unpc-test, lines 1-2000; the
    /// lines after 2000 are measured only by scripts/measure-aligned, never read by a test).
    /// Measured on 2026-12-02: 90.7 % of 323 segments agree in all six languages.
    @Test func theTuningHalfOfTheTestSet() throws {
        var versions = [AlignedComparison.Version]()
        for language in [Language.en, .fr, .es, .ru, .zh, .ar] {
            guard let path = Paths.shared("corpus/unpc-test/testset.\(language.rawValue)") else { return }
            let data = try #require(FileManager.default.contents(atPath: path))
            versions.append(.init(file: path, language: language, source: try SourceDecoder.decode([UInt8](data), file: path)))
        }
        let segments = AlignedComparison(rules: TestRules.shared).segments(versions, lines: 1...2000)
        #expect(segments.allSatisfy { $0.line <= 2000 })
        #expect(segments.count >= 315)
        let rate = Double(segments.filter(\.agrees).count) / Double(segments.count)
        #expect(rate >= 0.90, "six-language agreement on unpc-test 1-2000: \(rate)")
    }

    @Test func allSixLanguagesAgree() throws {
        guard let versions = Self.versions([.en, .fr, .es, .ru, .zh, .ar]) else { return }
        let segments = AlignedComparison(rules: TestRules.shared).segments(versions)
        let rate = Double(segments.filter(\.agrees).count) / Double(segments.count)
        #expect(rate >= 0.92, "six-language agreement \(rate)")
    }
}
