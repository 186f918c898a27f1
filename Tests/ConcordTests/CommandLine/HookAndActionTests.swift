import Foundation
import Testing
import Yams
@testable import Concord

/// The pre-commit hook's mode (`concord check --changed`), the Action's annotations, the
/// pinned dependencies and the platform Concord runs on, through the command line on
/// temporary git repositories in the two layouts Concord groups (by name, by set-patterns).
/// The hook through the real pre-commit and the Action's steps run in Tests/ci/ (scripts/test).
@Suite struct HookAndActionTests {
    /// A git repository with the wrong-symbol set (the ru version cites /9, the others /8):
    /// by name in `resolutions/`, or by `{lang}/{name}.{ext}` with a configuration; a README
    /// that would give findings if it were read as a document.
    func repository(layout: String) throws -> URL {
        let folder = try Paths.temporaryDirectory()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let source = Paths.repository.appendingPathComponent("Corpora/defects/wrong-symbol")
        for language in ["ar", "en", "es", "fr", "ru", "zh"] {
            let target = layout == "name" ? folder.appendingPathComponent("resolutions/res-6-1.\(language).txt")
                : folder.appendingPathComponent("\(language)/res-6-1.txt")
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source.appendingPathComponent("res-6-1.\(language).txt"), to: target)
        }
        if layout == "pattern" {
            try "set-patterns:\n  - \"{lang}/{name}.{ext}\"\n".write(to: folder.appendingPathComponent(".concord.yml"), atomically: true, encoding: .utf8)
        }
        let readme = "# Resolutions\n\n1. Read them.\n\n3. See paragraph 25 above and A/RES/64/.\n"
        try readme.write(to: folder.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        try readme.write(to: folder.appendingPathComponent("README.fr.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("docs"), withIntermediateDirectories: true)
        try readme.write(to: folder.appendingPathComponent("docs/guide.md"), atomically: true, encoding: .utf8)
        return folder
    }

    static let finding = ":85:3: error: the ru version cites CTOC/COP/WG.4/2011/9 in footnote 5; ar, en, es, fr, zh cite CTOC/COP/WG.4/2011/8 [set.citation-mismatch]"

    /// Item 3: one changed version is checked with the others of its set (by name).
    @Test func changedChecksTheWholeSetByName() throws {
        let folder = try repository(layout: "name")
        defer { try? FileManager.default.removeItem(at: folder) }
        // Alone, the changed file has nothing to be compared with: the defect goes unseen.
        let alone = try CommandResult.run(["check", "resolutions/res-6-1.ru.txt"], currentDirectory: folder)
        #expect(alone.status == 0)
        let result = try CommandResult.run(["check", "--changed", "resolutions/res-6-1.ru.txt", "README.md"], currentDirectory: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("resolutions/res-6-1.ru.txt" + Self.finding))
        #expect(result.stdout.hasSuffix("concord: 1 error, 0 warnings, 0 notes in 6 files (1 document set)\n"))
        // An unchanged version that changed: the same set, the same finding.
        let other = try CommandResult.run(["check", "--changed", "./resolutions/res-6-1.en.txt"], currentDirectory: folder)
        #expect(other.status == 1)
        #expect(other.stdout.contains("resolutions/res-6-1.ru.txt" + Self.finding))
    }

    /// Item 3: the configuration's set-patterns find the other versions in other folders.
    @Test func changedChecksTheWholeSetByPattern() throws {
        let folder = try repository(layout: "pattern")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandResult.run(["check", "--changed", "ru/res-6-1.txt"], currentDirectory: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("ru/res-6-1.txt" + Self.finding))
        #expect(result.stdout.hasSuffix("in 6 files (1 document set)\n"))
        // A deleted version: the others are still checked together.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("ru/res-6-1.txt"))
        let deleted = try CommandResult.run(["check", "--changed", "ru/res-6-1.txt"], currentDirectory: folder)
        #expect(deleted.status == 0)
        #expect(deleted.stdout == "concord: 0 errors, 0 warnings, 0 notes in 5 files (1 document set)\n")
    }

    /// Item 3: READMEs, docs without a language and other files are never checked by the hook.
    @Test func changedLeavesWhatIsNotADocumentAlone() throws {
        let folder = try repository(layout: "name")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandResult.run(["check", "--changed", "README.md", "README.fr.md", "docs/guide.md", "Package.swift"], currentDirectory: folder)
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(result.stderr == "concord: no document among the changed files; nothing to check\n")
        #expect(!Pipeline.isDocumentName("docs/README.fr.md"))
        #expect(Pipeline.isDocumentName("devset.fr") && Pipeline.isDocumentName("A_RES_80_13-EN.docx"))
    }

    /// Item 3: the hook passes changed document names only, in one process, to --changed.
    @Test func hookDefinition() throws {
        let text = try String(contentsOf: Paths.repository.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        let hooks = try #require(try Yams.load(yaml: text) as? [[String: Any]])
        #expect(hooks.map { $0["id"] as? String } == ["concord", "concord-system"])
        for hook in hooks {
            #expect(hook["entry"] as? String == "concord check --changed")
            #expect(hook["require_serial"] as? Bool == true)
            let files = try NSRegularExpression(pattern: try #require(hook["files"] as? String))
            let exclude = try NSRegularExpression(pattern: try #require(hook["exclude"] as? String))
            func passed(_ name: String) -> Bool {
                let range = NSRange(name.startIndex..., in: name)
                return files.firstMatch(in: name, range: range) != nil && exclude.firstMatch(in: name, range: range) == nil
            }
            for name in ["res-6-1.ru.txt", "a/A_RES_80_13-FR.docx", "res_fr.md", "name (RU).txt", "devset.fr", "ru/res-6-1.txt"] {
                #expect(passed(name), "\(name)")
            }
            for name in ["README.md", "docs/README.fr.md", "docs/guide.md", "notes.txt", "Package.swift", "fresh.txt"] {
                #expect(!passed(name), "\(name)")
            }
        }
    }

    /// Item 4: with `paths: .` the annotations carry paths relative to the root, without `./`.
    @Test func githubAnnotationsAreRelativeToTheRoot() throws {
        let folder = try repository(layout: "pattern")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandResult.run(["check", "--format", "github", "."], currentDirectory: folder)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("::error file=ru/res-6-1.txt,line=85,col=3,title=set.citation-mismatch::"))
        let absolute = try CommandResult.run(["check", "--format", "github", folder.path + "/ru", folder.path + "/en"], currentDirectory: folder)
        #expect(absolute.stdout.hasPrefix("::error file=ru/res-6-1.txt,line=85,"))
    }

    /// Item 4: every dependency is pinned (`exact:` or `.upToNextMinor(from:)`), never `from:`.
    @Test func dependenciesArePinned() throws {
        let manifest = try String(contentsOf: Paths.repository.appendingPathComponent("Package.swift"), encoding: .utf8)
        let packages = manifest.split(separator: "\n").filter { $0.contains(".package(") }
        #expect(packages.count == 3)
        for line in packages {
            #expect(line.contains("exact: \"") || line.contains(".upToNextMinor(from: \""), "\(line)")
            #expect(!line.contains(", from: \""), "\(line)")
        }
    }

    /// Item 11: the setup says that Concord runs on Linux rather than failing later on a
    /// missing ICU, and so does the README.
    @Test func concordRunsOnLinux() throws {
        let stubs = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: stubs) }
        let uname = stubs.appendingPathComponent("uname")
        try "#!/bin/sh\necho Darwin\n".write(to: uname, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: uname.path)
        let path = stubs.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let result = try CommandResult.run([Paths.repository.appendingPathComponent("scripts/setup").path],
                                           executable: URL(fileURLWithPath: "/bin/bash"), environment: ["PATH": path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Concord runs on Linux"))
        let readme = try String(contentsOf: Paths.repository.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("Concord runs on Linux"))
        #expect(!readme.contains("Only the Swift toolchain (6.x) is needed"))
    }
}
