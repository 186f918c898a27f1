import Foundation
import Testing
@testable import Concord

/// `concord check` on the six-language seed set, on the defect sets, on real resolutions.
@Suite struct CheckCommandTests {
    func check(_ paths: [String]) -> CheckReport {
        let files = InputFiles.expand(paths.map { Paths.repository.appendingPathComponent($0).path })
        return TestPipeline.report(DocumentSet.group(files))
    }

    @Test func theConsistentSixLanguageSetIsClean() {
        let report = check(["Corpora/seed"])
        #expect(report.sets.count == 1)
        #expect(report.sets[0].languages == [.ar, .en, .es, .fr, .ru, .zh])
        #expect(report.findings.isEmpty)
    }

    /// Each defect set: exactly the expected findings, in the right file and line, with the
    /// odd language named.
    @Test(arguments: [
        ("wrong-symbol", [("set.citation-mismatch", "ru", 85, "the ru version cites CTOC/COP/WG.4/2011/9 in footnote 5; ar, en, es, fr, zh cite CTOC/COP/WG.4/2011/8")]),
        ("missing-footnote", [("set.footnote-count", "zh", 79, "the zh version has 7 footnotes; ar, en, es, fr, ru have 8: footnote 6 of the others (treaty:2237/39574) is missing")]),
        ("swapped-volume", [("set.citation-mismatch", "es", 51, "the es version cites treaty:2252/39574 in footnote 3; ar, en, fr, ru, zh cite treaty:2225/39574"),
                            ("treaty.contradiction", "es", 51, "Treaty Series vol. 2252 is not a volume of No. 39574 (its volumes: 2225, 2237, 2241, 2326)")]),
        ("dropped-ibid", [("set.citation-mismatch", "ar", 69, "the ar version does not cite treaty:2237/39574, treaty:2241/39574, treaty:2326/39574 in footnote 4, as en, es, fr, ru, zh do")]),
        ("renumbered-paragraph", [("paragraph.numbering-gap", "en", 79, "operative paragraph 13 follows 11: 12 is missing"),
                                  ("set.paragraph-count", "en", 79, "the en version numbers operative paragraph 12 as 13; ar, es, fr, ru, zh number it 12"),
                                  ("paragraph.duplicate-number", "en", 81, "two operative paragraphs are numbered 13")]),
        ("moved-marker", [("set.marker-moved", "fr", 95, "in the fr version the marker of footnote 8 stands in operative paragraph 17; ar, en, es, ru, zh have it in operative paragraph 16")]),
        ("different-own-number", [("set.identity-mismatch", "es", 3, "the es version gives its own number as 6/8; ar, en, fr, ru, zh give 6/1")]),
    ] as [(String, [(String, String, Int, String)])])
    func defectSet(name: String, expected: [(String, String, Int, String)]) throws {
        let report = check(["Corpora/defects/\(name)"])
        #expect(report.sets.count == 1)
        let found = report.findings.map { ($0.rule.rawValue, String($0.location.file.dropLast(4).suffix(2)), $0.location.line, $0.message) }
        #expect(found.count == expected.count)
        for (f, e) in zip(found, expected) {
            #expect(f.0 == e.0 && f.1 == e.1 && f.2 == e.2 && f.3 == e.3, "\(f) ≠ \(e)")
        }
        // Findings about the set point at the same unit in the other versions.
        for finding in report.findings where finding.rule.rawValue.hasPrefix("set.") {
            #expect(finding.related.count == 5)
        }
    }

    /// The text report of every defect set is its expected report, byte for byte.
    @Test(arguments: ["wrong-symbol", "missing-footnote", "swapped-volume", "dropped-ibid", "renumbered-paragraph", "moved-marker",
                      "different-own-number"])
    func expectedReports(name: String) throws {
        let result = try CommandResult.run(["check", "Corpora/defects/\(name)"], currentDirectory: Paths.repository)
        #expect(result.status == 1)
        let expected = try String(contentsOf: Paths.repository.appendingPathComponent("Corpora/defects/\(name)/expected.report"), encoding: .utf8)
        #expect(result.stdout == expected)
    }

    /// The treaty's and the report's defect sets (Corpora/treaty-defects, Corpora/report-defects,
    /// one changed version each): their expected reports, byte for byte (a set whose only
    /// finding is a warning exits 0); the clean treaty and report sets give no finding.
    @Test(arguments: [("treaty-defects/changed-article-reference", 1), ("treaty-defects/changed-paragraph-reference", 1),
                      ("treaty-defects/missing-article", 1), ("treaty-defects/renumbered-article", 1),
                      ("report-defects/dropped-footnote", 1), ("report-defects/missing-paragraph", 1),
                      ("report-defects/wrong-direction", 0), ("report-defects/wrong-paragraph-reference", 1)])
    func treatyDefectReports(name: String, status: Int32) throws {
        let result = try CommandResult.run(["check", "Corpora/\(name)"], currentDirectory: Paths.repository)
        #expect(result.status == status)
        let expected = try String(contentsOf: Paths.repository.appendingPathComponent("Corpora/\(name)/expected.report"), encoding: .utf8)
        #expect(result.stdout == expected)
        let clean = try CommandResult.run(["check", "Corpora/\(name.hasPrefix("report") ? "report" : "treaty")"], currentDirectory: Paths.repository)
        #expect(clean.status == 0, "\(clean.stdout)")
        #expect(clean.stdout.hasSuffix("concord: 0 errors, 0 warnings, 0 notes in 6 files (1 document set)\n"), "\(clean.stdout)")
    }

