import Foundation
import Testing
@testable import Concord

/// `set.number-mismatch`: figures and years outside citations compared across the language
/// versions, on the seed set (clean, then with one year changed in one version), on every
/// clean set of Corpora/, and on the 2,000 aligned UN sentences the rules are tuned on.
@Suite struct NumberMismatchTests {
    func reader(_ language: Language) -> NumberReader {
        NumberReader(format: TestRules.shared.languages[language]!.numberFormat)
    }

    func values(_ text: String, _ language: Language) -> [String] {
        reader(language).numbers(in: Array(text.utf16)).map(\.value)
    }

    @Test func digitScriptsAndThousandsSeparatorsReadAlike() {
        #expect(values("1,000 and 2015", .en) == ["1000", "2015"])
        #expect(values("1 000 et 2015", .fr) == ["1000", "2015"])
        #expect(values("1\u{202F}000 et 2,5", .fr) == ["1000", "2.5"])
        #expect(values("1.000 y 2015", .es) == ["1000", "2015"])
        #expect(values("1 000 и 2015", .ru) == ["1000", "2015"])
        #expect(values("١٬٠٠٠ و٢٠١٥", .ar) == ["1000", "2015"])
        #expect(values("۱۰۰۰", .ar) == ["1000"])
        #expect(values("１,０００和２０１５年", .zh) == ["1000", "2015"])
        // A list is no thousands group; a month in digits is not compared in Chinese.
        #expect(values("paragraphs 1, 2 and 3", .en) == ["1", "2", "3"])
        #expect(values("2015年9月25日", .zh) == ["2015", "25"])
        #expect(reader(.fr).spelled(in: Array("pendant cinq ans".utf16)) == ["5"])
        #expect(reader(.ru).spelled(in: Array("в течение пяти лет".utf16)) == ["5"])
    }

    /// The `skip` patterns that start with a digit are tried at the digits only: the same
    /// ranges as a search through the whole text, on written texts (digits of four scripts,
    /// one outside the BMP, which sends the text to the search) and on every corpus text in
    /// every language.
    @Test func skipPatternsTriedAtTheDigitsFindWhatASearchFinds() throws {
        let readers = Language.official.map(reader)
        // The patterns of the rules that start with a digit are tried so (else this measures nothing).
        #expect(readers.map { $0.format.skipAtDigits.filter { $0 }.count }.reduce(0, +) >= 6)
        let written: [(Language, String, Int)] = [
            (.en, "at 10.23 a.m. on 12 February 2015, and at 6 p.m.", 2),
            (.en, "at 1023 a.m. and 123 p.m.", 0),
            (.es, "a las 10.30 horas y a las 9 h", 2),
            (.fr, "à 10 h 30 et à 15 heures", 2),
            (.ru, "в 10 ч. 30 мин. и в 15.00 часов", 2),
            (.zh, "２０１５年９月２５日 下午3时30分 1.5万", 3),
            (.ar, "الساعة ١٠:٣٠ و الساعة 9", 3),  // both patterns take ١٠
            (.en, "at \u{1E951}\u{1E950} a.m. and 7 p.m.", 2),
            (.zh, "\u{1E951}月 and 9月", 2),
        ]
        for (language, text, count) in written {
            let reader = reader(language)
            let units = Array(text.utf16)
            #expect(reader.skipped(in: units) == reader.skipped(in: units, atDigits: false), "\(text)")
            #expect(reader.skipped(in: units).count == count, "\(text)")
        }
        guard let texts = try LowercaseWordsTests.corpusTexts() else { return }
        var differences = [String](), skipped = 0
        for units in texts {
            for reader in readers {
                let found = reader.skipped(in: units)
                skipped += found.count
                if found != reader.skipped(in: units, atDigits: false) {
                    differences.append(String(decoding: units.prefix(60), as: UTF16.self))
                }
            }
        }
        #expect(differences.isEmpty, "\(differences.count): \(differences.prefix(3))")
        #expect(skipped > 100, "\(skipped) ranges skipped")
    }

