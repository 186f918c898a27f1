import Foundation
import Testing
@testable import Concord

/// Suppressions (item 7), messages in the reader's words (item 8) and the commands' options
/// (item 9), each through the built `concord` as users run it, on temporary repositories.
@Suite struct MessagesAndCommandsTests {
    /// A temporary folder with these files (name → text).
    func repository(_ files: [String: String]) throws -> URL {
        let folder = try Paths.temporaryDirectory()
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    func run(_ arguments: [String], in folder: URL) throws -> CommandResult {
        try CommandResult.run(arguments, currentDirectory: folder)
    }

    /// A plain-text resolution whose footnote cites a series Concord does not know.
    static func plainText(_ suppression: String) -> String {
        "Resolution 1/1\n\nThe General Assembly,\n\n1. *Decides* to act¹.\n\n2. *Decides also* to remain seized of the matter.\n\n\(suppression)\n¹ XYZ/2012/8.\n"
    }

    // MARK: 7. Suppressions

    /// Without `text-comment` in the configuration, a suppression line in plain text (in the
    /// default `<!-- … -->` form, or after `%`, `#`, `//`) silences its check and is not read
    /// as text of the document.
    @Test(arguments: ["<!-- concord-disable-next-line symbol.unknown-series -->", "% concord-disable-next-line symbol.unknown-series",
                      "%% concord-disable-next-line symbol.unknown-series", "# concord-disable-next-line symbol.unknown-series",
                      "// concord-disable-next-line symbol.unknown-series"])
    func aSuppressionLineIsNeverText(line: String) throws {
        let folder = try repository(["b.en.txt": Self.plainText(line)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(["check", "b.en.txt"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout == "concord: 0 errors, 0 warnings, 0 notes in 1 file (1 document set); 1 finding not shown (1 suppressed inline)\n")
        // The line is not text: the model has the two operative paragraphs, nothing between.
        let model = try run(["extract", "--format", "json", "b.en.txt"], in: folder)
        #expect(!model.stdout.contains("concord-disable"))
    }

    /// The pass that decides whether a text's lines are read for suppressions at all: the
    /// word at the very start and the very end, after a near miss, and not when cut short or
    /// missing its dash.
    @Test(arguments: [("concord-", true), ("% concord-disable x", true), ("xx concorconcord-", true), ("a concord-disable", true),
                      ("concord", false), ("concord disable", false), ("oncord-", false), ("", false), ("Concord-disable", false)])
    func theDirectivePassFindsTheWordAnywhere(text: String, found: Bool) {
        #expect(Suppressions.mayContainDirective(Array(text.utf16)) == found)
    }

    /// The pass's skipping search (Horspool's) against a plain search, on five fixed texts and
    /// 40,000 seeded random ones: 20,000 of up to 16 units over the needle's letters, a dash,
    /// a letter outside it and one outside ASCII, each also with the needle or a near miss
    /// (one unit changed) inserted at a random place. The needle is found wherever it stands.
    @Test func theDirectivePassAgreesWithAPlainSearch() {
        let alphabet: [UInt16] = Array("cord-xé".utf16) + [0x6E]  // c o r d - x é n
        let needle = Array("concord-".utf16)
        func plain(_ units: [UInt16]) -> Bool {
            guard units.count >= needle.count else { return false }
            return (0...(units.count - needle.count)).contains { Array(units[$0..<($0 + needle.count)]) == needle }
        }
        var generator = SplitMix(state: 8)
        var texts: [[UInt16]] = [needle, [0x78] + needle, needle + [0xE9], Array("concconcord-".utf16), Array("concordconcord-".utf16)]
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...16, using: &generator)
            texts.append((0..<count).map { _ in alphabet.randomElement(using: &generator)! })
            // A needle with one unit changed, or the needle inside the noise.
            var near = needle
            near[Int.random(in: 0..<near.count, using: &generator)] = alphabet.randomElement(using: &generator)!
            let at = Int.random(in: 0...texts[texts.count - 1].count, using: &generator)
            var mixed = texts[texts.count - 1]
            mixed.insert(contentsOf: Bool.random(using: &generator) ? near : needle, at: at)
            texts.append(mixed)
        }
        var found = 0
        for text in texts {
            #expect(Suppressions.mayContainDirective(text) == plain(text), "\(String(decoding: text, as: UTF16.self))")
            if plain(text) { found += 1 }
        }
        #expect(found > 10_000)
    }

    /// A `concord-disable` line in the middle of a PDF-like text does not break the
    /// paragraph it stands in, nor the numbering (it used to give false errors).
    @Test func aSuppressionLineInsideTheTextGivesNoFalseFindings() throws {
        let text = "Resolution 1/1\n\nThe General Assembly,\n\n1. *Decides* to act;\n\n% concord-disable date.impossible\n\n2. *Decides also* to meet on 31 February 2013;\n\n3. *Decides further* to remain seized of the matter.\n"
        let folder = try repository(["r.en.txt": text])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(["check", "r.en.txt"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout == "concord: 0 errors, 0 warnings, 0 notes in 1 file (1 document set); 1 finding not shown (1 suppressed inline)\n")
    }

    /// A misspelled check id in a suppression is an error naming the file, the line and the
    /// id, with the check it probably meant: the run fails, as with a misspelled id in
    /// `.concord.yml`.
    @Test func aMisspelledCheckInASuppressionIsAnError() throws {
        let markdown = "The General Assembly,\n\n<!-- concord-disable symbol.unknown-serie -->\n\n1. *Decides* to act.[^1]\n\n[^1]: XYZ/2012/7.\n"
        let folder = try repository(["a.en.md": markdown, "b.en.txt": Self.plainText("% concord-disable-next-line footnote.orphan-markr")])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(["check", "a.en.md", "b.en.txt"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("a.en.md:3:22: error: the suppression names 'symbol.unknown-serie', which is not a check (did you mean 'symbol.unknown-series'?), so it silences nothing; `concord rules` lists the checks [suppression.unknown-check]"))
        #expect(result.stdout.contains("b.en.txt:9:29: error: the suppression names 'footnote.orphan-markr', which is not a check (did you mean 'footnote.orphan-marker'?)"))
    }

    // MARK: 8. Messages in the reader's words

    /// No message shows a paragraph id (`op2`, `pp1`, `h1`): units are named as the reader
    /// names them.
    @Test func messagesNameUnitsAsReadersDo() throws {
        let folder = try repository([
            // A marker used again in operative paragraph 2; a symbol cut short in preambular paragraph 1.
            "r.en.md": "The General Assembly,\n\n*Recalling* document A/RES/64/,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n2. *Also recalls* its resolution 64/293;[^1]\n\n[^1]: See A/64/PV.1.\n",
            // A marker in the heading “Annex” in two versions, in operative paragraph 2 in the third.
            "d.en.md": "The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n2. *Takes note* of the report.\n\n## Annex[^2]\n\n[^1]: See A/64/PV.1.\n[^2]: See A/64/PV.3.\n",
            "d.fr.md": "L'Assemblée générale,\n\n1. *Rappelle* sa résolution 64/293;[^1]\n\n2. *Prend note* du rapport.\n\n## Annexe[^2]\n\n[^1]: Voir A/64/PV.1.\n[^2]: Voir A/64/PV.3.\n",
            "d.es.md": "La Asamblea General,\n\n1. *Recuerda* su resolución 64/293;[^1]\n\n2. *Toma nota* del informe.[^2]\n\n## Anexo\n\n[^1]: Véase A/64/PV.1.\n[^2]: Véase A/64/PV.3.\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(["check", "r.en.md", "d.en.md", "d.fr.md", "d.es.md"], in: folder)
        #expect(result.stdout.contains("the marker of footnote 1 is used again (in operative paragraph 2) to point back at it"))
        #expect(result.stdout.contains("the symbol “A/RES/64/” in preambular paragraph 1 is cut short"))
        #expect(result.stdout.contains("in the es version the marker of footnote 2 stands in operative paragraph 2; en, fr have it in the heading “Annex”"))
        let ids = try Regex(#"\b(pp|op|h|x|c|t|at|cl|an)[0-9]+\b"#)
        for line in result.stdout.split(separator: "\n") {
            let message = line.split(separator: ": ", maxSplits: 2).dropFirst(2).joined()
            #expect(message.firstMatch(of: ids) == nil, "an id in: \(line)")
        }
    }

    /// One footnote, one operative paragraph: singular.
    @Test func countsOfOneAreSingular() throws {
        let folder = try repository([
            "s.en.md": "The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n[^1]: See A/64/PV.1.\n",
            "s.fr.md": "L'Assemblée générale,\n\n1. *Rappelle* sa résolution 64/293;[^1]\n\n2. *Prend note* du rapport A/64/100.[^2]\n\n[^1]: Voir A/64/PV.1.\n[^2]: Voir A/64/PV.2.\n",
            "s.es.md": "La Asamblea General,\n\n1. *Recuerda* su resolución 64/293;[^1]\n\n2. *Toma nota* del informe A/64/100.[^2]\n\n[^1]: Véase A/64/PV.1.\n[^2]: Véase A/64/PV.2.\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(["check", "s.en.md", "s.fr.md", "s.es.md"], in: folder)
        #expect(result.stdout.contains("has 1 footnote;"), "\(result.stdout)")
        #expect(result.stdout.contains("has 1 operative paragraph;"), "\(result.stdout)")
        #expect(!result.stdout.contains("1 footnotes") && !result.stdout.contains("1 operative paragraphs"))
        let outline = try run(["extract", "s.en.md"], in: folder)
        #expect(outline.stdout.hasPrefix("s.en.md: en (from file-name), 2 paragraphs, 1 footnote\n"))
    }

    /// The summary counts the documents read; a path that could not be read is counted apart;
    /// findings hidden by the baseline, by suppressions and by `off` are counted, in the text
    /// and in JSON.
    @Test func theSummarySaysWhatWasReadAndWhatWasHidden() throws {
        let folder = try repository([
            "a.en.md": "The General Assembly,\n\n<!-- concord-disable-next-line symbol.unknown-series -->\n1. *Takes note* of document XYZ/2012/7;\n\n2. *Takes note also* of document A/RES/64/;\n\n3. *Decides* to meet on 31 February 2013.\n",
            ".concord.yml": "rules:\n  date.impossible: off\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let baseline = try run(["check", "--write-baseline", "base.json", "a.en.md"], in: folder)
        #expect(baseline.status == 1)
        let result = try run(["check", "--baseline", "base.json", "a.en.md", "missing.en.md"], in: folder)
        #expect(result.status == 2)
        #expect(result.stdout == "concord: 0 errors, 0 warnings, 0 notes in 1 file (2 document sets); 1 file could not be read; 3 findings not shown (1 in the baseline, 1 suppressed inline, 1 of checks set to off)\n")
        let json = try run(["check", "--format", "json", "--baseline", "base.json", "a.en.md", "missing.en.md"], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary["files"] == 1 && summary["unreadable"] == 1)
        #expect(summary["inBaseline"] == 1 && summary["suppressed"] == 1 && summary["turnedOff"] == 1)
    }

    /// `init` where `.concord.yml` exists is a command that cannot be carried out (2), not
    /// unusable rules (3).
    @Test func initOnAnExistingFileExitsWith2() throws {
        let folder = try repository([".concord.yml": "exclude: []\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(["init"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains(".concord.yml: error: already exists (use --force to replace it)"))
        #expect(try String(contentsOf: folder.appendingPathComponent(".concord.yml"), encoding: .utf8) == "exclude: []\n")
    }

    /// An HTML file is refused with one clear error, not read as plain text (tags reported on).
    @Test func htmlIsRefusedClearly() throws {
        let html = "<html><head><style>p{}</style></head><body><p>The General Assembly,</p><p>1. <i>Recalls</i> document A/RES/64/;</p></body></html>\n"
        let folder = try repository(["r.en.html": html, "r.en.htm": html])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(["check", "r.en.html", "r.en.htm"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("r.en.html: error: HTML is not read (its tags and scripts are not document text): give the .docx, or save the page as plain text (.txt)"))
        #expect(result.stderr.contains("r.en.htm: error: HTML is not read"))
        #expect(!result.stdout.contains("symbol.malformed"))
    }

    /// `concord check . > out.txt`: the shell makes out.txt before Concord runs; it is the
    /// report, not an input. Nor is the file of `--output`, on the next run.
    @Test func aReportWrittenIntoTheFolderIsNotAnInput() throws {
        let folder = try repository(["r.en.md": "The General Assembly,\n\n1. *Recalls* its resolution 64/293.\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let shell = try CommandResult.run(["-c", "'\(Paths.executable.path)' check . > out.txt"],
                                          executable: URL(fileURLWithPath: "/bin/sh"), currentDirectory: folder)
        #expect(shell.status == 0)
        let report = try String(contentsOf: folder.appendingPathComponent("out.txt"), encoding: .utf8)
        #expect(report == "concord: 0 errors, 0 warnings, 0 notes in 1 file (1 document set)\n")
        for _ in 0..<2 {
            let written = try run(["check", "--output", "report.md", "--format", "markdown", "."], in: folder)
            #expect(written.status == 0)
        }
        let page = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(page.contains("0 errors, 0 warnings, 0 notes in 2 files (2 document sets)"))  // r.en.md and out.txt, not report.md
    }

    /// Word places: `¶37:72` in the text report for people; plain paragraph numbers as lines
    /// in the forms tools parse (GitHub annotations, SARIF, JSON).
    @Test func wordPlacesArePlainNumbersWhereToolsReadThem() throws {
        let set = "Corpora/docx-defects"
        let text = try CommandResult.run(["check", set], currentDirectory: Paths.repository)
        #expect(text.stdout.contains("Corpora/docx-defects/res-6-1.fr.docx:¶37:72: error:"))
        let github = try CommandResult.run(["check", "--format", "github", set], currentDirectory: Paths.repository)
        #expect(github.stdout.contains("::error file=Corpora/docx-defects/res-6-1.fr.docx,line=37,col=72,"))
        let sarif = try CommandResult.run(["check", "--format", "sarif", set], currentDirectory: Paths.repository)
        #expect(sarif.stdout.contains("\"startLine\": 37,\n") && !sarif.stdout.contains("¶"))
        let json = try CommandResult.run(["check", "--format", "json", set], currentDirectory: Paths.repository)
        #expect(json.stdout.contains("\"line\": 37,\n") && !json.stdout.contains("¶"))
    }

    /// The exit codes, in one table, in `concord --help`.
    @Test func helpListsTheExitCodes() throws {
        let result = try CommandResult.run(["--help"])
        #expect(result.stdout.contains("Exit codes:"))
        for code in ["0  nothing at or above --fail-on", "1  findings at or above --fail-on", "2  a bad command line", "3  unusable rules"] {
            #expect(result.stdout.contains(code), "\(code)")
        }
    }

    // MARK: 9. Commands

    static let aligned = [
        "tm.en": "General Assembly resolution 64/293 of 30 July 2010.\nNo reference here.\nSee A/64/PV.1.\nSee A/64/PV.2.\n",
        "tm.fr": "Résolution 64/293 de l'Assemblée générale du 30 juillet 2010.\nPas de référence.\nVoir A/64/PV.9.\nVoir le procès-verbal.\n",
    ]

    /// `compare --format json|sarif`: one finding per disagreeing segment (an error where a
    /// version cites something else, a warning where it only lacks a reference); `--fail-on`
    /// decides the exit code.
    @Test func compareGivesJSONAndSARIFAndHonoursFailOn() throws {
        let folder = try repository(Self.aligned)
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = try run(["compare", "--aligned", "--format", "json", "tm.en", "tm.fr"], in: folder)
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let sets = try #require(object["sets"] as? [[String: Any]])
        let findings = try #require(sets.first?["findings"] as? [[String: Any]])
        #expect(findings.count == 2)
        #expect(findings.map { $0["line"] as? Int } == [3, 4])
        #expect(findings.map { $0["severity"] as? String } == ["error", "warning"])
        #expect(findings[0]["message"] as? String == "segment 3: the en version cites A/64/PV.1; the fr version cites A/64/PV.9 and does not cite A/64/PV.1")
        let sarif = try run(["compare", "--aligned", "--format", "sarif", "tm.en", "tm.fr"], in: folder)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        #expect(results.count == 2)
        #expect(results.first?["ruleId"] as? String == "set.citation-mismatch")
        // Only contradictions fail with --fail-on error; the default fails on every disagreement.
        let onlyMissing = try repository(["tm.en": "See A/64/PV.2.\n", "tm.fr": "Voir le procès-verbal.\n"])
        defer { try? FileManager.default.removeItem(at: onlyMissing) }
        #expect(try run(["compare", "--aligned", "tm.en", "tm.fr"], in: onlyMissing).status == 1)
        #expect(try run(["compare", "--aligned", "--fail-on", "error", "tm.en", "tm.fr"], in: onlyMissing).status == 0)
        #expect(try run(["compare", "--aligned", "--fail-on", "error", "tm.en", "tm.fr"], in: folder).status == 1)
    }

    /// `compare --lines FROM-TO` compares only those segments, and the summary gives the
    /// agreement, flagged and contradiction rates (what scripts/measure-aligned prints for
    /// the tuned and the held-out parts of the aligned corpora).
    @Test func compareMeasuresALineRange() throws {
        let folder = try repository(Self.aligned)
        defer { try? FileManager.default.removeItem(at: folder) }
        let all = try run(["compare", "--aligned", "--summary", "tm.en", "tm.fr"], in: folder)
        #expect(all.stdout == "aligned: 3 segments with references in tm.en; 1 agree in all 2 versions (33.3%); 2 flagged at warning or above (66.7%), 1 of them contradictions (33.3%)\n")
        let part = try run(["compare", "--aligned", "--summary", "--lines", "1-3", "tm.en", "tm.fr"], in: folder)
        #expect(part.stdout == "aligned: lines 1-3: 2 segments with references in tm.en; 1 agree in all 2 versions (50.0%); 1 flagged at warning or above (50.0%), 1 of them contradictions (50.0%)\n")
        #expect(part.status == 1)
        let first = try run(["compare", "--aligned", "--summary", "--lines", "1-1", "tm.en", "tm.fr"], in: folder)
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("aligned: lines 1-1: 1 segment with references in tm.en; 1 agree"))
        let bad = try run(["compare", "--aligned", "--lines", "9-2", "tm.en", "tm.fr"], in: folder)
        #expect(bad.status != 0 && bad.stdout.isEmpty)
    }

    /// `report` takes `--config`, `--set` and `--baseline` as `check` does.
    @Test func reportTakesConfigSetAndBaseline() throws {
        let folder = try repository([
            "one.en.md": "The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n[^1]: See A/64/PV.1.\n",
            "two.fr.md": "L'Assemblée générale,\n\n1. *Rappelle* sa résolution 64/293;[^1]\n\n[^1]: Voir A/64/PV.9.\n",
            "settings.yml": "rules:\n  set.citation-mismatch: warning\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let configured = try run(["report", "--html", "page.html", "--config", "settings.yml", "--set", "one.en.md", "two.fr.md"], in: folder)
        #expect(configured.status == 0, "\(configured.stderr)")  // a warning now: below --fail-on
        let page = try String(contentsOf: folder.appendingPathComponent("page.html"), encoding: .utf8)
        #expect(page.contains("set.citation-mismatch") && page.contains("A/64/PV.9"))
        let failing = try run(["report", "--html", "page.html", "--set", "one.en.md", "two.fr.md"], in: folder)
        #expect(failing.status == 1)
        #expect(try run(["check", "--write-baseline", "base.json", "--set", "one.en.md", "two.fr.md"], in: folder).status == 1)
        let quiet = try run(["report", "--html", "page.html", "--baseline", "base.json", "--set", "one.en.md", "two.fr.md"], in: folder)
        #expect(quiet.status == 0)
    }

    /// `concord rules ID` explains one check with its examples; an unknown id is exit 2
    /// with the id it probably meant.
    @Test func rulesExplainsOneCheck() throws {
        let result = try CommandResult.run(["rules", "footnote.repeated-marker"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("footnote.repeated-marker (default severity: note)\n\nA footnote marker is used again"))
        #expect(result.stdout.contains("\nReported on:\n  doc.en.md:\n    The General Assembly,\n"))
        #expect(result.stdout.contains("\nNot reported on:\n"))
        #expect(result.stdout.contains("    2. *Also recalls* its resolution 64/293;[^1]\n"))
        let unknown = try CommandResult.run(["rules", "footnote.repeated-markers"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "concord: error: unknown check 'footnote.repeated-markers' (did you mean 'footnote.repeated-marker'?); `concord rules` lists the checks\n")
    }
}
