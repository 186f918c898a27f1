import Foundation
import Testing
@testable import Concord

/// Encodings, line endings and bad input.
@Suite struct InputTests {
    /// The seed saved as UTF-8 with a BOM, UTF-16 LE and BE with a BOM, and with CRLF line
    /// endings reads to the same document, with the same places.
    @Test(arguments: ["utf8-bom", "utf16le", "utf16be", "crlf", "cr"])
    func encodingsAndLineEndingsReadTheSame(variant: String) throws {
        let original = try String(contentsOfFile: Paths.seed, encoding: .utf8)
        let reference = try DocumentReader().read(path: Paths.seed)
        var bytes: [UInt8]
        switch variant {
        case "utf8-bom": bytes = [0xEF, 0xBB, 0xBF] + Array(original.utf8)
        case "utf16le": bytes = [0xFF, 0xFE] + original.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case "utf16be": bytes = [0xFE, 0xFF] + original.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case "crlf": bytes = Array(original.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        default: bytes = Array(original.replacingOccurrences(of: "\n", with: "\r").utf8)
        }
        let document = try DocumentReader().read(bytes: bytes, file: "res-6-1.fr.txt")
        #expect(document.paragraphs.map(\.text.string) == reference.paragraphs.map(\.text.string))
        #expect(document.footnotes.map { $0.body?.text.string } == reference.footnotes.map { $0.body?.text.string })
        #expect(document.footnotes.map { $0.markers.map { document.position(of: $0.sourceRange.lowerBound) } }
            == reference.footnotes.map { $0.markers.map { reference.position(of: $0.sourceRange.lowerBound) } })
        #expect(document.paragraphs.map { document.position(of: $0.start) } == reference.paragraphs.map { reference.position(of: $0.start) })
    }

    @Test func formFeedsArePageBreaksNotText() throws {
        let text = "Résolution 1/1\n\nLa Conférence des Parties,\n\nRappelant la Convention et\n\u{000C}les Protocoles s'y rapportant,\n\n1. *Décide* de continuer.\n"
        let document = try DocumentReader().read(bytes: Array(text.utf8), file: "x.fr.txt")
        #expect(document.paragraphs(.preambular).map(\.text.string) == ["Rappelant la Convention et les Protocoles s'y rapportant,"])
        #expect(document.paragraphs(.operative).count == 1)
    }

    @Test func badInputGetsOneClearError() throws {
        func reason(_ bytes: [UInt8]) -> InputError.Reason? {
            do { _ = try DocumentReader().read(bytes: bytes, file: "bad.txt"); return nil } catch { return error.reason }
        }
        #expect(reason([]) == .empty)
        #expect(reason(Array("  \n\n \r\n".utf8)) == .empty)
        #expect(reason([0xEF, 0xBB, 0xBF]) == .empty)
        #expect(reason(Array("line one\nline two\n".utf8) + [0x00, 0x01, 0x02]) == .binary(line: 3))
        #expect(reason(Array("ok\nstill ok\nbad: ".utf8) + [0xC3, 0x28]) == .invalidUTF8(line: 3, byteOffset: 17))
        #expect(reason([0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8]) == .invalidUTF16(line: 1))
        let error = InputError(file: "a/b.txt", reason: .invalidUTF8(line: 3, byteOffset: 17))
        #expect(error.description == "a/b.txt:3: error: not valid UTF-8 (bad byte sequence at byte offset 17); save it as UTF-8 or UTF-16 with a byte-order mark")
    }

    @Test func missingFileAndFolderAreErrorsNamingThem() {
        #expect(throws: InputError(file: "/nonexistent/x.txt", reason: .notFound)) {
            try DocumentReader().read(path: "/nonexistent/x.txt")
        }
        #expect(throws: InputError(file: "/tmp", reason: .isDirectory)) {
            try DocumentReader().read(path: "/tmp")
        }
    }
}
