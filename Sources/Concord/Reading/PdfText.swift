/// Makes a PDF's pages into a text in the seed's layout, which the plain-text reader then
/// reads (so a PDF gets the same model, citations and checks as text, with no second
/// structure reader): one line per line of the page, a blank line between paragraphs,
/// footnote markers as superscript digits, each page's footnotes as `¹ text` lines between
/// the page's last line and the next page's first (where the seed's text has them), running
/// headers and footers and page numbers left out.
///
/// What the PDF knows and text does not is used for that: a marker is a digit set smaller
/// and above the baseline; the footnote zone is the run of lines at the bottom of a page in
/// a smaller size than the body, starting with a raised label (after a rule of underscores
/// where there is one); a running header or footer is a line at the top or the bottom of
/// pages that repeats (digits aside) on several pages; a paragraph ends where the line
/// spacing opens, the font size changes, or the line stops short although the next line's
/// first word would have fitted; a paragraph that fills its page's last line goes on over
/// the page break unless the next page opens a new unit (the assembler's test, with each
/// language's paragraph openings). Footnote markers are raised digits only: a marker written
/// as another raised character (`*`, a letter) is kept as it is.
struct PdfText {
    var text = ""
    var positions = PagePositions()
    /// Lines of `text` (0-based) that surely start a paragraph although footnote bodies stand
    /// before them: the first line of a page whose last line ended its paragraph (it stopped
    /// short, or this line is set in another size or left of that paragraph's running lines).
    var paragraphStarts = Set<Int>()
    /// Lines of `text` (0-based) set as running lines of the paragraph before (its indentation,
    /// after a full line at the usual spacing), whatever they start with.
    var paragraphContinues = Set<Int>()

    /// `opensUnit`: whether a line's text opens a new unit (a paragraph opening of one of the
    /// languages, a number, an annex heading: `ParagraphAssembler.opensUnit`).
    init(pages: [PdfPage], opensUnit: (String) -> Bool) {
        let pageLines = pages.map(PdfLine.lines(of:))
        let all = pageLines.flatMap { $0 }
        let bodySize = Self.bodySize(all)
        let pitch = Self.linePitch(all, bodySize: bodySize)
        let furniture = Self.furniture(pageLines, pages: pages)
        // Footnote labels in plain digits count only in a document that never raises them:
        // elsewhere `28 and 29 August` at the start of a footnote's line is its text.
        let plainLabels = !all.contains { $0.raisedLabelLength > 0 }

        var lines = [String]()
        var places = [PagePositions.Line]()
        var pending = [[PdfLine]]()  // the last page's footnote zone
        var previous: PdfLine?
        var previousEdge: (left: Float, right: Float) = (0, 0)
        // The indentation of the last line and of the line before it, and whether the last
        // line went on with its paragraph: a line set left of a paragraph's running lines
        // starts another paragraph (`outdented`).
        var previousIndent: Float = 0, beforeIndent: Float = 0, previousContinued = false

        func emit(_ line: PdfLine, text: String? = nil) {
            lines.append(text ?? line.text)
            places.append(.line(page: line.page, number: line.number))
        }
        func blank() {
            guard let last = places.last, last.isLine else { return }
            lines.append("")
            places.append(.blank(page: last.page, number: last.number))
        }
        func flush() {
            for zone in pending {
                for (index, line) in zone.enumerated() {
                    let label = line.raisedLabelLength
                    let plain = plainLabels && label == 0 && Self.startsWithDigitLabel(line)
                    if index == 0 || label > 0 || plain { blank() }
                    emit(line, text: label > 0 || plain ? Self.bodyLine(line, labelLength: label) : line.text)
                }
            }
            pending.removeAll()
        }

        var split = zip(pageLines, pages).map { lines, page in
            Self.split(lines.filter { !furniture.contains(PageLine(page: $0.page, number: $0.number)) },
                       bodySize: bodySize, pitch: pitch, pageHeight: Float(page.height), plainLabels: plainLabels)
        }
        // A footnote that runs over to the next page: the lines there before the first label
        // continue the previous page's last footnote.
        for index in split.indices.dropFirst() where !split[index - 1].zone.isEmpty {
            split[index - 1].zone += split[index].carried
            split[index].carried = []
        }
        var starts = Set<Int>(), goesOn = Set<Int>()
        var lastBody: Int?  // the last running-text line written, in `lines`
        for (pageIndex, page) in pages.enumerated() {
            let (body, zone) = (split[pageIndex].body + split[pageIndex].carried, split[pageIndex].zone)
            let edges = Self.textEdges(body, bodySize: bodySize, page: page)
            for (index, line) in body.enumerated() {
                var continues = false, endedBefore = false
                let indent = Self.indent(line, pageWidth: Float(page.width))
                if let before = previous {
                    let sameParagraph: Bool
                    // The paragraph's running lines (two in a row) stand further in than this
                    // line: a list item or an indented block has ended, on this page or the last.
                    let outdented = previousContinued && abs(previousIndent - beforeIndent) < 0.5 * before.size
                        && indent < previousIndent - before.size
                    if index == 0 {
                        // Over a page break: a paragraph that filled the page's last line may go
                        // on. When the page has footnotes, their bodies stand between the two
                        // pages' lines, as in the seed's text, and the paragraph assembler decides
                        // (with each language's paragraph openings); otherwise the lines join
                        // unless the next page's first line opens a unit by the same test.
                        let filled = abs(before.size - line.size) <= 0.1 * max(before.size, line.size)
                            && !Self.endsShort(before, next: line, edges: previousEdge) && !outdented
                        let opens = opensUnit(line.text)
                        if !filled || !pending.isEmpty || opens { blank(); flush(); blank() }
                        sameParagraph = true
                        continues = filled && !opens
                        endedBefore = !filled
                    } else {
                        sameParagraph = !outdented && !Self.breaks(before, line, pitch: pitch, bodySize: bodySize, edges: edges)
                        continues = sameParagraph
                    }
                    if !sameParagraph { blank(); flush(); blank() }
                }
                // The page before ended its paragraph (its last line stopped short, changed size,
                // or stood further in than this one): the text reader is not to join them across
                // the footnotes between.
                if endedBefore { starts.insert(lines.count) }
                if index > 0, continues, previousContinued, let before = previous,
                   abs(indent - previousIndent) < 0.5 * before.size, abs(previousIndent - beforeIndent) < 0.5 * before.size {
                    goesOn.insert(lines.count)
                }
                if continues, let target = lastBody, let moved = Self.wrappedMarker(line, bodySize: bodySize) {
                    // A marker the line broke after: it ends the line before (where the text
                    // has it), not a footnote body's label at the start of this one.
                    lines[target] += moved.marker
                    emit(line, text: moved.rest)
                } else {
                    emit(line)
                }
                lastBody = lines.count - 1
                previous = line
                beforeIndent = previousIndent
                previousIndent = indent
                previousContinued = continues
            }
            previousEdge = edges
            if !zone.isEmpty { pending.append(zone) }
        }
        blank()
        flush()
        text = lines.joined(separator: "\n") + "\n"
        positions.lines = places
        paragraphStarts = starts
        paragraphContinues = goesOn
    }

