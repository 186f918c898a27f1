/// A line of a PDF page as Concord reads it: poppler's pieces of text that stand on one
/// baseline, in reading order, with a space where a gap separates words, and the characters
/// set smaller and raised above the baseline (superscripts) marked.
struct PdfLine: Sendable {
    /// The page (1-based) and the line's number on it, counted from the top (1-based).
    var page: Int
    var number = 0
    var glyphs: [PdfGlyph]
    /// For each glyph: set smaller and above the baseline.
    var raised: [Bool] = []
    /// The main font size (the largest on the line).
    var size: Float
    /// The top and the bottom of the boxes of the line's main characters (the bottom is a
    /// fixed distance under the baseline for one font size).
    var top: Float
    var bottom: Float
    var left: Float
    var right: Float
    var rightToLeft: Bool

    var height: Float { max(bottom - top, 0.1) }

    /// The line's text; raised digits written as superscript digits (`¹²`), the way the
    /// seed's text writes footnote markers.
    var text: String {
        var scalars = String.UnicodeScalarView()
        for (glyph, raised) in zip(glyphs, self.raised) {
            guard let scalar = Unicode.Scalar(glyph.scalar) else { continue }
            if raised, let superscript = Self.superscript(scalar) { scalars.append(superscript) } else { scalars.append(scalar) }
        }
        return String(scalars)
    }

    static func superscript(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x30: return "\u{2070}"
        case 0x31: return "\u{00B9}"
        case 0x32: return "\u{00B2}"
        case 0x33: return "\u{00B3}"
        case 0x34...0x39: return Unicode.Scalar(0x2074 + scalar.value - 0x34)
        default: return nil
        }
    }

    /// The digits raised at the start of the line (a footnote body's label), as a count of glyphs.
    var raisedLabelLength: Int {
        var k = 0
        while k < glyphs.count, raised[k], Self.isDigit(glyphs[k].scalar) { k += 1 }
        return k
    }

    /// The width of the line's first word (its first character for Chinese and Japanese): what
    /// would have had to fit at the end of the line before it for this line not to start a
    /// new paragraph.
    var firstWordWidth: Float {
        guard let first = glyphs.first else { return 0 }
        if Self.isIdeographic(first.scalar) { return first.x2 - first.x1 }
        var low = first.x1, high = first.x2
        for glyph in glyphs.dropFirst() {
            if glyph.isSpace { break }
            low = min(low, glyph.x1); high = max(high, glyph.x2)
        }
        return high - low
    }

    static func isDigit(_ scalar: UInt32) -> Bool { scalar >= 0x30 && scalar <= 0x39 }

    /// A digit, European or Arabic-Indic (poppler's `unicodeTypeNum`).
    static func isNumber(_ scalar: UInt32) -> Bool {
        isDigit(scalar) || (0x0660...0x0669).contains(scalar) || (0x06F0...0x06F9).contains(scalar)
    }

    static func isIdeographic(_ scalar: UInt32) -> Bool {
        (0x3000...0x30FF).contains(scalar) || (0x3400...0x4DBF).contains(scalar) || (0x4E00...0x9FFF).contains(scalar)
            || (0xF900...0xFAFF).contains(scalar) || (0xFF00...0xFF60).contains(scalar) || (0x20000...0x2FFFF).contains(scalar)
    }

    static func isRightToLeft(_ scalar: UInt32) -> Bool {
        (0x0590...0x08FF).contains(scalar) || (0xFB1D...0xFDFF).contains(scalar) || (0xFE70...0xFEFF).contains(scalar)
    }

    static func isLeftToRightLetter(_ scalar: UInt32) -> Bool {
        (0x41...0x5A).contains(scalar) || (0x61...0x7A).contains(scalar) || (0xC0...0x24F).contains(scalar)
            || (0x370...0x52F).contains(scalar) || isIdeographic(scalar)
    }
}

