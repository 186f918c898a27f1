import Foundation
import Testing
@testable import Concord

/// Formats are registered by extension: a new one is one type, and the reader's shared
/// checks (existence, size, refused formats) apply to it as to the others.
@Suite struct DocumentFormatTests {
    /// A format a team might add: text whose footnotes are written `{1: …}` at the end of a
    /// paragraph, turned into Markdown footnotes.
    struct BraceNotesFormat: DocumentFormat {
        var extensions: Set<String> { ["notes"] }
        func read(path: String, with reader: DocumentReader) throws(InputError) -> Document {
            let text = String(decoding: try DocumentReader.contents(of: path), as: UTF8.self)
                .replacingOccurrences(of: "{1: ", with: "\n\n[^1]: ").replacingOccurrences(of: "}", with: "")
            return try reader.read(bytes: Array(text.utf8), file: path, format: .markdown)
        }
    }

    @Test func aRegisteredFormatReadsItsExtension() throws {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("x.en.notes")
        try "The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1] {1: See A/64/PV.1.}\n".write(to: file, atomically: true, encoding: .utf8)
        var reader = DocumentReader()
        let plain = try reader.read(path: file.path)
        #expect(plain.format == .plainText && plain.footnotes.allSatisfy { $0.body == nil })
        reader.formats.append(BraceNotesFormat())
        let document = try reader.read(path: file.path)
        #expect(document.format == .markdown)
        #expect(document.footnotes.first?.body?.text.string == "See A/64/PV.1.")
        // The reader's own checks come first, whatever the format.
        reader.maximumFileSize = 10
        #expect(throws: InputError.self) { _ = try reader.read(path: file.path) }
    }

    @Test func theStandardFormatsClaimTheDocumentExtensions() {
        #expect(DocumentReader.documentExtensions == ["txt", "md", "markdown", "docx", "pdf"])
        #expect(DocumentReader.standardFormats.contains { $0 is PdfFormat })
        #expect(DocumentReader.standardFormats.map { type(of: $0) is DocxFormat.Type }.filter { $0 }.count == 1)
    }
}
