import Foundation
import Testing
@testable import Concord

/// `concord extract` as a user runs it.
@Suite struct ExtractCommandTests {
    @Test func jsonHasTheDocumentedFields() throws {
        let result = try CommandResult.run(["extract", "--format", "json", Paths.seed])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["file"] as? String == Paths.seed)
        #expect(object["language"] as? String == "fr")
        let paragraphs = try #require(object["paragraphs"] as? [[String: Any]])
        let op12 = try #require(paragraphs.first { $0["id"] as? String == "op12" })
        #expect(op12["kind"] as? String == "operative")
        #expect(op12["number"] as? Int == 12)
        #expect(op12["line"] as? Int == 79)
        #expect((op12["text"] as? String)?.hasPrefix("*Décide* que le Groupe de travail") == true)
        let pp1 = try #require(paragraphs.first { $0["id"] as? String == "pp1" })
        #expect(pp1["number"] as? Int == 1)
        let title = try #require(paragraphs.first { $0["kind"] as? String == "title" })
        #expect(title["number"] is NSNull)
        let footnotes = try #require(object["footnotes"] as? [[String: Any]])
        #expect(footnotes.count == 8)
        let five = footnotes[4]
        #expect(five["label"] as? String == "5")
        #expect(five["text"] as? String == "CTOC/COP/WG.4/2011/8, par. 46 à 51.")
        #expect((five["body"] as? [String: Int]) == ["line": 85, "column": 1])
        let markers = try #require(five["markers"] as? [[String: Any]])
        #expect(markers.count == 1)
        #expect(markers[0]["line"] as? Int == 79)
        #expect(markers[0]["paragraph"] as? String == "op12")
        // The column points at the marker ⁵ in the file.
        let column = try #require(markers[0]["column"] as? Int)
        #expect(try IndependentSource(path: Paths.seed).scalar(line: 79, column: column) == "⁵")
    }

    @Test func severalFilesGiveAnArrayAndTheSameBytesEveryRun() throws {
        let files = ["fr", "en", "ar", "zh"].map { Paths.corpora("seed/res-6-1.\($0).txt") }
        let first = try CommandResult.run(["extract", "--format", "json"] + files)
        let second = try CommandResult.run(["extract", "--format", "json"] + files)
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [[String: Any]])
        #expect(array.map { $0["language"] as? String } == ["fr", "en", "ar", "zh"])
    }

    @Test func badFilesAreReportedAndTheOthersStillRead() throws {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.txt")
        let binary = folder.appendingPathComponent("binary.txt")
        let invalid = folder.appendingPathComponent("invalid.txt")
        let missing = folder.appendingPathComponent("missing.txt")
        try Data().write(to: empty)
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00]).write(to: binary)
        try Data(Array("Résolution\n".utf8) + [0xE9, 0x20, 0x0A]).write(to: invalid)
        let arguments = ["extract", "--format", "json", empty.path, binary.path, Paths.seed, invalid.path, missing.path]
        let result = try CommandResult.run(arguments)
        #expect(result.status == 2)
        let errors = result.stderr.split(separator: "\n").map(String.init)
        #expect(errors == [
            "\(empty.path): error: the file is empty: there is no text to check",
            "\(binary.path):1: error: this looks like a binary file (it contains NUL bytes), not text",
            "\(invalid.path):2: error: not valid UTF-8 (bad byte sequence at byte offset 12); save it as UTF-8 or UTF-16 with a byte-order mark",
            "\(missing.path): error: no such file or folder",
        ])
        // The good file is still there, alone in the array.
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 1)
        #expect(array.first?["file"] as? String == Paths.seed)
    }

    @Test func aFolderIsSearchedForDocuments() throws {
        let result = try CommandResult.run(["extract", Paths.corpora("seed")])
        #expect(result.status == 0)
        let headers = result.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }
        #expect(headers.count == 6)
        #expect(headers.allSatisfy { $0.contains("41 paragraphs, 8 footnotes") })
    }

    @Test func languageOptionOverridesAndUnknownOnesAreRefused() throws {
        let forced = try CommandResult.run(["extract", "--format", "json", "--lang", "es", Paths.seed])
        #expect(forced.stdout.contains("\"language\": \"es\""))
        #expect(forced.stdout.contains("\"languageSource\": \"option\""))
        let refused = try CommandResult.run(["extract", "--lang", "de", Paths.seed])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("unknown language 'de'"))
    }

    @Test func unusableRulesAreAConfigurationError() throws {
        let result = try CommandResult.run(["extract", "--rules", "/nonexistent/Rules", Paths.seed])
        #expect(result.status == 3)
        #expect(result.stderr == "/nonexistent/Rules: error: the rules folder given with --rules does not exist or is not a folder\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func citationsAreInTheJSON() throws {
        let result = try CommandResult.run(["extract", "--format", "json", Paths.seed])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let citations = try #require(object["citations"] as? [[String: Any]])
        let ibid = try #require(citations.first { $0["kind"] as? String == "ibid" })
        #expect(ibid["key"] as? String == "treaty:2237/39574")
        #expect(ibid["antecedent"] as? String == "treaty:2225/39574")
        #expect(ibid["footnote"] as? String == "4")
        #expect(ibid["paragraph"] is NSNull)
        #expect(ibid["volume"] as? Int == 2237)
        #expect(ibid["number"] as? Int == 39574)
        let article = try #require(citations.first { $0["key"] as? String == "article:28" })
        #expect(article["paragraph"] as? String == "op4")
        #expect(article["line"] as? Int == 59)
        #expect(article["text"] as? String == "article 28")
    }
}
