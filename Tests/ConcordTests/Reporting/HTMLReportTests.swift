import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Concord

/// The side-by-side HTML page: well formed, every unit and finding on it, hostile text kept
/// as text, the same bytes every run.
@Suite struct HTMLReportTests {
    func page(_ paths: [String]) -> (String, CheckReport) {
        let files = InputFiles.expand(paths.map { Paths.repository.appendingPathComponent($0).path })
        let report = TestPipeline.report(DocumentSet.group(files), keepDocuments: true)
        return (HTMLReport.render(report), report)
    }

    @Test(arguments: ["Corpora/seed", "Corpora/defects/wrong-symbol", "Corpora/defects/missing-footnote",
                      "Corpora/defects/moved-marker", "Corpora/defects/renumbered-paragraph", "Corpora/docx-defects"])
    func wellFormedWithEveryUnitAndFinding(path: String) throws {
        let (html, report) = page([path])
        let document = try XMLDocument(data: Data(html.utf8))
        // Six language columns, Arabic right to left.
        let headers = try document.nodes(forXPath: "//table[@class='versions']/thead/tr/th[@lang]")
        #expect(headers.compactMap { ($0 as? XMLElement)?.attribute(forName: "lang")?.stringValue } == ["ar", "en", "es", "fr", "ru", "zh"])
        let arabic = try document.nodes(forXPath: "//td[@lang='ar']")
        #expect(!arabic.isEmpty && arabic.allSatisfy { ($0 as? XMLElement)?.attribute(forName: "dir")?.stringValue == "rtl" })
        // Every unit: the operative paragraphs and footnotes of the fullest version.
        let set = try #require(report.sets.first)
        let operative = (set.alignment?.versions ?? []).map { $0.document.paragraphs(ParagraphKind.operative).count }.max() ?? 0
        let rows = try document.nodes(forXPath: "//table[@class='versions']/tbody/tr/th").compactMap(\.stringValue)
        #expect(rows.filter { $0.hasPrefix("op") }.count == operative)
        #expect(rows.filter { $0.hasPrefix("pp") }.count == 17)
        #expect(rows.filter { $0.hasPrefix("fn ") }.count == 8)
        // Every finding: in the summary, and marked in its own version with its id.
        for (i, finding) in report.findings.enumerated() {
            #expect(try document.nodes(forXPath: "//ol[@class='findings']/li/a[@href='#f\(i + 1)']").count == 1)
            let marks = try document.nodes(forXPath: "//td//a[@data-finding='f\(i + 1)']")
            #expect(marks.count == 1 + finding.related.count, "finding \(i + 1) marked in every version it concerns")
            #expect(try document.nodes(forXPath: "//td//a[@id='f\(i + 1)']").count == 1)
        }
        // Citations carry their keys; symbols link to the resolver.
        #expect(try document.nodes(forXPath: "//a[@class='cite k-symbol' and @href='https://undocs.org/fr/CTOC/COP/2012/7']").count == 1)
        #expect(try document.nodes(forXPath: "//*[@data-key='treaty:2225/39574']").count >= 6)
    }

    @Test func theSameBytesEveryRun() {
        #expect(page(["Corpora/defects"]).0 == page(["Corpora/defects"]).0)
    }

    @Test func hostileTextStaysText() throws {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hostile = "Resolution 1/1\n\nThe General Assembly,\n\n1. *Decides* <script>alert(\"x\")</script> & \"quotes\" ]]> to act¹.\n\n¹ A/80/1 <img src=x onerror=alert(1)>.\n"
        try hostile.write(to: folder.appendingPathComponent("x.en.txt"), atomically: true, encoding: .utf8)
        let html = HTMLReport.render(TestPipeline.report([DocumentSet(name: "x", files: [folder.appendingPathComponent("x.en.txt").path])], keepDocuments: true))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot; ]]&gt;"))
        let document = try XMLDocument(data: Data(html.utf8))
        #expect(try document.nodes(forXPath: "//script").count == 1)  // ours, the keyboard navigation
        #expect(try document.nodes(forXPath: "//img").isEmpty)
    }

    @Test func theCommandWritesThePage() throws {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("report.html").path
        let result = try CommandResult.run(["report", "--html", out, "Corpora/defects/wrong-symbol"], currentDirectory: Paths.repository)
        #expect(result.status == 1)
        let check = try CommandResult.run(["check", "--format", "html", "Corpora/defects/wrong-symbol"], currentDirectory: Paths.repository)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == check.stdout)
        #expect(!check.stdout.contains("http://") && !check.stdout.contains("<link") && !check.stdout.contains("src="))
    }
}

/// The page pairs units as the set checks do (one alignment for both).
@Suite struct HTMLAlignmentTests {
    @Test func aMissingFootnoteShowsAsMissingNotShifted() throws {
        let files = InputFiles.expand([Paths.corpora("defects/missing-footnote")])
        let report = TestPipeline.report(DocumentSet.group(files), keepDocuments: true)
        let rows = try #require(report.sets.first?.alignment).rows()
        let zh = try #require(report.sets.first?.alignment?.versions.firstIndex { $0.document.language == .zh })
        // The zh version lacks footnote 6 (the Treaty Series reference): its row has no zh cell…
        let six = try #require(rows.first { $0.key == "fn#6" })
        #expect(six.cells[zh] == nil)
        #expect(six.cells.count == 5)
        // …and the zh version's footnote 6 (the others' 7) stands in row 7.
        let seven = try #require(rows.first { $0.key == "fn#7" })
        #expect(seven.cells[zh]?.citations.map(\.key) == ["CTOC/COP/WG.2/2012/5", "CTOC/COP/WG.3/2012/6"])
        let html = HTMLReport.render(report)
        #expect(html.contains("<tr id=\"set1-fn-6\">"))
    }
}
