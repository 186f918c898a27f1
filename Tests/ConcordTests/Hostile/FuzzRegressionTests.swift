import Foundation
import Testing
@testable import Concord

/// Inputs the fuzzers found that once crashed Concord: each must now give one clear error.
@Suite struct FuzzRegressionTests {
    let folder: URL

    init() throws { folder = try Paths.temporaryDirectory() }

    /// A copy of a fixture under a name that says its language (the fixtures are never read in place).
    func fixture(_ name: String, as copyName: String) throws -> URL {
        let copy = folder.appendingPathComponent(copyName)
        try FileManager.default.copyItem(at: Paths.repository.appendingPathComponent("Tests/ConcordTests/Fixtures/fuzz/\(name)"), to: copy)
        return copy
    }
    /// A mutated Word package whose document.xml has element names that are not UTF-8:
    /// Foundation's XML parser crashed on it (found by `scripts/fuzz docx`).
    @Test func wordXMLThatIsNotUTF8() throws {
        let copy = try fixture("invalid-utf8-names.docx", as: "crash.en.docx")
        #expect(performing: { try DocumentReader().read(path: copy.path) }, throws: { error in
            guard let error = error as? InputError else { return false }
            return error.file == copy.path
        })
        // The same fault in an otherwise sound package: names that are not UTF-8.
        let names = folder.appendingPathComponent("names.en.docx")
        var xml = Data("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><".utf8)
        xml.append(contentsOf: [0xD1, 0x8E, 0xB0, 0x89])
        xml.append(Data(" a=\"1\"/></w:p></w:body></w:document>".utf8))
        try DocxTests.makeArchive(names, entries: [("word/document.xml", xml)])
        #expect(throws: InputError(file: names.path, reason: .malformed("word/document.xml is not valid UTF-8 text", line: nil))) {
            try DocumentReader().read(path: names.path)
        }
    }

    /// A mutated Word package whose local file headers are garbage: ZIPFoundation looped for
    /// ever on empty reads (found by `scripts/fuzz docx` as a timeout).
    @Test func damagedLocalHeaders() throws {
        let copy = try fixture("damaged-local-header.docx", as: "damaged.en.docx")
        let started = Date()
        #expect(throws: InputError(file: copy.path, reason: .malformed("the .docx package is damaged: an entry's local header is missing or broken", line: nil))) {
            try DocumentReader().read(path: copy.path)
        }
        #expect(Date().timeIntervalSince(started) < 10)
    }

    /// A package whose compressed part never ends: ZIPFoundation's extractor kept asking for
    /// bytes past the part (a timeout found by `scripts/fuzz docx`). Parts are now inflated
    /// from bytes the reader hands out itself.
    @Test func aCompressedPartThatNeverEnds() throws {
        let copy = try fixture("endless-inflate.docx", as: "endless.en.docx")
        let started = Date()
        #expect(throws: InputError(file: copy.path, reason: .malformed("word/footnotes.xml in the .docx package is damaged and cannot be inflated", line: nil))) {
            try DocumentReader().read(path: copy.path)
        }
        #expect(Date().timeIntervalSince(started) < 10)
    }

    /// `para.` at the end of a line and `5` on the next (found by `scripts/fuzz extractor`,
    /// minimized from citation-across-lines-found.txt): the citation's text is the
    /// paragraph's, whose lines the reader joins with one space, while its source range
    /// holds the line break. Concord was right; the fuzz target's check compared the two
    /// without the join, and now compares them up to white space as the reader joins lines
    /// (no space after a close dash at a line's end: `paras. 461-⏎5` is `paras. 461-5`).
    @Test func aCitationAcrossALineBreak() throws {
        for name in ["citation-across-lines.txt", "citation-across-lines-found.txt"] {
            let bytes = try [UInt8](Data(contentsOf: Paths.repository.appendingPathComponent("Tests/ConcordTests/Fixtures/fuzz/\(name)")))
            let document = try DocumentReader().read(bytes: bytes, file: "fuzz.en.txt")
            let citations = CitationExtractor(rules: TestRules.shared).citations(in: document)
            for citation in citations where citation.kind != .unknown {
                #expect(citation.sourceRange.upperBound <= document.source.units.count)
                let written = String(decoding: document.source.units[citation.sourceRange], as: UTF16.self)
                #expect(Self.spaced(NormalizedText(written).string) == Self.spaced(NormalizedText(citation.text).string), "\(name): \(citation.text)")
            }
            if name == "citation-across-lines.txt" {
                let citation = try #require(citations.first { $0.kind != .unknown })
                #expect(citation.text == "para. 5")
                #expect(String(decoding: document.source.units[citation.sourceRange], as: UTF16.self) == "para.\n5")
            }
        }
    }

    /// White space as the reader joins lines (the fuzz target's comparison).
    static func spaced(_ text: String) -> String {
        LineJoiner.spaced(text)
    }
}
