import Foundation
import Testing
import ZIPFoundation
@testable import Concord

/// An adversarial corpus, built by the tests: every input gets an answer (a clear error or a
/// correct result), nothing crashes or hangs, no input is written, a report is never half
/// written. The largest sizes (a 50 MB line, a million markers, 100,000 bodies) run against
/// the release binary in Tests/hostile/run, called by scripts/test.
@Suite struct AdversarialTests {
    let folder: URL

    init() throws { folder = try Paths.temporaryDirectory() }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    @Test func brokenEncodingsGetOneClearErrorEach() throws {
        let files = [
            try write("invalid.en.txt", Array("Resolution 1/1\n".utf8) + [0xC0, 0xAF, 0x0A]),
            try write("surrogate.en.txt", [0xFF, 0xFE] + Array("A\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) + [0x00, 0xDC, 0x41, 0x00]),
            try write("nul.en.txt", Array("text\u{0}more\n".utf8)),
        ]
        let result = try CommandResult.run(["check"] + files + ["Corpora/seed"], currentDirectory: Paths.repository)
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { line in files.contains { line.hasPrefix($0) } && line.contains(": error: ") })
        #expect(result.stdout.hasSuffix("concord: 0 errors, 0 warnings, 0 notes in 6 files (4 document sets); 3 files could not be read\n"))
    }

    @Test func everyBidiControlWhitespaceAndDash() throws {
        let controls = "\u{200E}\u{200F}\u{061C}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}"
        let spaces = "\u{00A0}\u{1680}\u{2000}\u{2001}\u{2002}\u{2003}\u{2004}\u{2005}\u{2006}\u{2007}\u{2008}\u{2009}\u{200A}\u{202F}\u{205F}\u{3000}"
        let dashes = "\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}\u{2015}\u{2212}\u{FE58}\u{FE63}\u{FF0D}"
        let text = "القرار\n\nإن الجمعية العامة،\n\n1 - تقرر\(controls)الوثيقة \(controls)A/RES/64/293\(controls) و\(spaces)الفترة 5\(dashes)8 أيار/مايو 2015؛\n"
        let document = DocumentReader().read(source: SourceText(text), file: "x.ar.txt", format: .plainText)
        let citations = CitationExtractor(rules: TestRules.shared).citations(in: document)
        #expect(citations.contains { $0.key == "A/RES/64/293" && $0.kind == .symbol })
        // Every citation's place maps back into the source text that normalizes to it.
        for citation in citations {
            let written = String(decoding: document.source.units[citation.sourceRange], as: UTF16.self)
            #expect(NormalizedText(written).string == NormalizedText(citation.text).string)
        }
        #expect(NormalizedText(spaces).string == String(repeating: " ", count: spaces.unicodeScalars.count))
        #expect(NormalizedText(dashes).string == String(repeating: "-", count: dashes.unicodeScalars.count))
        #expect(NormalizedText(controls).string.isEmpty)
    }

    @Test func runsThatTemptBacktrackingStayLinear() {
        let cases: [(String, (Int) -> String)] = [
            ("A/A/A", { "See " + String(repeating: "A/", count: $0) + "1.\n" }),
            ("vol list", { "United Nations, Treaty Series, vol. " + (1...$0).map(String.init).joined(separator: ", ") + ", No. 39574.\n" }),
            ("ibid", { "The General Assembly,\n\n1. Decides" + String(repeating: " ibid.", count: $0) + ".\n" }),
            ("brackets", { String(repeating: "([", count: $0) + "A/80/1" + String(repeating: "])", count: $0) + "\n" }),
        ]
        for (name, make) in cases {
            // The thread's CPU time, not the wall clock: other processes on a shared machine
            // take the CPU away from the run but do not add to its CPU time.
            func cpuSeconds() -> Double {
                var t = timespec()
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
                return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
            }
            func run(_ n: Int) -> Double {
                let started = cpuSeconds()
                let document = DocumentReader().read(source: SourceText(make(n)), file: "x.en.txt", format: .plainText)
                _ = TestPipeline.findings(document)
                return cpuSeconds() - started
            }
            _ = run(200)
            // The best of three runs each: a shared machine's noise only ever adds time. Linear
            // is 10x; quadratic would be 100x; the bound leaves room for cache effects.
            let small = (0..<3).map { _ in run(1_000) }.min()!, large = (0..<3).map { _ in run(10_000) }.min()!
            #expect(large / max(small, 0.002) < 30, "\(name): 10x the input took \(large / max(small, 0.002))x the time")
        }
    }

    @Test func hostileWordPackages() throws {
        let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        // Billion laughs.
        var laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        for i in 1...9 { laughs += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">" }
        laughs += "]><w:document \(w)><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
        let bomb = folder.appendingPathComponent("laughs.en.docx")
        try DocxTests.makeArchive(bomb, entries: [("word/document.xml", Data(laughs.utf8))])
        // Ten thousand entries (the limit), then one more.
        let many = folder.appendingPathComponent("many.en.docx")
        let archive = try Archive(url: many, accessMode: .create)
        for i in 0..<10_001 {
            try archive.addEntry(with: "x/\(i)", type: .file, uncompressedSize: Int64(0), compressionMethod: .none) { (_: Int64, _: Int) in Data() }
        }
        let result = try CommandResult.run(["check", bomb.path, many.path])
        #expect(result.status == 2)
        #expect(result.stderr == """
            \(bomb.path): error: word/document.xml declares a DTD or entities, which Word never writes; refusing to read it
            \(many.path): error: the .docx package has more than 10000 entries; refusing to read it

            """)
    }

    @Test func linksThatLoopOrDangleInACheckedFolder() throws {
        let tree = folder.appendingPathComponent("tree")
        try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Paths.seed, toPath: tree.appendingPathComponent("res.fr.txt").path)
        try FileManager.default.createSymbolicLink(atPath: tree.appendingPathComponent("loop").path, withDestinationPath: tree.path)
        try FileManager.default.createSymbolicLink(atPath: tree.appendingPathComponent("a.en.txt").path, withDestinationPath: tree.appendingPathComponent("b.en.txt").path)
        try FileManager.default.createSymbolicLink(atPath: tree.appendingPathComponent("b.en.txt").path, withDestinationPath: tree.appendingPathComponent("a.en.txt").path)
        try FileManager.default.createSymbolicLink(atPath: tree.appendingPathComponent("gone.en.txt").path, withDestinationPath: "/nonexistent/file")
        let result = try CommandResult.run(["check", tree.path])
        #expect(result.status == 2)  // the looping and dangling links are reported
        #expect(result.stderr.contains("a.en.txt"))
        #expect(result.stderr.contains("gone.en.txt: error: no such file or folder"))
        #expect(result.stdout.contains("0 errors"))  // the real file is checked, once
        #expect(!result.stdout.contains("loop"))
    }

    @Test func aFileThatGrowsWhileBeingRead() throws {
        let path = try write("growing.en.txt", try String(contentsOfFile: Paths.corpora("seed/res-6-1.en.txt"), encoding: .utf8))
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: path) else { return }
            for _ in 0..<2_000 {
                handle.seekToEndOfFile()
                handle.write(Data("\nRecalling its resolution 64/293,\n".utf8))
            }
            try? handle.close()
        }
        writer.start()
        let result = try CommandResult.run(["check", path])
        #expect([0, 1].contains(result.status))  // whatever snapshot it read, an answer
        #expect(result.stdout.contains("concord: "))
        while writer.isExecuting { usleep(10_000) }
    }

    @Test func inputsAreNeverWritten() throws {
        let files = InputFiles.expand([Paths.repository.appendingPathComponent("Corpora").path])
        func hashes() throws -> [String: Data] {
            var result = [String: Data]()
            for file in files { result[file] = try Data(contentsOf: URL(fileURLWithPath: file)) }
            return result
        }
        let before = try hashes()
        let out = folder.appendingPathComponent("report.sarif").path
        for format in ["text", "json", "sarif", "html"] {
            _ = try CommandResult.run(["check", "--format", format, "--output", out, "--write-baseline", folder.appendingPathComponent("b.json").path, "Corpora"],
                                      currentDirectory: Paths.repository)
        }
        _ = try CommandResult.run(["extract", "--format", "json", "Corpora"], currentDirectory: Paths.repository)
        #expect(try hashes() == before)
        #expect(files.count >= 42)
    }

    @Test func theReportIsWrittenWholeOrNotAtAll() throws {
        let out = folder.appendingPathComponent("report.json")
        try Data("previous report".utf8).write(to: out)
        let result = try CommandResult.run(["check", "--format", "json", "--output", out.path, "Corpora/defects"], currentDirectory: Paths.repository)
        #expect(result.status == 1)
        let written = try String(contentsOf: out, encoding: .utf8)
        #expect(written.hasPrefix("{") && written.hasSuffix("}\n"))
        #expect(try JSONSerialization.jsonObject(with: Data(written.utf8)) is [String: Any])
        // Only the report itself is left: no temporary file beside it.
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("report") || $0.hasPrefix(".report") }
        #expect(left == ["report.json"])
    }

    @Test func limitsHaveClearErrors() throws {
        let big = try write("big.en.txt", String(repeating: "Recalling its resolution 64/293, ", count: 4_000))
        let refused = try CommandResult.run(["check", "--max-file-size", "1000", big])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("big.en.txt: error: the file is \(132_000) bytes, over the limit of 1000 bytes"))
        // A symbolic link to it is refused alike (the limit is on what the path gives), with the
        // result cache and without.
        let link = URL(fileURLWithPath: big).deletingLastPathComponent().appendingPathComponent("link.en.txt")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: big)
        for cache in [[], ["--no-cache"]] {
            let linked = try CommandResult.run(["check"] + cache + ["--max-file-size", "1000", link.path])
            #expect(linked.status == 2)
            #expect(linked.stderr.contains("link.en.txt: error: the file is \(132_000) bytes, over the limit of 1000 bytes"))
        }
        let bodies = try write("bodies.en.txt", "The General Assembly,\n\n1. Decides.\n\n" + (1...50).map { "\(Unicode.Scalar(0xB9)!) A/80/\($0).\n\n" }.joined())
        let capped = try CommandResult.run(["check", "--max-findings", "5", bodies])
        #expect(capped.stdout.contains("94 more findings in bodies.en.txt not reported (limit 5 per file) [report.findings-cut]"))
    }
}
