/// What a paragraph of a resolution is.
public enum ParagraphKind: String, Sendable, Codable, CaseIterable {
    /// The resolution's number and name (`80/3. Awaza Political Declaration`, `Résolution 6/1`).
    case title
    /// Masthead lines, agenda items, section headings, `Annex`.
    case heading
    /// The issuing body that opens the resolution (`The General Assembly,`).
    case chapeau
    case preambular
    case operative
    /// A lettered or numbered item inside an operative or annex paragraph (`(a)`, `(i)`).
    case subparagraph
    /// A numbered paragraph of an annex (its numbering starts again at 1).
    case annex
    /// Text of an annex that carries no number.
    case annexText = "annex-text"
    /// The meeting and date that close a resolution (`3rd plenary meeting`).
    case closing
    /// Any other running text.
    case text
    /// Units of treaties, conventions, charters, rules of procedure and reports (see
    /// `DocumentGenre`): `Part II`, `Chapter V`, a section heading (`Section 2`, a report's
    /// `I.`, `A.`, `1.`), `Article 12`, `Rule 7`, and a numbered paragraph of an article or of a
    /// report (`3.`, Chinese `三、`). Lettered sub-paragraphs are `subparagraph`.
    case part, chapter, section, article, rule
    case numbered = "paragraph"

    /// The prefix of paragraph ids, as UN drafters name them (`pp3`, `op12`).
    public var idPrefix: String {
        switch self {
        case .title: return "t"
        case .heading: return "h"
        case .chapeau: return "c"
        case .preambular: return "pp"
        case .operative: return "op"
        case .subparagraph: return "sub"
        case .annex: return "an"
        case .annexText: return "at"
        case .closing: return "cl"
        case .text: return "x"
        case .part: return "pt"
        case .chapter: return "ch"
        case .section: return "s"
        case .article: return "art"
        case .rule: return "r"
        case .numbered: return "p"
        }
    }
}

/// A footnote marker in the running text.
public struct FootnoteMarker: Sendable, Hashable {
    public var label: String
    /// Where the marker stands in the source (UTF-16 offset into `Document.source`).
    public var sourceRange: Range<Int>
    /// The paragraph it stands in, and its offset in that paragraph's text (after markers are
    /// taken out: the place the marker annotates).
    public var paragraphID: String
    public var textOffset: Int

    public init(label: String, sourceRange: Range<Int>, paragraphID: String, textOffset: Int) {
        self.label = label
        self.sourceRange = sourceRange
        self.paragraphID = paragraphID
        self.textOffset = textOffset
    }
}

/// A footnote's body, as found at the foot of a page (or between the lines of a PDF's text).
public struct FootnoteBody: Sendable, Hashable {
    public var label: String
    /// The body without its label, continuation lines joined by one space.
    public var text: MappedText
    /// Where the label stands in the source.
    public var labelRange: Range<Int>

    public init(label: String, text: MappedText, labelRange: Range<Int>) {
        self.label = label
        self.text = text
        self.labelRange = labelRange
    }
}

/// A paragraph of running text, rejoined across page breaks and interrupting footnote bodies,
/// with its footnote markers taken out of the text and kept beside it. Its fields
/// (`Paragraph.Fields`) read and change as its own: `paragraph.text`, `paragraph.number = 3`.
///
/// The fields are kept in one box shared by copies, and copied when a shared one is changed
/// (as an array's elements are): the checks and the structure pass read paragraphs by copying
/// them out of their document, and a copy of the fields themselves retained and released each
/// of its texts, markers and names (3 % of a run's time over the 10 MB of resolutions, `perf`).
@dynamicMemberLookup
public struct Paragraph: Sendable, Hashable {
    public struct Fields: Sendable, Hashable {
        public var id: String
        public var kind: ParagraphKind
        /// The paragraph's number (`12` for operative paragraph 12); for preambular paragraphs
        /// their order; nil where there is none.
        public var number: Int?
        /// The label as written for sub-items (`a`, `iv`) and section headings (`II`).
        public var label: String?
        /// The id of the paragraph a sub-item belongs to.
        public var parentID: String?
        /// The text as written in the source, without the paragraph number and without markers.
        public var text: MappedText
        public var markers: [FootnoteMarker]
        /// Where the paragraph starts in the source, its number or label included.
        public var start: Int
        /// The unit's language-independent name (`paragraph:12`, `article:12(3)(b)`,
        /// `annex:1/paragraph:3`, `section:1.B`; see the README): the same unit has the same
        /// anchor in every language version. Nil for units without one (title, chapeau, closing,
        /// unnumbered text).
        public var anchor: String?
        /// The anchor of the unit this one belongs to (an article's paragraph → the article,
        /// an article → its chapter), nil at the top.
        public var parentAnchor: String?
    }

