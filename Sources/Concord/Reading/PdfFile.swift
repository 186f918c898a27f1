import CPopplerShim

/// One character of a PDF page as poppler reads it: its scalar, its box in points from the
/// page's top-left corner, and its font size. Poppler's line breaks are characters too
/// (scalar 10).
struct PdfGlyph: Sendable, Hashable {
    var scalar: UInt32
    var x1: Float, y1: Float, x2: Float, y2: Float
    var size: Float

    var isSpace: Bool { scalar == 0x20 || scalar == 0xA0 || scalar == 0x09 || scalar == 0x3000 }
    var isLineBreak: Bool { scalar == 0x0A || scalar == 0x0D }
}

/// A page's characters and size.
struct PdfPage: Sendable {
    var number: Int
    var width: Double
    var height: Double
    var glyphs: [PdfGlyph]
}

/// A PDF's pages, through the poppler shim (`Sources/CPopplerShim`, the only code that calls
/// poppler). A file poppler cannot open, one that needs a password, and one without any text
/// (scanned pages) are each one error naming the file.
enum PdfFile {
    static func pages(of bytes: [UInt8], file: String) throws(InputError) -> [PdfPage] {
        var document: OpaquePointer?
        var message = [CChar](repeating: 0, count: 512)
        let status = bytes.withUnsafeBufferPointer { buffer in
            concord_pdf_open(buffer.baseAddress, Int64(buffer.count), &document, &message, Int64(message.count))
        }
        let said = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        switch status {
        case CONCORD_PDF_OK: break
        case CONCORD_PDF_ENCRYPTED:
            throw InputError(file: file, reason: .malformed("the PDF is encrypted and needs a password; give a copy without one", line: nil))
        case CONCORD_PDF_NO_MEMORY:
            throw InputError(file: file, reason: .malformed("out of memory while opening the PDF", line: nil))
        default:
            throw InputError(file: file, reason: .malformed("not a readable PDF (damaged or truncated?): poppler says: \(said.isEmpty ? "it cannot be opened" : said)", line: nil))
        }
        guard let document else {
            throw InputError(file: file, reason: .malformed("not a readable PDF (damaged or truncated?)", line: nil))
        }
        defer { concord_pdf_close(document) }
        var pages = [PdfPage]()
        let count = Int(concord_pdf_page_count(document))
        for index in 0..<count {
            var width = 0.0, height = 0.0
            guard concord_pdf_page_size(document, Int32(index), &width, &height) == CONCORD_PDF_OK else {
                throw InputError(file: file, reason: .malformed("page \(index + 1) of the PDF is damaged and cannot be read", line: nil))
            }
            var raw: UnsafeMutablePointer<concord_pdf_glyph>?
            var n: Int64 = 0
            let status = concord_pdf_page_glyphs(document, Int32(index), &raw, &n)
            defer { concord_pdf_free(raw) }
            guard status == CONCORD_PDF_OK else {
                throw InputError(file: file, reason: .malformed("the text of page \(index + 1) of the PDF cannot be read (damaged?)", line: nil))
            }
            var glyphs = [PdfGlyph]()
            if let raw, n > 0 {
                glyphs.reserveCapacity(Int(n))
                for g in UnsafeBufferPointer(start: raw, count: Int(n)) {
                    glyphs.append(PdfGlyph(scalar: g.scalar, x1: g.x1, y1: g.y1, x2: g.x2, y2: g.y2, size: g.font_size))
                }
            }
            pages.append(PdfPage(number: index + 1, width: width, height: height, glyphs: glyphs))
        }
        if pages.isEmpty {
            throw InputError(file: file, reason: .malformed("the PDF has no pages", line: nil))
        }
        let hasText = pages.contains { $0.glyphs.contains { !$0.isSpace && !$0.isLineBreak } }
        if !hasText {
            throw InputError(file: file, reason: .malformed(
                "the PDF has no text layer (\(pages.count == 1 ? "its page is" : "its \(pages.count) pages are") images: scanned?); run OCR on it first, or give the .docx or text", line: nil))
        }
        return pages
    }
}