    /// A running-text line that goes on with the paragraph of the line before and starts with
    /// raised digits (`⁹ and the Programme of Action…`, the marker of `…Programme of Action⁹`
    /// wrapped to the next line or page): the marker, and the line with spaces in its place
    /// (so the columns stay the page's). Nil for any other line, and for a line set smaller
    /// than the body (a footnote's).
    static func wrappedMarker(_ line: PdfLine, bodySize: Float) -> (marker: String, rest: String)? {
        let length = line.raisedLabelLength
        guard length > 0, length < line.glyphs.count, abs(line.size - bodySize) < 0.1 * bodySize else { return nil }
        let scalars = Array(line.text.unicodeScalars)
        guard length < scalars.count else { return nil }
        var rest = String.UnicodeScalarView(repeatElement(" ", count: length))
        rest.append(contentsOf: scalars[length...])
        return (String(String.UnicodeScalarView(scalars[..<length])), String(rest))
    }

    /// A footnote body's line: its raised label written as superscript digits and followed
    /// by a space (`¹ United Nations, …`); a label set in plain digits in the zone reads the same.
    static func bodyLine(_ line: PdfLine, labelLength: Int) -> String {
        var line = line
        var length = labelLength
        if length == 0 {
            while length < line.glyphs.count, PdfLine.isDigit(line.glyphs[length].scalar), length < 3 { length += 1 }
            guard length > 0, length < line.glyphs.count, line.glyphs[length].isSpace else { return line.text }
            for k in 0..<length { line.raised[k] = true }
        }
        let text = line.text
        let scalars = Array(text.unicodeScalars)
        guard length < scalars.count else { return text }
        if scalars[length] == " " { return text }
        var out = String.UnicodeScalarView(scalars[..<length])
        out.append(" ")
        out.append(contentsOf: scalars[length...])
        return String(out)
    }