    private final class Box: @unchecked Sendable {
        // (`@unchecked`: a box is changed only through the subscript below, after
        // `isKnownUniquelyReferenced` has made it this paragraph's own.)
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    public subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
        get { box.fields[keyPath: field] }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            yield &box.fields[keyPath: field]
        }
    }

    public init(id: String, kind: ParagraphKind, number: Int?, label: String? = nil,
                parentID: String? = nil, text: MappedText, markers: [FootnoteMarker] = [], start: Int) {
        box = Box(Fields(id: id, kind: kind, number: number, label: label, parentID: parentID, text: text,
                         markers: markers, start: start, anchor: nil, parentAnchor: nil))
    }

    public static func == (a: Paragraph, b: Paragraph) -> Bool { a.box === b.box || a.box.fields == b.box.fields }

    public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }
}

/// A footnote: its body (nil when a marker has none) and every marker that points at it
/// (none when a body has no marker; several under the older practice of repeating markers).
public struct Footnote: Sendable, Hashable {
    public var label: String
    public var body: FootnoteBody?
    public var markers: [FootnoteMarker]
}

/// How a document's language was decided, in the order the signs are tried.
public enum LanguageSource: String, Sendable, Codable {
    /// `--lang`.
    case option
    /// `name.fr.txt`, `A_RES_80_13-EN.txt`.
    case fileName = "file-name"
    /// `language:` in YAML front matter.
    case frontMatter = "front-matter"
    /// The scripts and frequent words of the text.
    case text
}

/// The format a document was read from.
public enum SourceFormat: String, Sendable, Codable {
    case plainText = "text"
    case markdown
    case docx
    case pdf
}

/// A resolution as read from one file: its paragraphs and footnotes, every position mapped
/// back to the source.
public struct Document: Sendable {
    public var file: String
    public var language: Language?
    /// How the language was decided.
    public var languageSource: LanguageSource?
    public var format: SourceFormat
    public var source: SourceText
    /// The document's own symbol where the file names it (front matter, masthead).
    public var symbol: String?
    public var paragraphs: [Paragraph]
    public var footnotes: [Footnote]
    /// What kind of document it is (from its text, or the configuration's `genres`).
    public var genre: DocumentGenre = .unknown
    /// Its own symbol, number and date of adoption, as far as the text gives them.
    public var identity = DocumentIdentity()
    /// For Word documents: where each line of the text made from the package comes from,
    /// so that places are reported as paragraph and character.
    public var paragraphPositions: ParagraphPositions?
    /// For PDFs: the page and line of each line of the text made from the pages, so that
    /// places are reported as page, line and column.
    public var pagePositions: PagePositions?

    public init(file: String, language: Language?, languageSource: LanguageSource?, format: SourceFormat,
                source: SourceText, symbol: String?, paragraphs: [Paragraph], footnotes: [Footnote]) {
        self.file = file
        self.language = language
        self.languageSource = languageSource
        self.format = format
        self.source = source
        self.symbol = symbol
        self.paragraphs = paragraphs
        self.footnotes = footnotes
    }

