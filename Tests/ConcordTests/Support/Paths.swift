import Foundation
import Testing

/// Where the tests find the repository, its corpora and the shared material beside it.
enum Paths {
    /// The repository's root folder.
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    static func corpora(_ relative: String) -> String {
        repository.appendingPathComponent("Corpora").appendingPathComponent(relative).path
    }

    /// The folders under `path` (relative to the repository) that hold at least one document
    /// other than a README: each of Corpora's folders is one set.
    static func foldersHoldingDocuments(_ path: String) throws -> Int {
        let root = repository.appendingPathComponent(path)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return 0 }
        var folders = Set<String>()
        for case let url as URL in walker where DocumentReader.documentExtensions.contains(url.pathExtension.lowercased())
            && !url.lastPathComponent.lowercased().hasPrefix("readme") {
            folders.insert(url.deletingLastPathComponent().path)
        }
        return folders.count
    }

    static var seed: String { corpora("seed/res-6-1.fr.txt") }

    /// The shared material (`../shared/` beside the repository). Under CI it must be there:
    /// a test that needs it fails rather than skips. On a developer's machine without it,
    /// the test records nothing and returns.
    static func shared(_ relative: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let candidates = [
            ProcessInfo.processInfo.environment["CONCORD_SHARED"],
            repository.deletingLastPathComponent().appendingPathComponent("shared").path,
        ].compactMap { $0 }
        for base in candidates {
            let path = (base as NSString).appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record("shared material missing under CI: \(relative) (looked in \(candidates))", sourceLocation: sourceLocation)
        }
        return nil
    }

    /// The `concord` executable built beside the test bundle.
    static var executable: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if directory.lastPathComponent == "MacOS" || directory.lastPathComponent == "Contents" {
            directory = directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        }
        return directory.appendingPathComponent("concord")
    }

    /// The folder of this test process in the temporary folder, which holds every folder the
    /// tests make and the cache folder of the runs under test; removed when the process exits
    /// (a run of the tests left some 20 folders and a 22 MB cache folder behind).
    static let testFolder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("concord-tests-\(ProcessInfo.processInfo.processIdentifier)")
        atexit { try? FileManager.default.removeItem(at: Paths.testFolder) }
        return url
    }()

    /// A new empty folder in `testFolder`.
    static func temporaryDirectory() throws -> URL {
        let url = testFolder.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Reads a source file independently of Concord's reader, to check the places it reports:
/// lines split on LF, columns counted in Unicode scalars.
struct IndependentSource {
    let lines: [[Unicode.Scalar]]

    init(path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
    }

    /// The scalar at a 1-based line and column.
    func scalar(line: Int, column: Int) -> Unicode.Scalar? {
        guard line >= 1, line <= lines.count, column >= 1, column <= lines[line - 1].count else { return nil }
        return lines[line - 1][column - 1]
    }

    /// The text from a 1-based line and column, `count` scalars long (within the line).
    func text(line: Int, column: Int, count: Int) -> String {
        guard line >= 1, line <= lines.count, column >= 1 else { return "" }
        let l = lines[line - 1]
        let start = min(column - 1, l.count)
        var s = String.UnicodeScalarView()
        s.append(contentsOf: l[start..<min(l.count, start + count)])
        return String(s)
    }
}

/// Runs the built `concord` and collects what it printed.
struct CommandResult {
    static let cacheHome = Paths.testFolder.appendingPathComponent("cache").path

    var status: Int32
    var stdout: String
    var stderr: String

    static func run(_ arguments: [String], executable: URL = Paths.executable, currentDirectory: URL? = nil,
                    environment: [String: String] = [:]) throws -> CommandResult {
        let process = Process()
        process.executableURL = executable
        // The result cache of the runs under test stays in a folder of the test process, not
        // in the user's ~/.cache (a test that is about the cache names its own folder).
        process.environment = ProcessInfo.processInfo.environment
            .merging(["XDG_CACHE_HOME": Self.cacheHome]) { $1 }.merging(environment) { $1 }
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus,
                             stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }
}

import Concord

enum TestRules {
    /// The rules built into Concord (the repository's Rules/ folder, as
    /// EmbeddedRulesTests checks), compiled once, with their examples: asked for so, not left
    /// to whichever test first loads the process's shared rules (one that reads them from a
    /// cache folder gets them without examples, and the example tests then checked nothing).
    static let shared: RuleSet = {
        do { return try RuleSet.shared(source: .builtIn, withExamples: true) } catch {
            fatalError("the built-in rules do not load: \(error)")
        }
    }()

    /// The repository's Rules/ read as a rules folder (`--rules Rules`): decoded from the YAML
    /// and compiled whole, every pattern with ICU, as a run compiles a rules folder. The
    /// reference for rules compiled on first use (the built-in rules, the rule cache's).
    static let whole: RuleSet = {
        do { return try RuleSet(source: .folder(Paths.repository.appendingPathComponent("Rules"))) } catch {
            fatalError("the repository's Rules/ folder does not compile: \(error)")
        }
    }()
}

/// The pipeline's stages as the tests call them, on the repository's rules.
enum TestPipeline {
    /// The findings of these checks on a text read as the named file (Markdown by its
    /// extension, else plain text).
    static func findings(_ text: String, file: String, of checks: Set<CheckID>) -> [Finding] {
        let format: SourceFormat = file.hasSuffix(".md") ? .markdown : .plainText
        let document = DocumentReader().read(source: SourceText(text), file: file, format: format)
        return findings(document).filter { checks.contains($0.rule) }
    }

    /// The findings of these checks on every session-80 resolution of the shared English
    /// corpora (text and Markdown), by file: what a clean corpus must not give.
    static func findingsOnEnglishGA80(of checks: Set<CheckID>) throws -> [String: [Finding]] {
        var out = [String: [Finding]]()
        for folder in ["en-ga-80-txt", "en-ga-80-md"] {
            guard let path = Paths.shared("corpus/\(folder)") else { return out }
            let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasPrefix("A_RES_80_") }.sorted()
            #expect(names.count >= 10)
            for name in names {
                let text = try String(contentsOfFile: path + "/" + name, encoding: .utf8)
                out["\(folder)/\(name)"] = findings(text, file: "\(name.split(separator: ".")[0]).en.\(name.hasSuffix(".md") ? "md" : "txt")", of: checks)
            }
        }
        return out
    }

    static func report(_ sets: [DocumentSet], keepDocuments: Bool = false) -> CheckReport {
        var options = Pipeline.Options()
        options.keepDocuments = keepDocuments
        return Pipeline(rules: TestRules.shared, options: options).run(sets).report
    }

    /// Normalize, extract and resolve one document.
    static func resolved(_ document: Document) -> ResolvedDocument {
        Pipeline(rules: TestRules.shared).resolve(document)
    }

    /// Every document check's findings on one document.
    static func findings(_ document: Document) -> [Finding] {
        Checks.findings(in: resolved(document), context: CheckContext(rules: TestRules.shared))
    }
}