extension PdfLine {
    /// The lines of a page, top to bottom. Poppler gives text in its reading order, line by
    /// line; its lines are regrouped by their vertical place, because a footnote's raised
    /// label, or a line poppler took out of order, is a piece of its own there.
    static func lines(of page: PdfPage) -> [PdfLine] {
        var pieces = [PdfLine]()
        var current = [PdfGlyph]()
        func close() {
            defer { current.removeAll(keepingCapacity: true) }
            while let last = current.last, last.isSpace { current.removeLast() }
            while let first = current.first, first.isSpace { current.removeFirst() }
            guard !current.isEmpty else { return }
            pieces.append(piece(current, page: page.number))
        }
        for glyph in page.glyphs {
            if glyph.isLineBreak { close() } else { current.append(glyph) }
        }
        close()

        // Pieces whose main boxes overlap by half the smaller height stand on one line.
        pieces.sort { ($0.bottom, $0.left) < ($1.bottom, $1.left) }
        var groups = [[PdfLine]]()
        for piece in pieces {
            if var group = groups.last, let main = group.max(by: { $0.size < $1.size }) {
                let overlap = min(piece.bottom, main.bottom) - max(piece.top, main.top)
                if overlap >= 0.5 * min(piece.height, main.height) {
                    group.append(piece)
                    groups[groups.count - 1] = group
                    continue
                }
            }
            groups.append([piece])
        }
        // A line that holds letters of both directions reads in the direction most of the
        // page's letters read (`5 CTOC/COP/WG.4/2011/8، الفقرات 46-51.` on an Arabic page,
        // an Arabic name in an English sentence); a line of one direction, in that, except
        // that on a right-to-left page every line reads right to left (see merge).
        let visible = page.glyphs.filter { !$0.isSpace && !$0.isLineBreak }
        let pageRightToLeft = visible.filter { isRightToLeft($0.scalar) }.count > visible.filter { isLeftToRightLetter($0.scalar) }.count
        var lines = groups.map { merge($0, pageRightToLeft: pageRightToLeft) }
        for index in lines.indices { lines[index].number = index + 1 }
        return lines
    }

    private static func effectiveSize(_ glyph: PdfGlyph) -> Float {
        glyph.size > 0 ? glyph.size : max(glyph.y2 - glyph.y1, 0) * 0.75
    }

    /// One of poppler's lines, measured.
    private static func piece(_ glyphs: [PdfGlyph], page: Int) -> PdfLine {
        let visible = glyphs.filter { !$0.isSpace }
        let size = visible.map(effectiveSize).max() ?? 0
        let main = visible.filter { effectiveSize($0) >= 0.85 * size }
        func median(_ values: [Float]) -> Float {
            let sorted = values.sorted()
            return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        }
        let rtl = visible.filter { isRightToLeft($0.scalar) }.count
        let ltr = visible.filter { isLeftToRightLetter($0.scalar) }.count
        return PdfLine(page: page, glyphs: glyphs, size: size,
                       top: median(main.map(\.y1)), bottom: median(main.map(\.y2)),
                       left: visible.map { min($0.x1, $0.x2) }.min() ?? 0,
                       right: visible.map { max($0.x1, $0.x2) }.max() ?? 0,
                       rightToLeft: rtl > ltr)
    }

    /// Pieces on one line, in reading order (right to left when most of the line's letters
    /// are), with spaces where gaps separate words and the raised characters marked.
    private static func merge(_ pieces: [PdfLine], pageRightToLeft: Bool) -> PdfLine {
        let main = pieces.max { $0.size < $1.size }!
        let rtlCount = pieces.filter(\.rightToLeft).count
        let both = pieces.contains { $0.glyphs.contains { isRightToLeft($0.scalar) } }
            && pieces.contains { $0.glyphs.contains { isLeftToRightLetter($0.scalar) } }
        // On a page that reads right to left, every line is read as part of a right-to-left
        // paragraph, also one of Latin letters and digits only: its full stop stands at its
        // left end (`.CTOC/COP/2012/7` as drawn), its words' runs are read left to right.
        let rightToLeft = pageRightToLeft
            || (both ? false : rtlCount * 2 > pieces.count || (pieces.count == 1 && main.rightToLeft) || main.rightToLeft)
        let ordered = rightToLeft ? pieces.sorted { $0.right > $1.right } : pieces.sorted { $0.left < $1.left }
        var glyphs = [PdfGlyph]()
        if rightToLeft {
            glyphs = spacedRightToLeft(ordered.flatMap(\.glyphs), size: main.size)
        } else {
        for piece in ordered {
            if let last = glyphs.last, let first = piece.glyphs.first, !last.isSpace, !first.isSpace {
                glyphs.append(space(between: last, and: first))
            }
            for glyph in piece.glyphs {
                if let last = glyphs.last, !last.isSpace, !glyph.isSpace, !(isIdeographic(last.scalar) && isIdeographic(glyph.scalar)),
                   !isRightToLeft(last.scalar), !isRightToLeft(glyph.scalar) {
                    // A gap wider than a fifth of the font size between two characters is a
                    // word space the PDF draws by moving, not by a space character
                    // (`1.Notes` for a numbered paragraph with a tab).
                    let gap = max(glyph.x1 - last.x2, last.x1 - glyph.x2)
                    if gap > 0.2 * main.size { glyphs.append(space(between: last, and: glyph)) }
                }
                glyphs.append(glyph)
            }
        }
        }
        var line = PdfLine(page: main.page, glyphs: glyphs, size: main.size, top: main.top, bottom: main.bottom,
                           left: pieces.map(\.left).min()!, right: pieces.map(\.right).max()!, rightToLeft: rightToLeft)
        // A superscript: a smaller size, and the box's bottom well above the line's.
        line.raised = glyphs.map { glyph in
            !glyph.isSpace && effectiveSize(glyph) <= 0.8 * main.size && main.bottom - glyph.y2 >= 0.12 * main.size
        }
        return line
    }