    public func paragraph(_ id: String) -> Paragraph? { paragraphs.first { $0.id == id } }
    public func footnote(_ label: String) -> Footnote? { footnotes.first { $0.label == label } }
    public func paragraphs(_ kind: ParagraphKind) -> [Paragraph] { paragraphs.filter { $0.kind == kind } }

    /// The place of a source offset: line and column, or for a Word document paragraph and
    /// character.
    public func position(of sourceOffset: Int) -> SourcePosition {
        let position = source.position(of: sourceOffset)
        if let pagePositions { return pagePositions.position(line: position.line, column: position.column) }
        guard let paragraphPositions else { return position }
        return paragraphPositions.position(line: position.line, column: position.column)
    }

    /// A finding's place in this document.
    public func location(of sourceOffset: Int, message: String? = nil) -> Location {
        let p = position(of: sourceOffset)
        var location = Location(file: file, line: p.line, column: p.column, message: message, paragraphBased: paragraphPositions != nil)
        location.page = p.page
        location.offset = sourceOffset
        return location
    }
}

// MARK: Names of places, for messages

extension Document {
    /// How a reader names each paragraph in a message, by id: `preambular paragraph 3`,
    /// `operative paragraph 12`, `sub-paragraph (a) of operative paragraph 3`, `annex
    /// paragraph 2`, `the title`, and units without a number by their first words: `the
    /// heading “Annex”`, `the chapeau “The General Assembly,”`, `the text “…”`. Ids (`op12`,
    /// `x2`) are the model's, not the reader's: no message shows one.
    public func placeNames() -> [String: String] {
        var names = [String: String]()
        for paragraph in paragraphs {
            names[paragraph.id] = placeName(paragraph, parent: paragraph.parentID.flatMap { names[$0] })
        }
        return names
    }

    /// The name of one paragraph (`placeNames()` names them all at once).
    public func placeName(ofParagraph id: String) -> String {
        guard let paragraph = paragraph(id) else { return "the text" }
        return placeName(paragraph, parent: paragraph.parentID.map { placeName(ofParagraph: $0) })
    }

    private func placeName(_ paragraph: Paragraph, parent: String?) -> String {
        let number = paragraph.number.map(String.init) ?? paragraph.label ?? "?"
        switch paragraph.kind {
        case .preambular, .operative, .annex:
            return "\(paragraph.kind.readableName) \(number)"
        case .subparagraph:
            let label = "(\(paragraph.label ?? number))"
            return parent.map { "sub-paragraph \(label) of \($0)" } ?? "sub-paragraph \(label)"
        case .title: return "the title"
        case .heading: return "the heading \(Self.quoted(paragraph.text.string))"
        case .chapeau: return "the chapeau \(Self.quoted(paragraph.text.string))"
        case .annexText: return "the annex text \(Self.quoted(paragraph.text.string))"
        case .closing: return "the closing \(Self.quoted(paragraph.text.string))"
        case .text: return "the text \(Self.quoted(paragraph.text.string))"
        case .part, .chapter, .section, .article, .rule:
            return paragraph.label.map { "\(paragraph.kind.readableName) \($0)" } ?? "the heading \(Self.quoted(paragraph.text.string))"
        case .numbered:
            return parent.map { "paragraph \(number) of \($0)" } ?? "paragraph \(number)"
        }
    }

    /// The first words of a text in quotation marks, at most about 40 characters. Reads the
    /// text only as far as it needs (a paragraph can be megabytes long, and every check that
    /// names places asks for it).
    static func quoted(_ text: String) -> String {
        var out = "", word = ""
        var characters = text.makeIterator()
        while true {
            let next = characters.next()
            if let next, !next.isWhitespace {
                if next != "*" { word.append(next) }
                continue
            }
            if !word.isEmpty {
                if !out.isEmpty, out.count + 1 + word.count > 40 { return "“\(out) …”" }
                out += (out.isEmpty ? "" : " ") + word
                word = ""
            }
            if next == nil { break }
        }
        if out.count > 48 { return "“\(out.prefix(40))…”" }
        return "“\(out)”"
    }
}
