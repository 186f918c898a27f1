import Foundation
import Testing
@testable import Concord

/// What `concord check` reads and how it forms sets, run as users run it on temporary
/// repositories: a relative `--config`, runs that check nothing, `--set` given twice, a
/// language twice in a set, and the UN's file-naming conventions.
@Suite struct InputsAndSetsTests {
    /// A temporary repository with the wrong-symbol defect set (or the seed) copied under the
    /// names given: language code → path in the repository.
    func repository(_ files: [String: String], from set: String = "defects/wrong-symbol") throws -> URL {
        let root = try Paths.temporaryDirectory()
        for (language, path) in files {
            let target = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: URL(fileURLWithPath: Paths.corpora("\(set)/res-6-1.\(language).txt")), to: target)
        }
        return root
    }

    func write(_ text: String, _ path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func json(_ result: CommandResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// The sets of a JSON report: name → languages.
    func sets(_ result: CommandResult) throws -> [String: [String]] {
        let sets = try #require(try json(result)["sets"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: sets.map { ($0["name"] as! String, $0["languages"] as! [String]) })
    }

    func errors(_ result: CommandResult) throws -> Int {
        try #require((try json(result)["summary"] as? [String: Any])?["errors"] as? Int)
    }

    static let official = ["ar", "zh", "en", "fr", "ru", "es"]
    static let letters = ["ar": "A", "zh": "C", "en": "E", "fr": "F", "ru": "R", "es": "S"]

    // MARK: 1. A relative --config

    /// Before: `--config .concord.yml` made the configuration's folder "" and every glob and
    /// set pattern was matched against the path from the root, so the set pattern matched
    /// nothing: 0 errors, exit 0. Now the same as the configuration found automatically.
    @Test func aRelativeConfigKeepsSetPatternsAndInclude() throws {
        let root = try repository(Dictionary(uniqueKeysWithValues: Self.official.map { ($0, "res-6-1/\($0).txt") }))
        defer { try? FileManager.default.removeItem(at: root) }
        try write("set-patterns:\n  - \"{name}/{lang}.{ext}\"\ninclude:\n  - \"res-6-1/*.txt\"\n", ".concord.yml", in: root)
        let found = try CommandResult.run(["check", "--format", "json", "."], currentDirectory: root)
        #expect(found.status == 1)
        #expect(try errors(found) == 1)
        let given = try CommandResult.run(["check", "--format", "json", "--config", ".concord.yml", "."], currentDirectory: root)
        #expect(given.status == 1, "\(given.stderr)")
        #expect(try errors(given) == 1)
        #expect(try sets(given) == ["res-6-1/*.txt": ["ar", "en", "es", "fr", "ru", "zh"]])
        let fromBelow = try CommandResult.run(["check", "--format", "json", "--config", "../.concord.yml", "."],
                                              currentDirectory: root.appendingPathComponent("res-6-1"))
        #expect(fromBelow.status == 1)
        #expect(try errors(fromBelow) == 1)
    }

    /// An include that matches nothing: a warning naming it, and exit 4 when nothing is left.
    @Test func anIncludeThatMatchesNothingIsAWarningAndNothingCheckedIsExit4() throws {
        let root = try repository(["en": "res/res-6-1.en.txt", "ru": "res/res-6-1.ru.txt"])
        defer { try? FileManager.default.removeItem(at: root) }
        try write("include:\n  - \"resolutions/**\"\n", ".concord.yml", in: root)
        let result = try CommandResult.run(["check", "--config", ".concord.yml", "res"], currentDirectory: root)
        #expect(result.status == 4)
        #expect(result.stderr.contains("concord: warning: .concord.yml: include 'resolutions/**' matches none of the 2 files found"))
        #expect(result.stderr.contains("concord: error: nothing was checked: 'res' holds no document to check"))
        #expect(result.stderr.contains("2 not included by the configuration"))
    }

    // MARK: 2. Nothing checked is not success

    @Test func nothingCheckedExitsWith4AndSaysWhy() throws {
        let root = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try write("\u{D0}\u{CF}\u{11}\u{E0}", "docs/2512345E.doc", in: root)
        try write("\u{D0}\u{CF}\u{11}\u{E0}", "docs/2512345F.doc", in: root)
        try write("Resolution 6/1", "devset/devset.en", in: root)
        try write("Résolution 6/1", "devset/devset.fr", in: root)
        try write("notes", "hidden/.draft.txt", in: root)
        try write("# About", "hidden/README.md", in: root)

        let empty = try CommandResult.run(["check", "empty"], currentDirectory: root)
        #expect(empty.status == 4)
        #expect(empty.stderr == "concord: error: nothing was checked: 'empty' holds no document (.docx, .markdown, .md, .pdf, .txt)\n")

        // Word 97 files (.doc) are not read (PDFs are, since they are read through poppler).
        let docs = try CommandResult.run(["check", "-v", "docs"], currentDirectory: root)
        #expect(docs.status == 4)
        #expect(docs.stderr.contains("concord: skipped docs/2512345E.doc: not a document (.doc;"))
        #expect(docs.stderr.contains("nothing was checked: 'docs' holds no document to check (.docx, .markdown, .md, .pdf, .txt): 2 skipped — 2 not a document"))

        let devset = try CommandResult.run(["check", "--verbose", "devset"], currentDirectory: root)
        #expect(devset.status == 4)
        #expect(devset.stderr.contains("concord: skipped devset/devset.en: not a document (.en;"))

        let hidden = try CommandResult.run(["check", "-v", "hidden"], currentDirectory: root)
        #expect(hidden.status == 4)
        #expect(hidden.stderr.contains("concord: skipped hidden/.draft.txt: hidden"))
        #expect(hidden.stderr.contains("concord: skipped hidden/README.md: a README"))

        // A path that does not exist stays an input error.
        let missing = try CommandResult.run(["check", "empty/typo.txt"], currentDirectory: root)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("empty/typo.txt: error: no such file or folder"))

        // Named files are read whatever their extension: the devset files checked by name.
        let named = try CommandResult.run(["check", "devset/devset.en", "devset/devset.fr"], currentDirectory: root)
        #expect(named.status != 4)
    }

    @Test func verboseListsWhatWasReadWithItsLanguage() throws {
        let root = try repository(["en": "res/res-6-1.en.txt", "ru": "res/2512345R.txt"])
        defer { try? FileManager.default.removeItem(at: root) }
        try write("\u{D0}\u{CF}", "res/scan.doc", in: root)
        let result = try CommandResult.run(["check", "-v", "res"], currentDirectory: root)
        #expect(result.stderr.contains("concord: read res/res-6-1.en.txt: en, from the language code in the file name; set res/res-6-1\n"))
        #expect(result.stderr.contains("concord: read res/2512345R.txt: ru, from the UN job number's language letter R; set res/2512345\n"))
        #expect(result.stderr.contains("concord: skipped res/scan.doc: not a document (.doc;"))
        let quiet = try CommandResult.run(["check", "res"], currentDirectory: root)
        #expect(!quiet.stderr.contains("concord: read") && !quiet.stderr.contains("skipped"))
    }

    // MARK: 5. Each --set is a set; one file per language

    /// Before: ArgumentParser flattened both into one set (en, en, fr, ru), whose repeated
    /// language turned the comparison off: 0 errors, exit 0.
    @Test func eachSetOptionIsASetOfItsOwn() throws {
        let root = try repository(["en": "defect/res-6-1.en.txt", "ru": "defect/res-6-1.ru.txt"])
        defer { try? FileManager.default.removeItem(at: root) }
        for language in ["en", "fr"] {
            try FileManager.default.copyItem(at: URL(fileURLWithPath: Paths.corpora("seed/res-6-1.\(language).txt")),
                                             to: root.appendingPathComponent("seed.\(language).txt"))
        }
        let result = try CommandResult.run(["check", "--format", "json", "--set", "defect/res-6-1.en.txt", "defect/res-6-1.ru.txt",
                                            "--set", "seed.en.txt", "seed.fr.txt"], currentDirectory: root)
        #expect(result.status == 1)
        #expect(try sets(result) == ["defect/res-6-1.en.txt + defect/res-6-1.ru.txt": ["en", "ru"],
                                     "seed.en.txt + seed.fr.txt": ["en", "fr"]])
        #expect(try errors(result) == 1)
    }

    /// Before: the second file of a language was silently put in a set of its own (by name)
    /// or turned the set's comparison off (--set).
    @Test func aRepeatedLanguageInASetIsAnInputErrorNamingBothFiles() throws {
        let root = try repository(["en": "docs/res.en.txt", "ru": "docs/res.ru.txt", "fr": "other/x.fr.txt"])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Paths.corpora("seed/res-6-1.en.txt")),
                                         to: root.appendingPathComponent("docs/res.EN.txt"))
        let byName = try CommandResult.run(["check", "docs", "other"], currentDirectory: root)
        #expect(byName.status == 2)
        #expect(byName.stderr.contains("docs/res.en.txt: error: a second en version in the set docs/res (the first is docs/res.EN.txt)"))
        #expect(byName.stdout.contains("docs/res.ru.txt:85:"))  // the set still compared: en (first) with ru
        #expect(byName.stdout.contains("in 4 files (2 document sets)"))  // and the other set checked

        let explicit = try CommandResult.run(["check", "--set", "docs/res.en.txt", "docs/res.EN.txt", "docs/res.ru.txt",
                                              "--set", "other/x.fr.txt"], currentDirectory: root)
        #expect(explicit.status == 2)
        #expect(explicit.stderr.contains("docs/res.EN.txt: error: a second en version in the set docs/res.en.txt + docs/res.EN.txt + docs/res.ru.txt (the first is docs/res.en.txt)"))
    }

    // MARK: 6. UN file names

    /// Before: none of these names told a language, every file was a set of its own and the
    /// wrong symbol in the Russian version went unseen (0 errors, exit 0).
    @Test(arguments: [
        ("ods/2512345{L}.txt", "ods/2512345"),            // ODS job numbers
        ("ods/N2512345{L}.txt", "ods/N2512345"),          // with the office letter
        ("res/A_RES_80_1_{L}.txt", "res/A_RES_80_1"),     // symbol-derived names
        ("res/{L}/A_RES_80_1.txt", "res/*/A_RES_80_1"),   // a folder per language, by letter
        ("res/{name}/res-6-1.txt", "res/*/res-6-1"),      // by name: english/, français/, 中文/
        ("res/{L}/2512345{L}.txt", "res/*/2512345"),      // job numbers in letter folders
    ])
    func unNamingConventionsFormSets(layout: String, name: String) throws {
        let names = ["ar": "arabic", "zh": "中文", "en": "english", "fr": "français", "ru": "Russian", "es": "español"]
        let root = try repository(Dictionary(uniqueKeysWithValues: Self.official.map { language in
            (language, layout.replacingOccurrences(of: "{L}", with: Self.letters[language]!).replacingOccurrences(of: "{name}", with: names[language]!))
        }))
        defer { try? FileManager.default.removeItem(at: root) }
        let top = String(name.prefix { $0 != "/" })
        let result = try CommandResult.run(["check", "--format", "json", top], currentDirectory: root)
        #expect(result.status == 1, "\(layout): \(result.stderr)")
        #expect(try sets(result) == [name: ["ar", "en", "es", "fr", "ru", "zh"]], "\(layout)")
        #expect(try errors(result) == 1, "\(layout)")
    }

    /// Paths of one character: the UN letter folders named from the folder that holds them
    /// (`concord check A C E F R S`), a file named `z`, a missing `Q`. Before: Foundation's
    /// `deletingLastPathComponent` stopped the process on each (illegal instruction, exit 132).
    @Test func oneCharacterPaths() throws {
        let root = try repository(Dictionary(uniqueKeysWithValues: Self.official.map { ($0, "\(Self.letters[$0]!)/A_RES_80_1.txt") }))
        defer { try? FileManager.default.removeItem(at: root) }
        let folders = Self.official.map { Self.letters[$0]! }.sorted()
        let result = try CommandResult.run(["check", "--format", "json"] + folders, currentDirectory: root)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(try sets(result) == ["*/A_RES_80_1": ["ar", "en", "es", "fr", "ru", "zh"]])
        #expect(try errors(result) == 1)
        try write("The General Assembly,\n\n1. Recalls its resolution 64/293;", "z", in: root)
        let named = try CommandResult.run(["check", "z"], currentDirectory: root)
        #expect(named.status == 0, "\(named.stderr)")
        let missing = try CommandResult.run(["check", "Q"], currentDirectory: root)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("Q: error: no such file or folder"), "\(missing.stderr)")
    }

    /// The weaker signs need a partner: one file in `A/` is not Arabic, `A_RES_2200_A` alone
    /// is not an Arabic version of `A_RES_2200`.
    @Test func lettersAndFoldersAloneTellNothing() {
        let sets = DocumentSet.group(["docs/A/res.txt", "docs/S/other.txt", "A_RES_2200_A.txt", "2512345E.txt"])
        #expect(sets.map(\.name) == ["2512345", "A_RES_2200_A.txt", "docs/A/res.txt", "docs/S/other.txt"])
        #expect(sets.first?.named["2512345E.txt"]?.language == .en)
    }

    /// `{L}` is the one-letter UN code in a set pattern; a pattern that matches nothing in a
    /// run is a warning naming it and the configuration file.
    @Test func aSetPatternWithAOneLetterCodeAndOneThatMatchesNothing() throws {
        let root = try repository(Dictionary(uniqueKeysWithValues: Self.official.map { ($0, "docs/res61\(Self.letters[$0]!).txt") }))
        defer { try? FileManager.default.removeItem(at: root) }
        try write("set-patterns:\n  - \"docs/{name}{L}.{ext}\"\n  - \"{lang}/{name}.{ext}\"\n", ".concord.yml", in: root)
        let result = try CommandResult.run(["check", "--format", "json", "docs"], currentDirectory: root)
        #expect(result.status == 1)
        #expect(try sets(result) == ["docs/res61*.txt": ["ar", "en", "es", "fr", "ru", "zh"]])
        #expect(try errors(result) == 1)
        #expect(result.stderr.contains("concord: warning: \(root.appendingPathComponent(".concord.yml").standardizedFileURL.path): set pattern '{lang}/{name}.{ext}' matched no file in this run")
                || result.stderr.contains("set pattern '{lang}/{name}.{ext}' matched no file in this run"))
        #expect(!result.stderr.contains("'docs/{name}{L}.{ext}' matched no file"))
    }

    @Test func theUNLettersComeFromTheRules() {
        let lexicon = TestRules.shared.lexicon
        #expect(["A", "C", "E", "F", "R", "S"].map { lexicon.language(unCode: $0) } == [.ar, .zh, .en, .fr, .ru, .es])
        #expect(lexicon.language(unCode: "e") == .en && lexicon.language(unCode: "X") == nil)
        #expect(lexicon.language(folder: "Français") == .fr && lexicon.language(folder: "english") == .en)
        #expect(lexicon.language(folder: "resolutions") == nil)
    }

    @Test func theExitCodesAreInTheHelp() throws {
        let help = try CommandResult.run(["--help"])
        for line in ["0  nothing at or above", "1  findings", "2  a bad command line", "3  unusable rules", "4  nothing was checked"] {
            #expect(help.stdout.contains(line), "\(line)")
        }
        let readme = try String(contentsOf: Paths.repository.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("| 4 | nothing was checked"))
    }
}
