import CPdfLoader

/// One character of a PDF page as Concord reads it: its scalar, its box in points from the
/// page's top-left corner, and its font size. Line breaks between poppler's lines are
/// characters too (scalar 10), and so are the spaces poppler sees between words.
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

/// A word of a page as poppler's text layout gives it: its characters in the order poppler
/// stored them (the order they were drawn in), each with its box.
struct PdfWord: Sendable {
    var glyphs: [PdfGlyph]
    var x1: Float, y1: Float, x2: Float, y2: Float
    var size: Float
    var spaceAfter: Bool
    var rotation: Int
}

/// A PDF's pages, through the poppler shim (`Sources/CPopplerCppShim`, the only code that
/// calls poppler, through its C++ interface), built as libConcordPDF.so and opened with
/// `dlopen` by `Sources/CPdfLoader` the first time a PDF is read, so that a run without PDF
/// input does not load poppler and its libraries. A file poppler cannot open, one that needs
/// a password, one without any text (scanned pages), and any PDF when the library cannot be
/// loaded are each one error naming the file.
enum PdfFile {
    /// `repairs`: character sequences a PDF's text gives in the place of others (the
    /// `pdf-repairs` of the language files), put right in each word.
    static func pages(of bytes: [UInt8], file: String, repairs: PdfRepairs = .none) throws(InputError) -> [PdfPage] {
        var message = [CChar](repeating: 0, count: 1024)
        // The loader returns its table only when it found every function.
        guard let pdf = concord_pdf_load(&message, Int64(message.count))?.pointee, let open = pdf.open, let close = pdf.close,
              let pageCount = pdf.page_count, let pageSize = pdf.page_size, let pageWords = pdf.page_words, let free = pdf.free else {
            let why = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let name = String(cString: concord_pdf_library_name())
            throw InputError(file: file, reason: .malformed(
                "PDF input needs \(name) next to concord (`swift build --product ConcordPDF` builds it beside the binary; CONCORD_PDF_LIBRARY names another file): \(why)", line: nil))
        }
        var document: OpaquePointer?
        let status = bytes.withUnsafeBufferPointer { buffer in
            open(buffer.baseAddress, Int64(buffer.count), &document, &message, Int64(message.count))
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
        defer { close(document) }
        var pages = [PdfPage]()
        let count = Int(pageCount(document))
        for index in 0..<count {
            var width = 0.0, height = 0.0
            guard pageSize(document, Int32(index), &width, &height) == CONCORD_PDF_OK else {
                throw InputError(file: file, reason: .malformed("page \(index + 1) of the PDF is damaged and cannot be read", line: nil))
            }
            var rawWords: UnsafeMutablePointer<concord_pdf_word>?
            var rawChars: UnsafeMutablePointer<concord_pdf_char>?
            var nWords: Int64 = 0, nChars: Int64 = 0
            let status = pageWords(document, Int32(index), &rawWords, &nWords, &rawChars, &nChars)
            defer { free(rawWords); free(rawChars) }
            guard status == CONCORD_PDF_OK else {
                throw InputError(file: file, reason: .malformed("the text of page \(index + 1) of the PDF cannot be read (damaged?)", line: nil))
            }
            var words = [PdfWord]()
            if let rawWords, let rawChars, nWords > 0 {
                let chars = UnsafeBufferPointer(start: rawChars, count: Int(nChars))
                words.reserveCapacity(Int(nWords))
                for w in UnsafeBufferPointer(start: rawWords, count: Int(nWords)) {
                    let start = Int(w.first_char), end = Int(w.first_char + w.char_count)
                    guard start >= 0, start < end, end <= chars.count else { continue }
                    let glyphs = chars[start..<end].map { c in
                        PdfGlyph(scalar: c.scalar, x1: c.x1, y1: c.y1, x2: c.x2, y2: c.y2, size: w.font_size)
                    }
                    words.append(PdfWord(glyphs: glyphs, x1: w.x1, y1: w.y1, x2: w.x2, y2: w.y2, size: w.font_size,
                                         spaceAfter: w.space_after != 0, rotation: Int(w.rotation)))
                }
            }
            pages.append(PdfPage(number: index + 1, width: width, height: height, glyphs: glyphs(of: words, repairs: repairs)))
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

    /// A page's words as one run of characters in poppler's reading order: each word's
    /// characters in logical order, a space between words where poppler saw one, and a line
    /// break where poppler's next line begins (a word that stands left of the one before it,
    /// or not on its line: poppler gives each line's words from left to right); on a page
    /// whose letters are mostly right-to-left, each line's words from right to left.
    ///
    /// Poppler stores a word's characters in the order they were drawn, which for a
    /// right-to-left word (drawn from left to right by LibreOffice and most producers) is the
    /// reverse of the order it is read in. Each word is put in logical order by poppler's own
    /// rule (`reorderText`, which its text output applies word by word): on a page whose
    /// letters are mostly right-to-left, the word is read from its end, its right-to-left
    /// runs (right-to-left letters and what is neither letter nor digit) reversed and its
    /// left-to-right runs (Latin letters, digits, and the signs between them) kept in order;
    /// on a page whose letters are mostly left-to-right, its right-to-left runs are reversed
    /// in place. Then the repairs are made (a lam-alef ligature, drawn as one glyph, is stored
    /// as lam and alef and so reads alef before lam once its word is reversed).
    static func glyphs(of words: [PdfWord], repairs: PdfRepairs) -> [PdfGlyph] {
        var left = 0, right = 0
        for word in words {
            for glyph in word.glyphs {
                if PdfLine.isRightToLeft(glyph.scalar) { right += 1 } else if PdfLine.isLeftToRightLetter(glyph.scalar) { left += 1 }
            }
        }
        let pageLeftToRight = left >= right
        // Poppler's lines: its words from left to right, a line ending where the next word
        // stands left of the one before it or not on its line.
        var lines = [[PdfWord]]()
        for word in words {
            if let before = lines.last?.last {
                let overlap = min(word.y2, before.y2) - max(word.y1, before.y1)
                let sameLine = word.rotation == before.rotation && word.x1 >= before.x2 - 0.5
                    && overlap >= 0.5 * min(word.y2 - word.y1, before.y2 - before.y1)
                if sameLine { lines[lines.count - 1].append(word); continue }
            }
            lines.append([word])
        }
        var out = [PdfGlyph]()
        for line in lines {
            if let last = out.last {
                out.append(PdfGlyph(scalar: 0x0A, x1: last.x2, y1: last.y1, x2: last.x2, y2: last.y2, size: last.size))
            }
            // On a page that reads right to left, the words from right to left (as poppler's
            // text gives them); a space between two words where poppler saw one after the left one.
            let ordered = pageLeftToRight ? line : line.reversed()
            for (index, word) in ordered.enumerated() {
                if index > 0, let last = out.last {
                    let (leftWord, rightWord) = pageLeftToRight ? (ordered[index - 1], word) : (word, ordered[index - 1])
                    if leftWord.spaceAfter {
                        out.append(PdfGlyph(scalar: 0x20, x1: leftWord.x2, y1: last.y1, x2: max(leftWord.x2, rightWord.x1), y2: last.y2, size: last.size))
                    }
                }
                var logical = logicalOrder(word.glyphs, pageLeftToRight: pageLeftToRight)
                repairs.apply(&logical)
                out += logical
            }
        }
        return out
    }

    /// A word's characters in logical order (poppler's `reorderText`, see `glyphs(of:)`).
    static func logicalOrder(_ stored: [PdfGlyph], pageLeftToRight: Bool) -> [PdfGlyph] {
        func isR(_ g: PdfGlyph) -> Bool { PdfLine.isRightToLeft(g.scalar) }
        func isLOrNumber(_ g: PdfGlyph) -> Bool { PdfLine.isLeftToRightLetter(g.scalar) || PdfLine.isNumber(g.scalar) }
        if pageLeftToRight, !stored.contains(where: isR) { return stored }
        var out = [PdfGlyph]()
        out.reserveCapacity(stored.count)
        if pageLeftToRight {
            var i = 0
            while i < stored.count {
                var j = i
                while j < stored.count, !isR(stored[j]) { j += 1 }
                out += stored[i..<j]
                i = j
                while j < stored.count, !isLOrNumber(stored[j]) { j += 1 }
                out += stored[i..<j].reversed()
                i = j
            }
        } else {
            var i = stored.count - 1
            while i >= 0 {
                var j = i
                while j >= 0, !isLOrNumber(stored[j]) { j -= 1 }
                if j < i { out += stored[(j + 1)...i].reversed() }
                i = j
                while j >= 0, !isR(stored[j]) { j -= 1 }
                if j < i { out += stored[(j + 1)...i] }
                i = j
            }
        }
        return out
    }
}

/// Sequences of characters a PDF's text gives in the place of others, from the `pdf-repairs`
/// of the language files: each `read` is replaced by its `write` (the same characters in
/// another order) wherever it stands in a word of a PDF.
struct PdfRepairs: Sendable {
    var pairs: [(read: [UInt32], write: [UInt32])]

    static let none = PdfRepairs(pairs: [])

    /// Makes the repairs in a word's characters (each character keeps its place and box).
    func apply(_ glyphs: inout [PdfGlyph]) {
        for (read, write) in pairs where read.count <= glyphs.count {
            var k = 0
            while k + read.count <= glyphs.count {
                if (0..<read.count).allSatisfy({ glyphs[k + $0].scalar == read[$0] }) {
                    for m in 0..<write.count { glyphs[k + m].scalar = write[m] }
                    k += read.count
                } else {
                    k += 1
                }
            }
        }
    }

    /// The repairs made in a text (the examples of `pdf-repairs`).
    func apply(to text: String) -> String {
        var glyphs = text.unicodeScalars.map { PdfGlyph(scalar: $0.value, x1: 0, y1: 0, x2: 0, y2: 0, size: 0) }
        apply(&glyphs)
        return String(String.UnicodeScalarView(glyphs.compactMap { Unicode.Scalar($0.scalar) }))
    }
}