    /// A right-to-left line's characters in reading order, with the spaces the page shows.
    ///
    /// Poppler gives each word's characters in logical order (the shim pairs them with their
    /// boxes), but neither its spaces nor the order of its words can be trusted on such a
    /// line: a producer that draws the spaces apart from the words (LibreOffice sets them in
    /// a Latin font) leaves poppler without them between some words (`إذيشير`) and with one
    /// where a slash or a quotation mark in another font touches a word (`الأول /أكتوبر`), and
    /// a paragraph number set in the right margin comes last. So the line is rebuilt from the
    /// page: its characters make words where each touches the word before it (the box of the
    /// characters so far: in a line that mixes directions the character logically before is
    /// not always the one beside it, `2015،`), the words are read from right to left, and a
    /// run of left-to-right words (Latin, and numbers between them) from left to right (the
    /// bidirectional algorithm's rule, on words).
    static func spacedRightToLeft(_ input: [PdfGlyph], size: Float) -> [PdfGlyph] {
        struct Word { var glyphs: [PdfGlyph]; var low: Float; var high: Float }
        let touching = 0.15 * size
        // Poppler's words (between its spaces), cut where a character stands apart from the
        // characters before it; then pieces that touch joined (`46` `-` `51.`: the `5` of a
        // number read left to right stands away from the `-` the `1` touches).
        var pieces = [Word]()
        var startsToken = true
        for (index, glyph) in input.enumerated() {
            if glyph.isSpace || glyph.isLineBreak { startsToken = true; continue }
            // LibreOffice's justification of Arabic leaves glyphs up to an eighth of the size
            // wide that poppler reads as a Latin `p` inside words (`المقبلpة`): not text.
            if glyph.scalar < 0x80, isLeftToRightLetter(glyph.scalar), abs(glyph.x2 - glyph.x1) < 0.2 * size,
               index > 0, index + 1 < input.count, isRightToLeft(input[index - 1].scalar), isRightToLeft(input[index + 1].scalar) {
                continue
            }
            let left = min(glyph.x1, glyph.x2), right = max(glyph.x1, glyph.x2)
            if !startsToken, var word = pieces.last, max(left - word.high, word.low - right) <= touching {
                word.glyphs.append(glyph)
                word.low = min(word.low, left); word.high = max(word.high, right)
                pieces[pieces.count - 1] = word
            } else {
                pieces.append(Word(glyphs: [glyph], low: left, high: right))
            }
            startsToken = false
        }
        var words = [Word]()
        for piece in pieces {
            if var word = words.last, max(piece.low - word.high, word.low - piece.high) <= touching {
                word.glyphs += piece.glyphs
                word.low = min(word.low, piece.low); word.high = max(word.high, piece.high)
                words[words.count - 1] = word
            } else {
                words.append(piece)
            }
        }
        // Right to left by the words' right edges (stable: poppler's order among equals).
        let ordered = words.enumerated().sorted { ($0.element.high, -$0.offset) > ($1.element.high, -$1.offset) }.map(\.element)
        // Runs of left-to-right words read from left to right.
        func direction(_ word: Word) -> Int {  // 1: left to right, -1: right to left, 0: neither
            if word.glyphs.contains(where: { isRightToLeft($0.scalar) }) { return -1 }
            return word.glyphs.contains(where: { isLeftToRightLetter($0.scalar) }) ? 1 : 0
        }
        var result = [Word]()
        var k = 0
        while k < ordered.count {
            guard direction(ordered[k]) == 1 else { result.append(ordered[k]); k += 1; continue }
            // The run: left-to-right words, and words of neither direction followed by one.
            var end = k + 1, last = k + 1
            while end < ordered.count, direction(ordered[end]) >= 0 {
                end += 1
                if direction(ordered[end - 1]) == 1 { last = end }
            }
            result += ordered[k..<last].reversed()
            k = last
        }
        var glyphs = [PdfGlyph]()
        for word in result {
            if let last = glyphs.last, let first = word.glyphs.first { glyphs.append(space(between: last, and: first)) }
            glyphs += word.glyphs
        }
        return glyphs
    }

    private static func space(between a: PdfGlyph, and b: PdfGlyph) -> PdfGlyph {
        PdfGlyph(scalar: 0x20, x1: min(a.x2, b.x1), y1: a.y1, x2: max(a.x2, b.x1), y2: a.y2, size: a.size)
    }
}