    /// The size most of the text is set in.
    static func bodySize(_ lines: [PdfLine]) -> Float {
        var counts = [Int: Int]()
        for line in lines { counts[Int((line.size * 2).rounded()), default: 0] += line.glyphs.count }
        let best = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? 20
        return Float(best) / 2
    }

    /// The usual distance between the lines of a paragraph in the body size: the most common
    /// distance between consecutive body lines.
    static func linePitch(_ lines: [PdfLine], bodySize: Float) -> Float {
        var counts = [Int: Int]()
        for (a, b) in zip(lines, lines.dropFirst()) where a.page == b.page
            && abs(a.size - bodySize) < 0.1 * bodySize && abs(b.size - bodySize) < 0.1 * bodySize {
            let pitch = b.bottom - a.bottom
            guard pitch > 0.8 * bodySize, pitch < 3 * bodySize else { continue }
            counts[Int((pitch * 4).rounded()), default: 0] += 1
        }
        // The smallest of the frequent distances: paragraphs are spaced wider, never narrower.
        guard let most = counts.values.max() else { return 1.2 * bodySize }
        let frequent = counts.filter { $0.value * 3 >= most }.keys.min()!
        return Float(frequent) / 4
    }

    /// The left and right edges of the page's text column.
    static func textEdges(_ lines: [PdfLine], bodySize: Float, page: PdfPage) -> (left: Float, right: Float) {
        let body = lines.filter { abs($0.size - bodySize) < 0.1 * bodySize }
        let use = body.isEmpty ? lines : body
        return (use.map(\.left).min() ?? 0, use.map(\.right).max() ?? Float(page.width))
    }

    /// A page's running text; the lines at the top of its footnote zone that have no label
    /// (the previous page's last footnote going on, when that page has footnotes); and its
    /// footnote zone: the lines from the first one that starts with a label (raised digits,
    /// or digits and a space) to the end of the page, all set smaller than the body (or in
    /// its size, in the lower half of the page). A rule of underscores above them is dropped.
    static func split(_ lines: [PdfLine], bodySize: Float, pitch: Float, pageHeight: Float, plainLabels: Bool) -> (body: [PdfLine], carried: [PdfLine], zone: [PdfLine]) {
        var start = lines.count
        while start > 0, lines[start - 1].size <= 0.92 * bodySize { start -= 1 }
        let small = start
        while start < lines.count {
            let line = lines[start]
            if line.raisedLabelLength > 0 || (plainLabels && startsWithDigitLabel(line)) { break }
            start += 1
        }
        if start == lines.count {
            // Footnotes set in the body's size (as some converters do): the lines from the
            // first in the lower half of the page that starts with a raised label.
            guard let first = lines.indices.first(where: { index in
                index > 0 && lines[index].top > 0.4 * pageHeight && lines[index].raisedLabelLength > 0
                    && lines[index].raisedLabelLength < lines[index].glyphs.count
                    && lines[index].glyphs[lines[index].raisedLabelLength].isSpace
                    && lines[index...].allSatisfy { $0.size <= 1.05 * bodySize }
            }) else { return (lines, [], []) }
            // Lines in the body's size too, just over the first label and far below the text
            // above (a last page's closing lines): the previous page's last footnote going on.
            var carried = first
            while carried > 1, lines[carried - 1].top > 0.4 * pageHeight,
                  lines[carried].bottom - lines[carried - 1].bottom < 2 * pitch { carried -= 1 }
            if carried < first, lines[carried].bottom - lines[carried - 1].bottom < 4 * pitch { carried = first }
            return (Array(lines[..<carried]), Array(lines[carried..<first]), Array(lines[first...]))
        }
        var body = Array(lines[..<small])
        var carried = Array(lines[small..<start])
        // A rule of underscores over the footnotes is not text.
        if let first = carried.first, isRule(first) { carried.removeFirst() }
        else if carried.isEmpty, let last = body.last, isRule(last) { body.removeLast() }
        return (body, carried, Array(lines[start...]))
    }

    static func startsWithDigitLabel(_ line: PdfLine) -> Bool {
        var k = 0
        while k < line.glyphs.count, PdfLine.isDigit(line.glyphs[k].scalar), k < 3 { k += 1 }
        return k > 0 && k < line.glyphs.count - 1 && line.glyphs[k].isSpace
    }

    static func isRule(_ line: PdfLine) -> Bool {
        line.glyphs.count >= 5 && line.glyphs.allSatisfy { $0.scalar == 0x5F || $0.isSpace }
    }

