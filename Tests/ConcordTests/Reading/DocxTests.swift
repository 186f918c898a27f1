import Foundation
import Testing
import ZIPFoundation
@testable import Concord

/// Word documents: the six-language seed set as .docx (Corpora/docx, built by
/// scripts/make-docx.py from XML the team wrote: list numbering, footnote ids that are not
/// the displayed numbers, runs split mid-word, bookmarks, proofing marks, fields, a
/// hyperlink, tracked changes), the same set with defects, and hostile packages.
@Suite struct DocxTests {
    static let languages = ["ar", "en", "es", "fr", "ru", "zh"]

    @Test(arguments: languages)
    func wordAndTextGiveTheSameDocumentAndCitations(language: String) throws {
        let word = try DocumentReader().read(path: Paths.corpora("docx/res-6-1.\(language).docx"))
        let text = try DocumentReader().read(path: Paths.corpora("seed/res-6-1.\(language).txt"))
        #expect(word.format == .docx)
        #expect(word.language == Language(rawValue: language))
        #expect(word.paragraphs(.operative).map(\.number) == Array(1...21))
        #expect(word.paragraphs(.preambular).count == 17)
        #expect(word.footnotes.map(\.label) == text.footnotes.map(\.label))
        // The same texts once emphasis marks (asterisks in the .txt, italics in Word) are set aside.
        func plain(_ s: String?) -> String { (s ?? "").replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "\u{00AD}", with: "") }
        #expect(word.footnotes.map { plain($0.body?.text.string) } == text.footnotes.map { plain($0.body?.text.string) })
        #expect(word.paragraphs(.operative).map { plain($0.text.string) } == text.paragraphs(.operative).map { plain($0.text.string) })
        let extractor = CitationExtractor(rules: TestRules.shared)
        func places(_ list: [Citation]) -> [String] {
            list.map { "\($0.footnote.map { "fn\($0)" } ?? $0.paragraph ?? "?") \($0.key)" }.sorted()
        }
        #expect(places(extractor.citations(in: word)) == places(extractor.citations(in: text)))
    }

    @Test func positionsAreParagraphAndCharacter() throws {
        let word = try DocumentReader().read(path: Paths.corpora("docx/res-6-1.fr.docx"))
        let op12 = try #require(word.paragraph("op12"))
        // Operative paragraph 12 is Word paragraph 12 + 20 (title, subtitle, chapeau, 17 pp).
        let start = word.position(of: op12.text.sourceOffset(at: 0))
        #expect(start == SourcePosition(line: 32, column: 1))
        let marker = try #require(word.footnote("5")?.markers.first)
        let place = word.position(of: marker.sourceRange.lowerBound)
        #expect(place.line == 32)
        // The column counts the paragraph's characters up to the mark.
        let before = op12.text.string(0..<marker.textOffset)
        #expect(place.column == before.count + 1)
        #expect(word.location(of: marker.sourceRange.lowerBound).display == "\(Paths.corpora("docx/res-6-1.fr.docx")):¶32:\(place.column)")
    }

    @Test func theWordSetChecksCleanAndTheDefectSetReportsItsDefects() throws {
        let clean = TestPipeline.report(DocumentSet.group(InputFiles.expand([Paths.corpora("docx")])))
        #expect(clean.sets.count == 1)
        #expect(clean.findings.isEmpty)
        let result = try CommandResult.run(["check", "Corpora/docx-defects"], currentDirectory: Paths.repository)
        #expect(result.status == 1)
        #expect(result.stdout == """
            Corpora/docx-defects/res-6-1 (ar, en, es, fr, ru, zh)
            Corpora/docx-defects/res-6-1.fr.docx:¶37:72: error: in the fr version the marker of footnote 8 stands in operative paragraph 17; ar, en, es, ru, zh have it in operative paragraph 16 [set.marker-moved]
            Corpora/docx-defects/res-6-1.ru.docx:¶32:214: error: the ru version cites CTOC/COP/WG.4/2011/9 in footnote 5; ar, en, es, fr, zh cite CTOC/COP/WG.4/2011/8 [set.citation-mismatch]
            concord: 2 errors, 0 warnings, 0 notes in 6 files (1 document set)

            """)
    }

    // MARK: Hostile packages

    static func makeArchive(_ url: URL, entries: [(String, Data)]) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for (path, data) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
    }

    @Test func hostilePackagesGetOneClearErrorEachAndTheRestIsChecked() throws {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A zip bomb: 300 MiB of spaces in word/document.xml, a few hundred kilobytes zipped.
        let bomb = folder.appendingPathComponent("bomb.en.docx")
        let archive = try Archive(url: bomb, accessMode: .create)
        let size: Int64 = 300 * 1024 * 1024
        let chunk = Data(repeating: 0x20, count: 1 << 20)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: size, compressionMethod: .deflate,
                             bufferSize: 1 << 20) { _, length in chunk.prefix(length) }
        let zipped = try FileManager.default.attributesOfItem(atPath: bomb.path)[.size] as? Int ?? 0
        #expect(zipped < 2_000_000)
        // A truncated package: half of a real one.
        let real = try Data(contentsOf: URL(fileURLWithPath: Paths.corpora("docx/res-6-1.en.docx")))
        let truncated = folder.appendingPathComponent("truncated.en.docx")
        try real.prefix(real.count / 2).write(to: truncated)
        // An external entity in the document part.
        let xxe = folder.appendingPathComponent("entity.en.docx")
        try Self.makeArchive(xxe, entries: [("word/document.xml", Data("""
            <?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>
            """.utf8))])
        // A package without word/document.xml.
        let empty = folder.appendingPathComponent("nodocument.en.docx")
        try Self.makeArchive(empty, entries: [("[Content_Types].xml", Data("<Types/>".utf8))])

        let result = try CommandResult.run(["check", bomb.path, truncated.path, xxe.path, empty.path, "Corpora/defects/wrong-symbol"],
                                           currentDirectory: Paths.repository)
        #expect(result.status == 2)
        let errors = result.stderr.split(separator: "\n").map(String.init)
        #expect(errors == [
            "\(bomb.path): error: word/document.xml expands to more than 256 MiB (a zip bomb?); refusing to read it",
            "\(xxe.path): error: word/document.xml declares a DTD or entities, which Word never writes; refusing to read it",
            "\(empty.path): error: not a Word document: the package has no word/document.xml",
            "\(truncated.path): error: not a Word document: the .docx package cannot be opened as a zip file (truncated or damaged?)",
        ])
        // The other set is still checked.
        #expect(result.stdout.contains("res-6-1.ru.txt:85:3: error: the ru version cites CTOC/COP/WG.4/2011/9"))
    }

    @Test func malformedXMLNamesThePart() throws {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = folder.appendingPathComponent("broken.en.docx")
        try Self.makeArchive(broken, entries: [("word/document.xml", Data("<w:document xmlns:w=\"x\"><w:body><w:p>".utf8))])
        #expect(performing: { try DocumentReader().read(path: broken.path) }, throws: { error in
            String(describing: error).contains("word/document.xml is not well-formed XML")
        })
    }

    /// Footnote numbers typed by hand as superscript runs (with the footnotes typed as text at
    /// the end, as converted documents have them) are markers too.
    @Test func superscriptRunsAreMarkers() throws {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("typed.en.docx")
        let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        try Self.makeArchive(file, entries: [("word/document.xml", Data("""
            <w:document \(w)><w:body>
            <w:p><w:r><w:t>The General Assembly,</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">Recalling the Convention</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>1</w:t></w:r><w:r><w:t>,</w:t></w:r></w:p>
            <w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>1</w:t></w:r><w:r><w:t xml:space="preserve"> United Nations, Treaty Series, vol. 2225, No. 39574.</w:t></w:r></w:p>
            </w:body></w:document>
            """.utf8))])
        let document = try DocumentReader().read(path: file.path)
        #expect(document.footnotes.count == 1)
        #expect(document.footnotes.first?.markers.map(\.paragraphID) == ["pp1"])
        #expect(document.footnotes.first?.body?.text.string == "United Nations, Treaty Series, vol. 2225, No. 39574.")
        #expect(document.position(of: document.footnotes[0].markers[0].sourceRange.lowerBound) == SourcePosition(line: 2, column: 25))
    }
}