    @Test func majorityNamesTheOddVersionOnlyForASubstitution() {
        let five = [Set(["2015"]), ["2015"], ["2015"], ["2015"], ["2015"]]
        #expect(NumberComparison.compare(digits: five + [["2016"]], words: Array(repeating: [], count: 6))
            == .odd([.init(version: 5, extra: ["2016"], missing: ["2015"], agreeing: [0, 1, 2, 3, 4])]))
        // Only left out (spelled out, or translated away) or only added: no finding.
        #expect(NumberComparison.compare(digits: five + [[]], words: Array(repeating: [], count: 6)) == .agree)
        #expect(NumberComparison.compare(digits: five + [["2015", "9"]], words: Array(repeating: [], count: 6)) == .agree)
        // `five` in one version, `5` in the others.
        let spelled = [Set(["5", "2015"]), ["5", "2015"], ["2015", "6"]]
        #expect(NumberComparison.compare(digits: spelled, words: [[], [], []]) != .agree)
        #expect(NumberComparison.compare(digits: spelled, words: [["6"], ["6"], ["5"]]) == .agree)
        // Two versions: no majority, one finding naming both.
        #expect(NumberComparison.compare(digits: [["2015"], ["2016"]], words: [[], []]) == .tie([0, 1]))
    }

    func seedCopy(changing language: String? = nil, _ old: String = "", _ new: String = "") throws -> URL {
        let directory = try Paths.temporaryDirectory()
        for code in ["ar", "en", "es", "fr", "ru", "zh"] {
            let source = URL(fileURLWithPath: Paths.corpora("seed/res-6-1.\(code).txt"))
            var text = try String(contentsOf: source, encoding: .utf8)
            if code == language {
                let changed = text.replacingOccurrences(of: old, with: new)
                #expect(changed != text, "\(old) not found in the \(code) seed")
                text = changed
            }
            try text.write(to: directory.appendingPathComponent("res-6-1.\(code).txt"), atomically: true, encoding: .utf8)
        }
        return directory
    }

    func numberFindings(_ directory: URL) throws -> [Finding] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted().map { directory.appendingPathComponent($0).path }
        let report = TestPipeline.report([DocumentSet(name: "seed", files: files)])
        return report.sets.flatMap(\.findings).filter { $0.rule == .setNumberMismatch }
    }

    @Test func seedSetIsCleanAndOneChangedYearIsNamed() throws {
        #expect(try numberFindings(seedCopy()).isEmpty)
        // `2015` → `2016` in the Russian version only (the others keep `beyond 2015`).
        let found = try numberFindings(seedCopy(changing: "ru", "после 2015 года", "после 2016 года"))
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
        #expect(found.first?.location.file.hasSuffix("res-6-1.ru.txt") == true)
        #expect(found.first?.message.hasPrefix("the ru version gives 2016 in preambular paragraph ") == true, "\(found.first?.message ?? "")")
        #expect(found.first?.message.contains("where ar, en, es, fr, zh give 2015") == true, "\(found.first?.message ?? "")")
        // A figure: `172` parties → `127` in the Chinese version.
        let figure = try numberFindings(seedCopy(changing: "zh", "已达172个", "已达127个"))
        #expect(figure.map(\.message) == ["the zh version gives 127 in operative paragraph 1 where ar, en, es, fr, ru give 172; expected the same figures in every version"])
    }

    @Test func cleanCorporaSetsGiveNoFinding() throws {
        for folder in ["seed", "treaty", "report", "docx"] {
            let result = try CommandResult.run(["check", "--no-cache", "--format", "json", Paths.corpora(folder)])
            #expect(!result.stdout.contains("set.number-mismatch"), "\(folder): \(result.stdout.prefix(2000))")
        }
    }

    /// The 2,000 aligned sentences the rules are tuned on (../shared/corpus/unpc-dev-1-2000):
    /// of the segments in which some version writes a number in digits outside a citation,
    /// the share flagged. Measured on 2026-12-02: 29 of 836 (3.5 %); a ceiling, not a goal: by
    /// 4.1 % after the part-letter and year-less-date keys changed which numbers count as
/// citations (the ceiling is 4.5 %); by a quick look about half are real differences in the corpus (21 vs 22 countries, 1988 vs
    /// 1998, `20142015` with its dash lost), the rest mostly Arabic and Chinese number layouts.
    /// CONCORD_SHOW_FLAGS=1 prints the flagged segments.
    @Test func flagRateOnTheTunedAlignedSentences() throws {
        guard let versions = AlignedAgreementTests.versions([.en, .fr, .es, .ru, .zh, .ar]) else { return }
        let segments = AlignedComparison(rules: TestRules.shared).numberSegments(versions)
        let flagged = segments.filter { $0.outcome != .agree }
        let rate = Double(flagged.count) / Double(segments.count)
        print("set.number-mismatch on unpc-dev-1-2000: \(flagged.count) of \(segments.count) segments with numbers flagged (\(String(format: "%.2f", rate * 100)) %)")
        if ProcessInfo.processInfo.environment["CONCORD_SHOW_FLAGS"] != nil {
            for segment in flagged { print("FLAG \(segment.line) \(segment.outcome) \(segment.numbers)") }
        }
        #expect(segments.count >= 500, "segments with numbers: \(segments.count)")
        #expect(rate <= 0.045, "flag rate \(rate)")
    }
}