    /// Whether `b` starts a new paragraph after `a` on the same page.
    static func breaks(_ a: PdfLine, _ b: PdfLine, pitch: Float, bodySize: Float, edges: (left: Float, right: Float)) -> Bool {
        if abs(a.size - b.size) > 0.1 * max(a.size, b.size) { return true }
        let expected = pitch * a.size / bodySize
        if b.bottom - a.bottom > 1.3 * expected { return true }
        if isRule(a) || isRule(b) { return true }
        // Two centred lines (a title over two lines) stay together.
        if isCentred(a, edges: edges), isCentred(b, edges: edges) { return false }
        return endsShort(a, next: b, edges: edges)
    }

    /// How far a line starts from the page's edge (the right one for right-to-left text):
    /// measured on the page, not from the text column's edge, which a page whose lines are
    /// all indented would move.
    static func indent(_ line: PdfLine, pageWidth: Float) -> Float {
        line.rightToLeft ? pageWidth - line.right : line.left
    }

    static func isCentred(_ line: PdfLine, edges: (left: Float, right: Float)) -> Bool {
        let left = line.left - edges.left, right = edges.right - line.right
        return left > 2 * line.size && right > 2 * line.size && abs(left - right) < 1.5 * line.size
    }

    /// A line that stops although the next line's first word would have fitted after it.
    static func endsShort(_ a: PdfLine, next b: PdfLine, edges: (left: Float, right: Float)) -> Bool {
        let room = a.rightToLeft ? a.left - edges.left : edges.right - a.right
        return room > 0.3 * a.size + b.firstWordWidth + 0.5 * a.size
    }

    /// Running headers and footers and page numbers: among the two lines at the top and the
    /// two at the bottom of each page, those whose text, digits aside, stands there on at
    /// least two pages (and half the pages of a long document), and lines that are only a
    /// page number. A footnote body (a raised label) is never furniture.
    static func furniture(_ pageLines: [[PdfLine]], pages: [PdfPage]) -> Set<PageLine> {
        var candidates = [(PageLine, String)]()
        for lines in pageLines {
            let edges = Array(lines.prefix(2)) + Array(lines.suffix(2).filter { $0.number > 2 })
            for line in edges where line.raisedLabelLength == 0 {
                let key = String(line.text.unicodeScalars.map { PdfLine.isDigit($0.value) ? "#" : Character($0) })
                    .trimmingCharacters(in: .whitespaces)
                candidates.append((PageLine(page: line.page, number: line.number), key))
            }
        }
        var pagesOf = [String: Set<Int>]()
        for (place, key) in candidates { pagesOf[key, default: []].insert(place.page) }
        let needed = max(2, pages.count / 2)
        var result = Set<PageLine>()
        for (place, key) in candidates {
            if (pagesOf[key]?.count ?? 0) >= needed || isPageNumber(key) { result.insert(place) }
        }
        return result
    }

    /// `#`, `- # -`, `#/#`, `Page #`: a page number with its digits as `#`.
    static func isPageNumber(_ key: String) -> Bool {
        let stripped = key.filter { !$0.isWhitespace && $0 != "-" && $0 != "–" && $0 != "—" }
        if stripped.allSatisfy({ $0 == "#" }) { return !stripped.isEmpty && stripped.count <= 4 }
        if stripped.allSatisfy({ $0 == "#" || $0 == "/" }) { return stripped.contains("/") && stripped.count <= 9 }
        return false
    }
}

/// A line of a page: its page and its number on it (both 1-based).
struct PageLine: Hashable, Sendable {
    var page: Int
    var number: Int
}

/// Where the lines of the text made from a PDF come from: page and line on the page. A
/// column is the same in both (the line's characters as Concord reads them).
public struct PagePositions: Sendable, Hashable {
    public enum Line: Sendable, Hashable {
        case line(page: Int, number: Int)
        /// A blank line Concord put between paragraphs: reported at the line before it.
        case blank(page: Int, number: Int)

        var page: Int { switch self { case .line(let page, _), .blank(let page, _): return page } }
        var number: Int { switch self { case .line(_, let number), .blank(_, let number): return number } }
        var isLine: Bool { if case .line = self { return true } else { return false } }
    }
    public var lines: [Line] = []

    /// The page, line on the page and column of a line and column of the text.
    func position(line: Int, column: Int) -> SourcePosition {
        guard line >= 1, line <= lines.count else { return SourcePosition(line: line, column: column) }
        var position = SourcePosition(line: lines[line - 1].number, column: column)
        position.page = lines[line - 1].page
        return position
    }
}
