/// What a reader finds before paragraphs are assembled: runs of text lines, and footnote
/// bodies lifted out from between them.
struct Layout: Sendable {
    struct Block: Sendable {
        var lines: [SourceLine]
        /// True when footnote bodies or page furniture stand between this block and the
        /// previous text: the paragraph before may continue here.
        var interrupted: Bool
        /// True when the block before stops mid-sentence with nothing between them (a page
        /// break a Markdown converter kept as a paragraph break): the paragraph may go on
        /// here unless this block opens a unit by its first word.
        var cut = false
    }

    var blocks: [Block] = []
    var bodies: [FootnoteBody] = []
    /// For each body, the source offset where the group of bodies it belongs to (one page's
    /// footnotes, or all of a Markdown file's) starts and ends.
    var bodyGroups: [Range<Int>] = []
    var documentSymbol: String?
    var frontMatter = FrontMatter()
}

public enum LineJoiner {
    /// Appends a source line to text being assembled, joining with one space; a line that
    /// ends with a hyphen or dash set close after a letter or digit, followed by a line that
    /// starts with one, is joined without the space: the line broke after the dash, where
    /// the text has none (`action-` + `oriented`, `Kunming-` + `Montreal`, `18–` + `22 March`).
    /// A dash with a space before it (`peace –` + `and`) keeps the space.
    static func append(_ line: SourceLine, from units: [UInt16], to text: inout MappedText, from start: Int? = nil) {
        let range = (start ?? line.range.lowerBound)..<line.range.upperBound
        guard !range.isEmpty else { return }
        if !text.isEmpty {
            let last = text.units[text.count - 1]
            let beforeLast = text.count >= 2 ? text.units[text.count - 2] : 0
            let hyphenated = joinsClose(Unicode.Scalar(beforeLast), Unicode.Scalar(last), Unicode.Scalar(units[range.lowerBound]))
            // Chinese and Japanese are written without spaces: a line break between two such
            // characters joins them directly.
            let ideographic = isIdeographic(last) || isIdeographic(units[range.lowerBound])
            if !hyphenated && !ideographic && last != 0x20 {
                text.appendInserted(" ", at: text.sourceOffset(at: text.count - 1) + 1)
            }
        }
        text.append(units, range: range)
    }

    /// CJK ideographs, kana and the CJK and full-width punctuation around them.
    static func isIdeographic(_ u: UInt16) -> Bool {
        (0x3000...0x30FF).contains(u) || (0x3400...0x4DBF).contains(u) || (0x4E00...0x9FFF).contains(u)
            || (0xF900...0xFAFF).contains(u) || (0xFF00...0xFF60).contains(u)
    }

    /// Whether a line that ends with `beforeLast` `last` joins the next, which starts with
    /// `next`, without a space: `last` a hyphen or dash (hyphen-minus, hyphen, non-breaking
    /// hyphen, figure dash, en dash, em dash) set close after a letter or digit, and `next`
    /// a letter or digit. Nil stands for no character (or half of a surrogate pair).
    static func joinsClose(_ beforeLast: Unicode.Scalar?, _ last: Unicode.Scalar?, _ next: Unicode.Scalar?) -> Bool {
        guard let beforeLast, let last, let next else { return false }
        let dash = last == "-" || (0x2010...0x2014).contains(last.value)
        return dash && isLetterOrDigit(beforeLast) && isLetterOrDigit(next)
    }

    private static func isLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType == .decimal
    }

    /// `text` with its white space as the reader joins lines: each run of white space one
    /// space, none at the ends, and none for a run that holds a line break after a hyphen or
    /// dash set close after a letter or digit and before another (`18–⏎22` → `18–22`). What
    /// checks compare a citation's source range with its text by (the fuzz target's).
    public static func spaced(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false, lineBreak = false
        var last: Unicode.Scalar?, beforeLast: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                space = true
                if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" { lineBreak = true }
                continue
            }
            if space, !out.isEmpty, !(lineBreak && joinsClose(beforeLast, last, scalar)) { out.append(" ") }
            space = false
            lineBreak = false
            out.append(scalar)
            beforeLast = last
            last = scalar
        }
        return String(out)
    }
}
