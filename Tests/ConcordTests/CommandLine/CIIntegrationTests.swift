import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Yams
@testable import Concord

/// What a CI step relies on: stable fingerprints, well-formed JUnit, escaped GitHub
/// commands, configuration, baselines, parallel runs.
@Suite struct CIIntegrationTests {
    /// A copy of a defect set in a temporary folder.
    func copy(_ set: String) throws -> URL {
        let folder = try Paths.temporaryDirectory()
        let target = folder.appendingPathComponent(set)
        try FileManager.default.copyItem(at: Paths.repository.appendingPathComponent("Corpora/defects/\(set)"), to: target)
        return folder
    }

    func sarifFingerprints(_ folder: URL, _ set: String) throws -> [String] {
        let result = try CommandResult.run(["check", "--format", "sarif", set], currentDirectory: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let runs = try #require(object["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        return results.compactMap { ($0["partialFingerprints"] as? [String: String])?["concordFinding/v1"] }
    }

    @Test func fingerprintsStayWhenBlankLinesAreInsertedAboveAFinding() throws {
        let folder = try copy("swapped-volume")
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try sarifFingerprints(folder, "swapped-volume")
        #expect(before.count == 2)
        let file = folder.appendingPathComponent("swapped-volume/res-6-1.es.txt")
        let text = try String(contentsOf: file, encoding: .utf8)
        try ("\n\n\n" + text.replacingOccurrences(of: "\n\n1. ", with: "\n\n\n\n1. ")).write(to: file, atomically: true, encoding: .utf8)
        let moved = try CommandResult.run(["check", "swapped-volume"], currentDirectory: folder)
        #expect(moved.stdout.contains("res-6-1.es.txt:56:3"))  // the lines did move
        #expect(try sarifFingerprints(folder, "swapped-volume") == before)
    }

    @Test func junitIsWellFormedXML() throws {
        let result = try CommandResult.run(["check", "--format", "junit", "Corpora/defects", "Corpora/seed"], currentDirectory: Paths.repository)
        #expect(result.status == 1)
        let document = try XMLDocument(data: Data(result.stdout.utf8))
        let cases = try document.nodes(forXPath: "//testcase")
        #expect(cases.count == 7)
        #expect(try document.nodes(forXPath: "//testcase/failure").count == 6)
        let suite = try #require(try document.nodes(forXPath: "/testsuites").first as? XMLElement)
        #expect(suite.attribute(forName: "failures")?.stringValue == "6")
    }

    @Test func githubCommandsAreEscaped() throws {
        let message = "100% sure: one\nline two\r, done"
        let escaped = GitHubReport.data(message)
        #expect(!escaped.contains("\n") && !escaped.contains("\r"))
        // The runner's unescaping gives the message back.
        let unescaped = escaped.replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%0D", with: "\r")
            .replacingOccurrences(of: "%25", with: "%")
        #expect(unescaped == message)
        #expect(GitHubReport.property("a:b,c%") == "a%3Ab%2Cc%25")
        let result = try CommandResult.run(["check", "--format", "github", "Corpora/defects/wrong-symbol"], currentDirectory: Paths.repository)
        #expect(result.stdout == "::error file=Corpora/defects/wrong-symbol/res-6-1.ru.txt,line=85,col=3,title=set.citation-mismatch::the ru version cites CTOC/COP/WG.4/2011/9 in footnote 5; ar, en, es, fr, zh cite CTOC/COP/WG.4/2011/8\n")
    }

    @Test func markdownSummary() throws {
        let result = try CommandResult.run(["check", "--format", "markdown", "Corpora/defects/wrong-symbol", "Corpora/seed"], currentDirectory: Paths.repository)
        #expect(result.stdout.contains("| Corpora/defects/wrong-symbol/res-6-1 | ar, en, es, fr, ru, zh | 1 | 0 | 0 |"))
        #expect(result.stdout.contains("| Corpora/seed/res-6-1 | ar, en, es, fr, ru, zh | 0 | 0 | 0 |"))
    }

    @Test func aTypoInAConfigurationKeyIsNamed() throws {
        let folder = try copy("wrong-symbol")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "exlude:\n  - \"**/drafts/**\"\n".write(to: folder.appendingPathComponent(".concord.yml"), atomically: true, encoding: .utf8)
        let result = try CommandResult.run(["check", "wrong-symbol"], currentDirectory: folder)
        #expect(result.status == 3)
        #expect(result.stderr.contains(".concord.yml: error: unknown key 'exlude' (did you mean 'exclude'?)"))
        try "rules:\n  set.citation-mismatch: loud\n".write(to: folder.appendingPathComponent(".concord.yml"), atomically: true, encoding: .utf8)
        let bad = try CommandResult.run(["check", "wrong-symbol"], currentDirectory: folder)
        #expect(bad.status == 3)
        #expect(bad.stderr.contains("rules: 'set.citation-mismatch' must be error, warning, note or off, not 'loud'"))
    }

    @Test func offSilencesARuleAndSeverityCanBeChanged() throws {
        let folder = try copy("swapped-volume")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "rules:\n  treaty.contradiction: off\n  set.citation-mismatch: warning\n".write(to: folder.appendingPathComponent(".concord.yml"), atomically: true, encoding: .utf8)
        let result = try CommandResult.run(["check", "swapped-volume"], currentDirectory: folder)
        #expect(result.status == 0)
        #expect(!result.stdout.contains("treaty.contradiction"))
        #expect(result.stdout.contains("warning: the es version cites treaty:2252/39574"))
    }

    @Test func excludeAndIssuingBodies() throws {
        let folder = try copy("wrong-symbol")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "exclude:\n  - \"**/*.ru.txt\"\n".write(to: folder.appendingPathComponent(".concord.yml"), atomically: true, encoding: .utf8)
        let result = try CommandResult.run(["check", "wrong-symbol"], currentDirectory: folder)
        #expect(result.status == 0)
        #expect(result.stdout == "concord: 0 errors, 0 warnings, 0 notes in 5 files (1 document set)\n")
    }

    @Test func aBaselineHidesOldFindingsAndShowsNewOnes() throws {
        let folder = try copy("wrong-symbol")
        defer { try? FileManager.default.removeItem(at: folder) }
        let baseline = folder.appendingPathComponent("baseline.json").path
        let first = try CommandResult.run(["check", "--write-baseline", baseline, "wrong-symbol"], currentDirectory: folder)
        #expect(first.status == 1)
        let quiet = try CommandResult.run(["check", "--baseline", baseline, "wrong-symbol"], currentDirectory: folder)
        #expect(quiet.status == 0)
        #expect(quiet.stdout == "concord: 0 errors, 0 warnings, 0 notes in 6 files (1 document set); 1 finding not shown (1 in the baseline)\n")
        // A new defect: a date changed in the Spanish version.
        let es = folder.appendingPathComponent("wrong-symbol/res-6-1.es.txt")
        let text = try String(contentsOf: es, encoding: .utf8)
        try text.replacingOccurrences(of: "7 de febrero de 2012", with: "8 de febrero de 2012").write(to: es, atomically: true, encoding: .utf8)
        let new = try CommandResult.run(["check", "--baseline", baseline, "wrong-symbol"], currentDirectory: folder)
        #expect(new.status == 1)
        #expect(new.stdout.contains("the es version cites date:2012-02-08 in preambular paragraph 7"))
        #expect(!new.stdout.contains("CTOC/COP/WG.4/2011/9"))
    }

    @Test func inlineSuppressionInMarkdownAndText() throws {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let markdown = "# Resolution 1/1\n\nThe General Assembly,\n\n<!-- concord-disable symbol.unknown-series -->\n\n1. Decides to act[^1].\n\n[^1]: XYZ/2012/7.\n"
        try markdown.write(to: folder.appendingPathComponent("a.en.md"), atomically: true, encoding: .utf8)
        let text = "Resolution 1/1\n\nThe General Assembly,\n\n1. *Decides* to act¹.\n\n% concord-disable-next-line symbol.unknown-series\n¹ XYZ/2012/8.\n"
        try text.write(to: folder.appendingPathComponent("b.en.txt"), atomically: true, encoding: .utf8)
        // `%` is one of the prefixes read without configuration.
        let without = try CommandResult.run(["check", "b.en.txt"], currentDirectory: folder)
        #expect(without.stdout == "concord: 0 errors, 0 warnings, 0 notes in 1 file (1 document set); 1 finding not shown (1 suppressed inline)\n")
        // A configured prefix is read as well.
        try text.replacingOccurrences(of: "% concord", with: "REM concord").write(to: folder.appendingPathComponent("b.en.txt"), atomically: true, encoding: .utf8)
        try "text-comment: \"REM\"\n".write(to: folder.appendingPathComponent(".concord.yml"), atomically: true, encoding: .utf8)
        let result = try CommandResult.run(["check", "a.en.md", "b.en.txt"], currentDirectory: folder)
        #expect(result.stdout == "concord: 0 errors, 0 warnings, 0 notes in 2 files (2 document sets); 2 findings not shown (2 suppressed inline)\n")
    }

    @Test func initWritesAConfigurationThatLoads() throws {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandResult.run(["init"], currentDirectory: folder)
        #expect(result.status == 0)
        let again = try CommandResult.run(["init"], currentDirectory: folder)
        #expect(again.status == 2)  // a command that cannot be carried out, not unusable rules
        let configuration = try Configuration.load(folder.appendingPathComponent(".concord.yml").path)
        #expect(configuration.exclude == ["**/drafts/**"])
        #expect(!configuration.selects(folder.appendingPathComponent("x/drafts/a.en.txt").path))
    }

    @Test func parallelAndSerialRunsGiveTheSameBytes() throws {
        let serial = try CommandResult.run(["check", "--jobs", "1", "--format", "json", "Corpora"], currentDirectory: Paths.repository)
        let parallel = try CommandResult.run(["check", "--jobs", "4", "--format", "json", "Corpora"], currentDirectory: Paths.repository)
        #expect(serial.status == 1)
        #expect(serial.stdout == parallel.stdout)
        #expect(serial.stdout.contains("\"sets\": \(try Paths.foldersHoldingDocuments("Corpora"))"))
    }

    /// The GitHub Action and the pre-commit hook are valid YAML with the inputs the README shows.
    @Test func actionAndHookDefinitions() throws {
        let action = try #require(try Yams.load(yaml: String(contentsOf: Paths.repository.appendingPathComponent("action.yml"), encoding: .utf8)) as? [String: Any])
        let inputs = try #require(action["inputs"] as? [String: Any])
        #expect(Set(inputs.keys) == ["paths", "format", "fail-on", "baseline", "upload-sarif"])
        #expect((action["runs"] as? [String: Any])?["using"] as? String == "composite")
        let hooks = try #require(try Yams.load(yaml: String(contentsOf: Paths.repository.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)) as? [[String: Any]])
        #expect(hooks.first?["id"] as? String == "concord")
        #expect(hooks.first?["entry"] as? String == "concord check --changed")
    }
}
