import Foundation
import Testing
@testable import Concord

/// Archives that outgrow one run, as users run them: shards merged into one run's report,
/// `--changed-since` on a temporary git repository, the result cache.
@Suite struct RepositoryScaleTests {
    /// Runs concord without the cache (unless a test gives one), from `folder`.
    func concord(_ arguments: [String], in folder: URL = Paths.repository, cache: URL? = nil) throws -> CommandResult {
        let cacheArguments = cache.map { ["--cache-dir", $0.path] } ?? ["--no-cache"]
        let isCheck = arguments.first == "check"
        return try CommandResult.run(isCheck ? ["check"] + cacheArguments + arguments.dropFirst() : arguments, currentDirectory: folder)
    }

    func sets(ofJSON text: String) throws -> [String] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return try #require(object["sets"] as? [[String: Any]]).compactMap { $0["name"] as? String }
    }

    // MARK: Shards and merge

    /// N shards of Corpora/ (every folder of it holds one set of language versions: Word
    /// documents, defect sets with findings, the report and the treaty sets), each written
    /// as JSON and as SARIF, merged: byte for byte one run's report, in every format.
    @Test(arguments: [1, 2, 3])
    func shardsMergedEqualOneRun(count: Int) throws {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var jsons = [String](), sarifs = [String](), names = [String]()
        for k in 1...count {
            let json = folder.appendingPathComponent("shard-\(k).json").path, sarif = folder.appendingPathComponent("shard-\(k).sarif").path
            let part = try concord(["check", "--shard", "\(k)/\(count)", "--format", "json", "--output", json, "Corpora"])
            #expect(part.status <= 1, "\(part.stderr)")
            #expect(try concord(["check", "--shard", "\(k)/\(count)", "--format", "sarif", "--output", sarif, "Corpora"]).status <= 1)
            jsons.append(json)
            sarifs.append(sarif)
            names += try sets(ofJSON: String(contentsOfFile: json, encoding: .utf8))
        }
        for format in ["json", "text", "sarif", "junit", "github", "markdown"] {
            let one = try concord(["check", "--format", format, "Corpora"])
            #expect(one.status == 1)
            let merged = try concord(["merge", "--format", format] + jsons)
            #expect(merged.status == one.status, "\(format): \(merged.stderr)")
            #expect(merged.stdout == one.stdout, "\(format) of \(count) shards merged differs from one run")
            if format == "json" {
                #expect(names.sorted() == (try sets(ofJSON: one.stdout)), "the shards are not a partition of the sets")
                #expect(names.count == (try Paths.foldersHoldingDocuments("Corpora")), "one set per folder of Corpora/")
            }
        }
        let one = try concord(["check", "--format", "sarif", "Corpora"])
        let merged = try concord(["merge", "--format", "sarif"] + sarifs)
        #expect(merged.status == 1)
        #expect(merged.stdout == one.stdout, "SARIF of \(count) shards merged differs from one run")
        // SARIF inputs give SARIF only.
        #expect(try concord(["merge", "--format", "text"] + sarifs).status == 2)
    }

    /// A file a shard could not read: the merged report and exit code are one run's; the
    /// same error lines on standard error.
    @Test func mergeKeepsInputErrors() throws {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Paths.repository.appendingPathComponent("Corpora/defects"), to: folder.appendingPathComponent("defects"))
        try Data([0x00, 0x01, 0x02]).write(to: folder.appendingPathComponent("defects/broken.fr.txt"))
        let one = try concord(["check", "--format", "json", "defects"], in: folder)
        #expect(one.status == 2)
        var parts = [String]()
        for k in 1...2 {
            let path = folder.appendingPathComponent("part-\(k).json").path
            _ = try concord(["check", "--shard", "\(k)/2", "--format", "json", "--output", path, "defects"], in: folder)
            parts.append(path)
        }
        let merged = try concord(["merge", "--format", "json"] + parts, in: folder)
        #expect(merged.status == 2)
        #expect(merged.stdout == one.stdout)
        #expect(merged.stderr == one.stderr)
        #expect(merged.stderr == "defects/broken.fr.txt:1: error: this looks like a binary file (it contains NUL bytes), not text\n")
        // The same shard twice: the reports overlap.
        let twice = try concord(["merge", parts[0], parts[0]], in: folder)
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("the reports overlap"))
    }

    /// Explicit sets are reported among the others by name, as merge orders them.
    @Test func setsAreReportedByName() throws {
        var options = Pipeline.Options()
        options.paths = [Paths.corpora("seed")]
        options.explicitSets = [[Paths.corpora("defects/wrong-symbol/res-6-1.fr.txt"), Paths.corpora("defects/wrong-symbol/res-6-1.ru.txt")]]
        let names = Pipeline(rules: TestRules.shared, options: options).run().report.sets.map(\.set.name)
        #expect(names == [Paths.corpora("defects/wrong-symbol/res-6-1.fr.txt") + " + " + Paths.corpora("defects/wrong-symbol/res-6-1.ru.txt"),
                          Paths.corpora("seed/res-6-1")])
    }

    /// A set's shard depends on its name only: the same whatever other sets there are; an
    /// empty shard is a part with nothing to do (exit 0, said on standard error).
    @Test func shardsAreStableAndMayBeEmpty() throws {
        let names = (1...200).map { "archive/res-\($0)" }
        let before = names.map { name in (1...7).first { Shard(index: $0, count: 7)!.contains(DocumentSet(name: name, files: [])) } }
        let after = names.dropFirst(50).map { name in (1...7).first { Shard(index: $0, count: 7)!.contains(DocumentSet(name: name, files: [])) } }
        #expect(Array(before.dropFirst(50)) == after)
        #expect(Set(before.compactMap { $0 }) == Set(1...7))
        #expect(Shard("0/3") == nil && Shard("4/3") == nil && Shard("2/3") != nil)
        let set = "Corpora/defects/wrong-symbol"
        let empty = try #require((1...3).first { !Shard(index: $0, count: 3)!.contains(DocumentSet(name: set + "/res-6-1", files: [])) })
        let result = try concord(["check", "--shard", "\(empty)/3", "--format", "json", set])
        #expect(result.status == 0)
        #expect(try sets(ofJSON: result.stdout) == [])
        #expect(result.stderr == "concord: shard \(empty)/3 has none of the 1 document sets\n")
        #expect(try concord(["check", "--shard", "4/3", set]).status == 2)
    }

    // MARK: --changed-since

    func git(_ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    /// A temporary repository: one language version changed → its set is checked whole and
    /// no other; a deleted version → its set; an untracked file → its set.
    @Test func changedSinceChecksTheTouchedSets() throws {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for set in ["wrong-symbol", "swapped-volume", "moved-marker"] {
            try FileManager.default.copyItem(at: Paths.repository.appendingPathComponent("Corpora/defects/\(set)"),
                                             to: folder.appendingPathComponent("docs/\(set)"))
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("docs/new"), withIntermediateDirectories: true)
        try git(["init", "-q"], in: folder)
        try git(["add", "."], in: folder)
        try git(["commit", "-q", "-m", "documents"], in: folder)
        let nothing = try concord(["check", "--changed-since", "HEAD", "--format", "json", "docs"], in: folder)
        #expect(nothing.status == 0)
        #expect(try sets(ofJSON: nothing.stdout) == [])
        #expect(nothing.stderr == "concord: no document set has a file changed since HEAD\n")

        let en = folder.appendingPathComponent("docs/wrong-symbol/res-6-1.en.txt")
        try (String(contentsOf: en, encoding: .utf8) + "\n").write(to: en, atomically: true, encoding: .utf8)
        let changed = try concord(["check", "--changed-since", "HEAD", "--format", "json", "docs"], in: folder)
        #expect(changed.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(changed.stdout.utf8)) as? [String: Any])
        let reported = try #require(object["sets"] as? [[String: Any]])
        #expect(reported.map { $0["name"] as? String } == ["docs/wrong-symbol/res-6-1"])
        #expect((reported.first?["files"] as? [String])?.count == 6)
        // From a subfolder, with paths relative to it, and with the change committed.
        try git(["commit", "-q", "-am", "edit"], in: folder)
        let sub = try concord(["check", "--changed-since", "HEAD~1", "--format", "json", "."], in: folder.appendingPathComponent("docs"))
        #expect(try sets(ofJSON: sub.stdout) == ["./wrong-symbol/res-6-1"])

        try FileManager.default.removeItem(at: folder.appendingPathComponent("docs/swapped-volume/res-6-1.es.txt"))
        try "Resolution 1/1\n\nThe General Assembly,\n\n1. *Decides* to act.\n".write(to: folder.appendingPathComponent("docs/new/res-1.en.txt"), atomically: true, encoding: .utf8)
        let more = try concord(["check", "--changed-since", "HEAD", "--format", "json", "docs"], in: folder)
        #expect(try sets(ofJSON: more.stdout) == ["docs/new/res-1", "docs/swapped-volume/res-6-1"])

        let unknown = try concord(["check", "--changed-since", "no-such-ref", "docs"], in: folder)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("concord: error: --changed-since: unknown revision 'no-such-ref'"))
        let plain = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: plain) }
        try FileManager.default.copyItem(at: folder.appendingPathComponent("docs/moved-marker"), to: plain.appendingPathComponent("moved-marker"))
        let notGit = try concord(["check", "--changed-since", "HEAD", "moved-marker"], in: plain)
        #expect(notGit.status == 2)
        #expect(notGit.stderr.contains("is not in a git repository"))
    }

    // MARK: The cache

    func entries(_ cache: URL) -> [URL] {
        let folder = cache.appendingPathComponent("sets-v1")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }
            .sorted().map { folder.appendingPathComponent($0) }
    }

    /// Stored outcomes are read back (an edited entry shows through), and a change to a
    /// file, the configuration or the rules is a miss; a damaged entry is checked again and
    /// rewritten; --no-cache writes nothing.
    @Test func theCacheIsReadAndInvalidated() throws {
        let folder = try Paths.temporaryDirectory(), cache = folder.appendingPathComponent("cache")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Paths.repository.appendingPathComponent("Corpora/defects/wrong-symbol"), to: folder.appendingPathComponent("ws"))
        try FileManager.default.copyItem(at: Paths.repository.appendingPathComponent("Rules"), to: folder.appendingPathComponent("rules"))
        let run = { try self.concord(["check", "--rules", "rules", "ws"], in: folder, cache: cache) }
        let first = try run()
        #expect(first.status == 1)
        #expect(first.stdout.contains("the ru version cites"))
        let entry = try #require(entries(cache).first)
        #expect(entries(cache).count == 1)
        // The second run reads the entry: an edit to it shows.
        let stored = try String(contentsOf: entry, encoding: .utf8)
        try stored.replacingOccurrences(of: "the ru version", with: "the STORED ru version").write(to: entry, atomically: true, encoding: .utf8)
        #expect(try run().stdout == first.stdout.replacingOccurrences(of: "the ru version", with: "the STORED ru version"))
        // A rule file changed: a miss (the report is checked again).
        let symbols = folder.appendingPathComponent("rules/symbols.yml")
        try (String(contentsOf: symbols, encoding: .utf8) + "\n# edited\n").write(to: symbols, atomically: true, encoding: .utf8)
        #expect(try run().stdout == first.stdout)
        // Stored again, and read again…
        for entry in entries(cache) {
            let text = try String(contentsOf: entry, encoding: .utf8)
            try text.replacingOccurrences(of: "the ru version", with: "the STORED ru version").write(to: entry, atomically: true, encoding: .utf8)
        }
        #expect(try run().stdout.contains("STORED"))
        // …until the configuration changes,
        try "rules:\n  set.citation-mismatch: warning\n".write(to: folder.appendingPathComponent(".concord.yml"), atomically: true, encoding: .utf8)
        let configured = try run()
        #expect(!configured.stdout.contains("STORED") && configured.stdout.contains("warning: the ru version"))
        // A damaged entry is checked again and rewritten.
        try FileManager.default.removeItem(at: cache)
        #expect(try run().stdout == configured.stdout)
        let only = try #require(entries(cache).first)
        try Data("{\"key\": 1".utf8).write(to: only)
        let damaged = try run()
        #expect(damaged.status == configured.status && damaged.stdout == configured.stdout && damaged.stderr == "")
        #expect(try JSONSerialization.jsonObject(with: Data(contentsOf: only)) is [String: Any])
        // or a file changes.
        let ru = folder.appendingPathComponent("ws/res-6-1.ru.txt")
        let fr = try String(contentsOf: folder.appendingPathComponent("ws/res-6-1.fr.txt"), encoding: .utf8)
        let before = entries(cache).count
        try String(contentsOf: ru, encoding: .utf8).replacingOccurrences(of: "CTOC/COP/WG.4/2011/9", with: "CTOC/COP/WG.4/2011/8")
            .write(to: ru, atomically: true, encoding: .utf8)
        #expect(fr.contains("CTOC/COP/WG.4/2011/8"))
        #expect(try run().status == 0)
        #expect(entries(cache).count == before + 1)
        // --no-cache: nothing written.
        let none = folder.appendingPathComponent("none")
        _ = try CommandResult.run(["check", "--no-cache", "--cache-dir", none.path, "ws"], currentDirectory: folder)
        #expect(!FileManager.default.fileExists(atPath: none.path))
        // Nor for the HTML view, which needs the documents.
        _ = try CommandResult.run(["check", "--format", "html", "--cache-dir", none.path, "ws"], currentDirectory: folder)
        #expect(!FileManager.default.fileExists(atPath: none.path))
    }

    /// A check with the cache prunes its folder once a day and says so with `-v`: entries
    /// unused for 30 days go, anything that is not Concord's entry stays, and the report is
    /// the same as without the cache.
    @Test func aCheckPrunesItsCacheFolderOnceADay() throws {
        let folder = try Paths.temporaryDirectory(), cache = folder.appendingPathComponent("cache")
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = Date().addingTimeInterval(-40 * 86_400)
        for name in ["sets-v1/00000000000000000000000000000000.json", "rules-v2/11111111111111111111111111111111.json", "notes.json"] {
            let url = cache.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(repeating: 0x20, count: 1_048_576).write(to: url)
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: url.path)
        }
        let expected = try concord(["check", "Corpora/seed"])
        let first = try concord(["check", "-v", "Corpora/seed"], cache: cache)
        #expect(first.stdout == expected.stdout && first.status == expected.status)
        #expect(first.stderr.contains("concord: pruned the cache folder \(cache.path): removed 2 files (2.0 MB) unused for 30 days"))
        #expect(!FileManager.default.fileExists(atPath: cache.appendingPathComponent("sets-v1/00000000000000000000000000000000.json").path))
        #expect(!FileManager.default.fileExists(atPath: cache.appendingPathComponent("rules-v2").appendingPathComponent("11111111111111111111111111111111.json").path))
        #expect(FileManager.default.fileExists(atPath: cache.appendingPathComponent("notes.json").path))
        #expect(!entries(cache).isEmpty)
        // Pruned today: the next run does not look again.
        let second = try concord(["check", "-v", "Corpora/seed"], cache: cache)
        #expect(second.stdout == expected.stdout && !second.stderr.contains("pruned"))
    }

    /// Two runs at once on one cache give the right reports, and leave entries a third run
    /// reads.
    @Test func concurrentRunsShareTheCache() throws {
        let folder = try Paths.temporaryDirectory(), cache = folder.appendingPathComponent("cache")
        defer { try? FileManager.default.removeItem(at: folder) }
        let expected = try concord(["check", "--format", "json", "Corpora"])
        let results = try [0, 1].map { _ -> (Process, Pipe) in
            let process = Process(), pipe = Pipe()
            process.executableURL = Paths.executable
            process.arguments = ["check", "--cache-dir", cache.path, "--jobs", "2", "--format", "json", "Corpora"]
            process.currentDirectoryURL = Paths.repository
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            return (process, pipe)
        }.map { process, pipe in
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        #expect(results == [expected.stdout, expected.stdout])
        #expect(entries(cache).count == (try Paths.foldersHoldingDocuments("Corpora")))
        #expect(try concord(["check", "--format", "json", "Corpora"], cache: cache).stdout == expected.stdout)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("sets-v1").path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers == [])
    }
}
