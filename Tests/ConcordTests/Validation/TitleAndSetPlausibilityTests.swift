import Foundation
import Testing
@testable import Concord

/// `plausibility.conflicting-title` (one document) and `set.conflicting-date`,
/// `set.conflicting-title` (the language versions of one set), on real documents: clean, then
/// with one change.
@Suite struct TitleAndSetPlausibilityTests {
    static let rules: Set<CheckID> = [.plausibilityConflictingTitle, .setConflictingDate, .setConflictingTitle]

    func findings(_ text: String, file: String) -> [Finding] {
        TestPipeline.findings(text, file: file, of: [.plausibilityConflictingTitle])
    }

    /// The findings of the new checks on a set written to a temporary folder (file name → text).
    func setFindings(_ files: [(String, String)]) throws -> [Finding] {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let sets = DocumentSet.group(files.map { folder.appendingPathComponent($0.0).path })
        return TestPipeline.report(sets).findings.filter { Self.rules.contains($0.rule) }
    }

    @Test func cleanCorporaGiveNoTitleFinding() throws {
        for (file, found) in try TestPipeline.findingsOnEnglishGA80(of: [.plausibilityConflictingTitle]).sorted(by: { $0.key < $1.key }) {
            #expect(found.isEmpty, "\(file): \(found.map(\.message))")
        }
        // Every set of Corpora/ (six-language resolution, treaty, report, and their defects).
        let report = TestPipeline.report(DocumentSet.group(InputFiles.expand([Paths.corpora("seed"), Paths.corpora("treaty"), Paths.corpora("report"), Paths.corpora("docx")])))
        let found = report.findings.filter { Self.rules.contains($0.rule) }
        #expect(found.isEmpty, "\(found.map(\.message))")
    }

    /// The title patterns run only where the pre-scan lets them (a unit with `entitled`, from
    /// there): the matches are those of the pattern run everywhere, on every line of the seed
    /// in its six languages and of the English resolutions of session 80 (text and Markdown).
    @Test func titlesAreFoundWhereThePatternRunEverywhereFindsThem() throws {
        var texts = [(Language, String)]()
        for language in Language.official {
            texts.append((language, try String(contentsOfFile: Paths.corpora("seed/res-6-1.\(language.rawValue).txt"), encoding: .utf8)))
        }
        for corpus in ["en-ga-80-txt", "en-ga-80-md"] {
            let folder = try #require(Paths.shared("corpus/\(corpus)"))
            for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where name.hasPrefix("A_RES_80_") {
                texts.append((.en, try String(contentsOfFile: folder + "/" + name, encoding: .utf8)))
            }
        }
        var matched = 0, lines = 0
        for (language, text) in texts {
            let rules = try #require(TestRules.shared.languages[language]?.titles, "\(language) has titles")
            for line in text.split(separator: "\n") {
                let units = NormalizedText(String(line)).units
                let everywhere = rules.regex.matches(in: units).map { $0.groups }
                #expect(rules.matches(in: units).map { $0.groups } == everywhere, "\(language): \(line)")
                matched += everywhere.count
                lines += 1
            }
        }
        #expect(matched >= 20 && lines >= 1000, "\(matched) titles in \(lines) lines")
    }

    @Test func aSecondTitleInResolution80Slash9() throws {
        guard let path = Paths.shared("corpus/en-ga-80-txt/A_RES_80_9.txt") else { return }
        let clean = try String(contentsOfFile: path, encoding: .utf8)
        let file = "A_RES_80_9.en.txt"
        #expect(findings(clean, file: file).isEmpty)
        let anchor = "We reaffirm the crucial importance of universal ratification"
        #expect(clean.contains(anchor))
        // 79/1 cited again, with another title.
        let other = findings(clean.replacingOccurrences(of: anchor, with: "We recall resolution 79/1 entitled “The Pact for Tomorrow” and reaffirm the crucial importance of universal ratification"), file: file)
        #expect(other.count == 1, "\(other.map(\.message))")
        #expect(other.first?.message.hasPrefix("resolution 79/1 is entitled “The Pact for Tomorrow” in annex paragraph 4 but “The Pact for the Future” in annex paragraph 3") == true, "\(other.map(\.message))")
        // The same title written otherwise (case, straight quotes, a comma inside) is no conflict.
        let same = findings(clean.replacingOccurrences(of: anchor, with: "We recall resolution 79/1 entitled \"the pact for  the future,\" and reaffirm the crucial importance of universal ratification"), file: file)
        #expect(same.isEmpty, "\(same.map(\.message))")
    }

    @Test func theSeedSetWithASecondFrenchTitle() throws {
        let languages = ["ar", "en", "es", "fr", "ru", "zh"]
        var files = try languages.map { ("res-6-1.\($0).txt", try String(contentsOfFile: Paths.corpora("seed/res-6-1.\($0).txt"), encoding: .utf8)) }
        #expect(try setFindings(files).isEmpty)
        let anchor = "Rappelant que le thème du treizième Congrès"
        #expect(files[3].1.contains(anchor))
        files[3].1 = files[3].1.replacingOccurrences(of: anchor, with: "Rappelant sa résolution 5/1, intitulée « Appliquer la Convention », et rappelant que le thème du treizième Congrès")
        let found = try setFindings(files)
        #expect(Set(found.map(\.rule)) == [.plausibilityConflictingTitle, .setConflictingTitle], "\(found.map(\.message))")
        let set = found.first { $0.rule == .setConflictingTitle }
        #expect(set?.location.file.hasSuffix("res-6-1.fr.txt") == true)
        #expect(set?.message.hasPrefix("the fr version gives resolution CTOC/COP/5/1 2 different titles (“Assurer la bonne application") == true, "\(found.map(\.message))")
        #expect(set?.message.contains("; ar, en, es, ru, zh give it one title") == true, "\(found.map(\.message))")
    }

    /// Ten aligned lines of the development set (UN parallel corpus) as a set of six versions:
    /// Security Council resolution 1990 (2011) of 27 June 2011, in line 5.
    @Test func aDateChangedInOneVersionOfAlignedText() throws {
        var files = [(String, String)]()
        for language in ["en", "fr", "es", "ru", "zh", "ar"] {
            guard let path = Paths.shared("corpus/unpc-dev-1-2000/devset.\(language)") else { return }
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            files.append(("slice.\(language).txt", lines[80..<90].joined(separator: "\n") + "\n"))
        }
        #expect(try setFindings(files).isEmpty)
        #expect(files[0].1.contains("of 27 June 2011"))
        files[0].1 = files[0].1.replacingOccurrences(of: "of 27 June 2011", with: "of 17 June 2011")
        let found = try setFindings(files)
        #expect(found.map(\.rule) == [.setConflictingDate], "\(found.map(\.message))")
        #expect(found.first?.location.file.hasSuffix("slice.en.txt") == true)
        #expect(found.first?.message.hasPrefix("the en version dates resolution 1990 (2011) 2011-06-17 (17 June 2011 in ") == true, "\(found.map(\.message))")
        #expect(found.first?.message.contains("date it 2011-06-27") == true, "\(found.map(\.message))")
    }
}