    /// The six-language report (Corpora/report) gives no finding: every reference is read to
    /// the same key in every version (issue 13: clean sets give no finding).
    @Test func theReportSetIsClean() {
        let report = check(["Corpora/report"])
        #expect(report.sets.count == 1)
        #expect(report.sets[0].languages == [.ar, .en, .es, .fr, .ru, .zh])
        #expect(report.findings.map { "\($0.location.file):\($0.location.line) \($0.rule) \($0.message)" } == [])
    }

    @Test func realResolutionsGiveNoFalseFindings() throws {
        guard let folder = Paths.shared("corpus/en-ga-80-txt") else { return }
        let report = TestPipeline.report(DocumentSet.group(InputFiles.expand([folder])))
        #expect(report.fileCount == 10)
        #expect(report.inputErrors.isEmpty)
        // Not an error, not a warning, not a note.
        #expect(report.findings.map { "\($0.location.file):\($0.location.line) \($0.rule)" } == [])
    }

    /// Golden files: text, JSON and SARIF of one defect set.
    @Test(arguments: [("text", "txt"), ("json", "json"), ("sarif", "sarif")])
    func goldenReports(format: String, ext: String) throws {
        let result = try CommandResult.run(["check", "--format", format, "Corpora/defects/wrong-symbol"], currentDirectory: Paths.repository)
        #expect(result.status == 1)
        let golden = try String(contentsOf: Paths.repository.appendingPathComponent("Tests/ConcordTests/Fixtures/golden/wrong-symbol.\(ext)"), encoding: .utf8)
        #expect(result.stdout == golden)
        let again = try CommandResult.run(["check", "--format", format, "Corpora/defects/wrong-symbol"], currentDirectory: Paths.repository)
        #expect(again.stdout == result.stdout)
    }

    /// The SARIF output validates against the official OASIS SARIF 2.1.0 schema.
    @Test func sarifValidatesAgainstTheSchema() throws {
        guard let schema = Paths.shared("schemas/sarif-schema-2.1.0.json") else { return }
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("report.sarif").path
        let result = try CommandResult.run(["check", "--format", "sarif", "--output", output, "Corpora/defects", "Corpora/seed"],
                                           currentDirectory: Paths.repository)
        #expect(result.status == 1)
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
            jsonschema.Draft7Validator(schema).validate(doc)
            print(len(doc["runs"][0]["results"]))
            """, schema, output]
        let pipe = Pipe()
        python.standardOutput = pipe
        python.standardError = pipe
        try python.run()
        let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        #expect(python.terminationStatus == 0, "SARIF does not validate (python3 with jsonschema is installed by scripts/setup --test): \(printed)")
        #expect(Int(printed.trimmingCharacters(in: .whitespacesAndNewlines)) == 10)  // the findings of the seven defect sets
    }

    @Test func anUnreadableFileIsReportedAndTheRestStillChecked() throws {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = folder.appendingPathComponent("broken.fr.txt")
        try Data([0x00, 0x01, 0x02]).write(to: binary)
        let result = try CommandResult.run(["check", binary.path, "Corpora/defects/wrong-symbol"], currentDirectory: Paths.repository)
        #expect(result.status == 2)
        #expect(result.stderr == "\(binary.path):1: error: this looks like a binary file (it contains NUL bytes), not text\n")
        #expect(result.stdout.contains("[set.citation-mismatch]"))
        #expect(result.stdout.hasSuffix("concord: 1 error, 0 warnings, 0 notes in 6 files (2 document sets); 1 file could not be read\n"))
    }

    @Test func theThresholdDecidesTheExitCode() throws {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("res.en.txt")
        try "Resolution 1/1\n\nThe General Assembly,\n\n1. *Decides* to act¹.\n\n¹ XYZ/2012/7.\n".write(to: file, atomically: true, encoding: .utf8)
        let byDefault = try CommandResult.run(["check", file.path])
        #expect(byDefault.status == 0)
        #expect(byDefault.stdout.contains("warning: the symbol XYZ/2012/7 in footnote 1 starts with a series"))
        let strict = try CommandResult.run(["check", "--fail-on", "warning", file.path])
        #expect(strict.status == 1)
        let usage = try CommandResult.run(["check", "--fail-on", "fatal", file.path])
        #expect(usage.status == 2)
    }

    @Test func setsFormByName() {
        let sets = DocumentSet.group(["d/res-6-1.fr.txt", "d/res-6-1.en.txt", "A_RES_80_13-EN.txt", "A_RES_80_13-FR.txt",
                                      "d/notes.txt", "e/res-6-1.fr.txt", "d/res-6-1.fr.md"])
        // A second French file stays in its set (no longer put silently in a set of its own):
        // the run reports it, naming both (InputsAndSetsTests).
        #expect(sets.map(\.name) == ["A_RES_80_13", "d/notes.txt", "d/res-6-1", "e/res-6-1"])
        #expect(sets.first { $0.name == "d/res-6-1" }?.files == ["d/res-6-1.en.txt", "d/res-6-1.fr.md", "d/res-6-1.fr.txt"])
    }

    @Test func twoVersionsWithoutAMajorityAreBothNamed() throws {
        let fr = try DocumentReader().read(path: Paths.corpora("seed/res-6-1.fr.txt"))
        let ru = try DocumentReader().read(path: Paths.corpora("defects/wrong-symbol/res-6-1.ru.txt"))
        let aligned = VersionAlignment([TestPipeline.resolved(fr), TestPipeline.resolved(ru)])
        let found = SetCitationMismatch().findings(in: aligned, context: CheckContext(rules: TestRules.shared))
        #expect(found.map(\.message) == ["the versions cite different references in footnote 5: fr cites CTOC/COP/WG.4/2011/8, paragraph:46-51; ru cites CTOC/COP/WG.4/2011/9, paragraph:46-51"])
        #expect(found.first?.location.file.hasSuffix("res-6-1.ru.txt") == true)
    }
}
