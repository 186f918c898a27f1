import Foundation
import Testing
@testable import Concord

/// Ten English General Assembly resolutions as pdftotext output (../shared/corpus/en-ga-80-txt)
/// against values written down by reading the documents
/// (Fixtures/en-ga-80-txt.expected.json: counts, every footnote's text and marker place).
@Suite struct EnglishResolutionsTests {
    struct Expected: Decodable {
        struct Note: Decodable {
            var label: String
            var text: String
            var markerLine: Int
            var markerColumn: Int
            var before: String
        }
        var operativeParagraphs: Int
        var annexParagraphs: Int
        var footnotes: [Note]
    }

    static let expected: [String: Expected] = {
        let url = Paths.repository.appendingPathComponent("Tests/ConcordTests/Fixtures/en-ga-80-txt.expected.json")
        let data = try! Data(contentsOf: url)
        return try! JSONDecoder().decode([String: Expected].self, from: data)
    }()

    static let names = (1...10).map { "A_RES_80_\($0).txt" }

    @Test(arguments: names)
    func paragraphsAndFootnotes(name: String) throws {
        guard let path = Paths.shared("corpus/en-ga-80-txt/\(name)") else { return }
        let expected = try #require(Self.expected[name])
        let document = try DocumentReader().read(path: path)
        #expect(document.language == .en)
        #expect(document.paragraphs(.operative).count == expected.operativeParagraphs)
        #expect(document.paragraphs(.operative).map(\.number) == (0..<expected.operativeParagraphs).map { $0 + 1 })
        #expect(document.paragraphs(.annex).count == expected.annexParagraphs)

        #expect(document.footnotes.map(\.label) == expected.footnotes.map(\.label))
        for (footnote, note) in zip(document.footnotes, expected.footnotes) {
            #expect(footnote.body?.text.string == note.text, "footnote \(note.label)")
            let places = footnote.markers.map { document.position(of: $0.sourceRange.lowerBound) }
            #expect(places == [SourcePosition(line: note.markerLine, column: note.markerColumn)], "marker \(note.label)")
        }
    }

    /// Running headers, job numbers, barcodes and page numbers never end up in a paragraph.
    @Test(arguments: names)
    func noPageFurnitureInParagraphs(name: String) throws {
        guard let path = Paths.shared("corpus/en-ga-80-txt/\(name)") else { return }
        let document = try DocumentReader().read(path: path)
        let raw = try String(contentsOfFile: path, encoding: .utf8)
        let lines = raw.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let job = try #require(lines.first { PageFurniture.isJobNumber($0) }).prefix(8)  // `25-15106`
        let pages = lines.filter { PageFurniture.isPageNumber($0) }
        let symbol = try #require(document.symbol)
        #expect(symbol == "A/RES/80/\(name.dropFirst(9).dropLast(4))")
        for paragraph in document.paragraphs {
            let text = paragraph.text.string
            #expect(!text.contains(job), "\(paragraph.id) holds the job number")
            #expect(!text.contains(symbol + " "), "\(paragraph.id) holds the running header")
            #expect(!text.contains("*" + job.replacingOccurrences(of: "-", with: "")), "\(paragraph.id) holds the barcode")
            for page in pages where page != "1/1" {
                #expect(!text.contains(" \(page) "), "\(paragraph.id) holds page number \(page)")
            }
            #expect(!text.contains("____"), "\(paragraph.id) holds a footnote rule")
        }
        // Footnote bodies are not paragraphs either.
        for footnote in document.footnotes {
            let body = try #require(footnote.body).text.string
            #expect(!document.paragraphs.contains { $0.text.string.contains(body) && body.count > 20 })
        }
    }

    /// The same resolutions as Markdown give the same footnote labels and texts as the
    /// plain text (white space aside): the two readers agree.
    @Test(arguments: names)
    func markdownAgreesWithPlainText(name: String) throws {
        let markdownName = name.replacingOccurrences(of: ".txt", with: ".md")
        guard let textPath = Paths.shared("corpus/en-ga-80-txt/\(name)"),
              let markdownPath = Paths.shared("corpus/en-ga-80-md/\(markdownName)") else { return }
        let text = try DocumentReader().read(path: textPath)
        let markdown = try DocumentReader().read(path: markdownPath)
        #expect(markdown.format == .markdown)
        func squeezed(_ s: String?) -> String {
            (s ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        #expect(markdown.footnotes.map(\.label) == text.footnotes.map(\.label))
        #expect(markdown.footnotes.map { squeezed($0.body?.text.string) } == text.footnotes.map { squeezed($0.body?.text.string) })
        // Every Markdown footnote has a marker too (explicit `[^n]` or a bare digit).
        #expect(markdown.footnotes.allSatisfy { !$0.markers.isEmpty })
    }
}
