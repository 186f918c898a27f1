import ConcordRuleFiles
import Foundation
import Testing
@testable import Concord

/// The rules are built into the binary: they are the repository's Rules/ files, a copied
/// binary needs nothing beside it, and only `--rules DIR` replaces them.
@Suite struct EmbeddedRulesTests {
    /// Every `.yml` file under the repository's Rules/, by its path relative to it.
    static func filesOfRulesFolder() throws -> [String: String] {
        let folder = Paths.repository.appendingPathComponent("Rules")
        var files = [String: String]()
        let walker = try #require(FileManager.default.enumerator(atPath: folder.path))
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(".yml") else { continue }
            files[relative] = try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
        }
        return files
    }

    /// A stale build (rules edited, the generated source not rebuilt) fails here.
    @Test func theBuiltInRulesAreTheRulesFolder() throws {
        let folder = try Self.filesOfRulesFolder()
        #expect(folder.count >= 9)
        #expect(Set(EmbeddedRules.files.keys) == Set(folder.keys))
        for (name, text) in folder {
            #expect(EmbeddedRules.files[name] == text, "Rules/\(name) differs from the built-in copy: build again")
        }
        #expect(RuleSource.builtIn.languages() == Language.official)
    }

    /// The build embeds the rules' analyses made ahead (`DerivedRules`): the file it reads is
    /// current (made from these rules, with this code and ICU: else `scripts/derive-rules`
    /// makes it again), holds every language, and is, byte for byte, what this build's code
    /// works out from the rule files: also when code outside the folders the fingerprint
    /// covers changed what the analyses are.
    @Test func theBuildEmbedsTheRulesAnalysesMadeAhead() throws {
        #expect(EmbeddedDerivedRules.state == "current",
                "Sources/Concord/Derived/rules.derived is \(EmbeddedDerivedRules.state): run scripts/derive-rules")
        #expect(EmbeddedDerivedRules.languages.keys.sorted() == Language.official.map(\.rawValue).sorted())
        let file = Paths.repository.appendingPathComponent("Sources/Concord/Derived/rules.derived")
        let text = try DerivedRules.text()
        #expect(text.hasPrefix("concord-derived-rules \(EmbeddedDerivedRules.fingerprint)\n"))
        #expect(try String(contentsOf: file, encoding: .utf8) == text,
                "Sources/Concord/Derived/rules.derived is not what this code derives from the rules: run scripts/derive-rules")
        for (code, prescan, expansions) in try DerivedRules.analyses() {
            let embedded = try #require(EmbeddedDerivedRules.languages[code])
            #expect(embedded.prescan == prescan && embedded.expansions == expansions, "\(code)")
            #expect(Prescan.decode(prescan) != nil && LanguageRules.decodeExpansions(expansions) != nil, "\(code)")
        }
    }

    /// `concord derive-rules` (what `scripts/derive-rules` runs) writes that file, byte for
    /// byte; the help does not list it (it is for Concord's developers), and a file it cannot
    /// write is one error naming it.
    @Test func theDeriveRulesCommandWritesTheFile() throws {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = folder.appendingPathComponent("Derived/rules.derived")
        let run = try CommandResult.run(["derive-rules", "--output", written.path])
        #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
        let committed = Paths.repository.appendingPathComponent("Sources/Concord/Derived/rules.derived")
        #expect(try Data(contentsOf: written) == Data(contentsOf: committed), "run scripts/derive-rules")
        let help = try CommandResult.run(["--help"])
        #expect(help.status == 0 && help.stdout.contains("check") && !help.stdout.contains("derive-rules"))
        let blocked = try CommandResult.run(["derive-rules", "--output", written.path + "/under-a-file"])
        #expect(blocked.status == 2 && blocked.stderr.hasPrefix("concord: error: \(written.path)/under-a-file: cannot be written"), "\(blocked.stderr)")
    }

    /// The build decodes every rule file (with Yams, as a rules folder's files are decoded)
    /// and stores it as JSON, which a run decodes instead of the YAML: for every file, the
    /// stored JSON is the YAML's values, and decodes back to them.
    @Test func theBuildStoresEveryRuleFileDecoded() throws {
        let folder = try Self.filesOfRulesFolder()
        #expect(Set(EmbeddedRules.decoded.keys) == Set(folder.keys), "a rule file the build did not decode: its warning says which")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func check<T: Codable>(_ type: T.Type, _ name: String) throws {
            let yaml = try RuleFiles.decode(T.self, from: try #require(folder[name]), file: name)
            let stored = try #require(EmbeddedRules.decoded[name])
            #expect(String(decoding: try encoder.encode(yaml), as: UTF8.self) == stored, "Rules/\(name): the build's JSON is not the YAML's values")
            let fromJSON = try RuleSource.builtIn.decode(T.self, name)
            #expect(try encoder.encode(fromJSON) == encoder.encode(yaml), "Rules/\(name): the JSON does not decode to the YAML's values")
        }
        for name in folder.keys.sorted() {
            let type = try #require(RuleFiles.type(of: name), "Rules/\(name): a file the rules do not read")
            try check(type, name)
        }
        #expect(RuleFiles.type(of: "languages/en.yml") == RuleFiles.LanguageFile.self)
        #expect(RuleFiles.type(of: "symbols.yml") == RuleFiles.Symbols.self)
        #expect(RuleFiles.type(of: "languages/old/en.yml") == nil && RuleFiles.type(of: "README.md") == nil)
        // The examples are in it: `concord rules` runs them from the built-in rules.
        #expect(try RuleSource.builtIn.decode(RuleFiles.LanguageFile.self, "languages/fr.yml").patterns.contains { $0.examples?.match?.isEmpty == false })
    }

    /// A built-in file the build could not decode (no JSON), or whose JSON does not decode, is
    /// decoded from its YAML, to the same values.
    @Test func aBuiltInFileWithoutItsJSONIsDecodedFromItsYAML() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let name = "languages/en.yml"
        let fromJSON = try encoder.encode(try RuleSource.builtIn.decode(RuleFiles.LanguageFile.self, name))
        #expect(try encoder.encode(try RuleSource.builtIn.decode(RuleFiles.LanguageFile.self, name, built: [:])) == fromJSON)
        #expect(try encoder.encode(try RuleSource.builtIn.decode(RuleFiles.LanguageFile.self, name, built: [name: "{}"])) == fromJSON)
        // And a file that does not decode is an error naming it, as for a rules folder.
        #expect(performing: { try RuleSource.builtIn.decode(RuleFiles.Symbols.self, name, built: [:]) }, throws: { error in
            String(describing: error).hasPrefix("Rules/languages/en.yml: error: missing key 'series'")
        })
    }

    @Test func builtInFilesAreNamedAsInTheRepository() {
        #expect(RuleSource.builtIn.name("languages/en.yml") == "Rules/languages/en.yml")
        #expect(RuleSource.builtIn.description == "built in (Concord \(Concord.version))")
        #expect(TestRules.shared.checks.check(.treatyContradiction).severity == .error)
    }

    /// The report of `check` on the seed from the repository, and from a copy of the binary
    /// in a folder with no Rules/ anywhere above it.
    @Test func aCopiedBinaryWorksWithoutARulesFolder() throws {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var above = folder
        while above.path != "/" {
            #expect(!FileManager.default.fileExists(atPath: above.appendingPathComponent("Rules").path), "\(above.path) has a Rules/ folder")
            above.deleteLastPathComponent()
        }
        let copy = folder.appendingPathComponent("concord")
        try FileManager.default.copyItem(at: Paths.executable, to: copy)
        let seed = Paths.corpora("seed")
        let fromRepository = try CommandResult.run(["check", "--format", "json", seed], currentDirectory: Paths.repository)
        let copied = try CommandResult.run(["check", "--format", "json", seed], executable: copy, currentDirectory: folder)
        #expect(copied.status == 0)
        #expect(copied.stderr == "")
        #expect(copied.status == fromRepository.status)
        #expect(copied.stdout == fromRepository.stdout)
        #expect(copied.stdout.contains("res-6-1.fr.txt"))
        let rules = try CommandResult.run(["rules"], executable: copy, currentDirectory: folder)
        #expect(rules.status == 0)
        #expect(rules.stdout.contains("examples in the rules built in (Concord \(Concord.version))"))
    }

    /// A Rules/ folder in the current folder (a user's own, or a broken one) is not rules.
    @Test func aRulesFolderInTheCurrentFolderDoesNotTakeOver() throws {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Rules/languages"), withIntermediateDirectories: true)
        for name in ["symbols.yml", "treaties.yml", "checks.yml", "languages/en.yml"] {
            try "this: [is not a rule file".write(to: folder.appendingPathComponent("Rules/" + name), atomically: true, encoding: .utf8)
        }
        let result = try CommandResult.run(["check", Paths.corpora("seed")], currentDirectory: folder)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let rules = try CommandResult.run(["rules"], currentDirectory: folder)
        #expect(rules.status == 0)
        #expect(rules.stdout.contains("built in"))
    }

    /// CONCORD_RULES once chose the rules: it is no longer read, and says so.
    @Test func theEnvironmentVariableNoLongerChoosesTheRules() throws {
        let copy = try Self.editedCopy()
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        let result = try CommandResult.run(["check", Paths.corpora("seed")], environment: ["CONCORD_RULES": copy.path])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("treaty.contradiction"))
        #expect(result.stderr == "concord: warning: CONCORD_RULES is no longer read: the rules are built in; give --rules DIR to replace them\n")
    }

    /// A copy of Rules/ in which treaty No. 39574 loses volume 2225, which the seed cites.
    static func editedCopy(treaties: String? = nil) throws -> URL {
        let folder = try Paths.temporaryDirectory()
        let copy = folder.appendingPathComponent("Rules")
        try FileManager.default.copyItem(at: Paths.repository.appendingPathComponent("Rules"), to: copy)
        let file = copy.appendingPathComponent("treaties.yml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let edited = treaties ?? text.replacingOccurrences(of: "volumes: [2225, 2237, 2241, 2326]", with: "volumes: [2237, 2241, 2326]")
        #expect(edited != text)
        try edited.write(to: file, atomically: true, encoding: .utf8)
        return copy
    }

    @Test func rulesOptionReplacesTheBuiltInRules() throws {
        let copy = try Self.editedCopy()
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        let seed = Paths.corpora("seed")
        let builtIn = try CommandResult.run(["check", seed])
        #expect(builtIn.status == 0)
        #expect(!builtIn.stdout.contains("treaty.contradiction"))
        let edited = try CommandResult.run(["check", "--rules", copy.path, seed])
        #expect(edited.status == 1)
        #expect(edited.stdout.contains("Treaty Series vol. 2225 is not a volume of No. 39574"))
        let rules = try CommandResult.run(["rules", "--rules", copy.path])
        #expect(rules.status == 0)
        #expect(rules.stdout.contains("examples in \(copy.path) (languages: ar, en, es, fr, ru, zh)"))
    }

    @Test func aBrokenFileInTheRulesOptionIsOneErrorNamingIt() throws {
        let copy = try Self.editedCopy(treaties: "treaties: [{number: 1, volumes: [2\n")
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        let result = try CommandResult.run(["check", "--rules", copy.path, Paths.corpora("seed")])
        #expect(result.status == 3)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("\(copy.path)/treaties.yml: error: not valid YAML") == true)
    }

    /// A rule folder's `instruments:` (the repository's treaties cited by name) add to the
    /// built-in list, and their examples run: the six languages' forms name the convention with
    /// their article, `article 14 of the Protocol` and `of the present Convention` do not.
    @Test func instrumentsOfARuleFolderAreReadAndTheirExamplesPass() throws {
        let rules = try RuleSet(extraFolders: [URL(fileURLWithPath: Paths.corpora("repository/rules"))])
        let instrument = try #require(rules.treaties.instruments.first { $0.symbol == "TEAM/CONVENTION/1" })
        #expect(instrument.examples.count == 8)
        let summary = RuleExamples.run(rules)
        #expect(summary.failures.isEmpty, "\(summary.failures)")
        let english = try #require(rules.languages[.en])
        #expect(RuleExamples.instrumentPins("under article 41 of the Convention against Illicit Trafficking in Cultural Property", symbol: "TEAM/CONVENTION/1",
                                            language: english, rules: rules) == ["article:41"])
        #expect(try RuleSet().treaties.instruments.isEmpty)
    }

    /// `rule-folders` add to the rules in use (built in, or --rules DIR); a later entry for a
    /// treaty number takes the place of the earlier one, as before.
    @Test func ruleFoldersAddToTheBuiltInRules() throws {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("extra"), withIntermediateDirectories: true)
        try "treaties:\n  - {number: 39574, volumes: [2237, 2241, 2326], titles: {en: Convention}}\n"
            .write(to: folder.appendingPathComponent("extra/treaties.yml"), atomically: true, encoding: .utf8)
        try "rule-folders:\n  - extra\n".write(to: folder.appendingPathComponent(".concord.yml"), atomically: true, encoding: .utf8)
        let result = try CommandResult.run(["check", Paths.corpora("seed")], currentDirectory: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("Treaty Series vol. 2225 is not a volume of No. 39574"))
        try "rule-folders:\n  - missing\n".write(to: folder.appendingPathComponent(".concord.yml"), atomically: true, encoding: .utf8)
        let missing = try CommandResult.run(["check", Paths.corpora("seed")], currentDirectory: folder)
        #expect(missing.status == 3)
        #expect(missing.stderr.hasSuffix("/missing: error: the rule folder named in the configuration does not exist or is not a folder\n"))
    }

    /// --rules is a complete replacement: a folder without checks.yml is an error naming it.
    @Test func aRulesFolderMustBeComplete() throws {
        let copy = try Self.editedCopy()
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        try FileManager.default.removeItem(at: copy.appendingPathComponent("checks.yml"))
        #expect(performing: { try RuleSet(folder: copy) }, throws: { error in
            String(describing: error).hasPrefix("\(copy.path)/checks.yml: error: cannot be read")
        })
    }
}
