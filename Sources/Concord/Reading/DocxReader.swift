import Foundation

/// Reads Word documents (.docx): paragraphs from word/document.xml with their list numbers
/// as Word displays them (word/numbering.xml), footnote references and bodies
/// (word/footnotes.xml; the separator footnotes skipped), tracked changes as the accepted
/// text (insertions kept, deletions dropped), fields and hyperlinks flattened to the text
/// they show.
///
/// The package becomes a text in the seed's layout — one line per Word paragraph, its list
/// number written out, footnote references as superscript numbers in reference order, the
/// footnote bodies after the text — which the plain-text reader then reads, so Word
/// documents get exactly the same model, citations and checks as text. Positions are
/// mapped back to Word's: paragraph number and character (`file.docx:¶12:34`); a place in a
/// footnote is given at its reference mark.
struct DocxReader {
    var limits = DocxPackage.Limits()

    func read(url: URL, file: String) throws(InputError) -> (SourceText, ParagraphPositions) {
        var package = try DocxPackage(url: url, file: file, limits: limits)
        guard let documentData = try package.part("word/document.xml") else {
            throw InputError(file: file, reason: .malformed("not a Word document: the package has no word/document.xml", line: nil))
        }
        let document = try WordXML.parse(documentData, part: "word/document.xml", file: file)
        let numbering = try package.part("word/numbering.xml").map { data throws(InputError) in
            try WordXML.parse(data, part: "word/numbering.xml", file: file)
        }
        let footnotes = try package.part("word/footnotes.xml").map { data throws(InputError) in
            try WordXML.parse(data, part: "word/footnotes.xml", file: file)
        }
        return build(document: document, numbering: numbering.map(ListNumbering.init) ?? ListNumbering(), footnotes: footnotes)
    }

    private func build(document: XMLElementNode, numbering: ListNumbering, footnotes: XMLElementNode?) -> (SourceText, ParagraphPositions) {
        var numbering = numbering
        var walker = RunWalker()
        var paragraphs = [(prefix: String, text: String)]()
        var referenceParagraph = [String: (paragraph: Int, offset: Int)]()  // footnote id → where its mark is
        for p in bodyParagraphs(document) {
            let prefix = numbering.label(for: p).map { $0 + " " } ?? ""
            var text = ""
            let number = paragraphs.count + 1
            walker.walk(p, into: &text) { id, offset in
                if referenceParagraph[id] == nil { referenceParagraph[id] = (number, prefix.utf16.count + offset) }
            }
            paragraphs.append((prefix, text))
        }
        // Footnote bodies in reference order.
        var bodies = [(label: String, id: String, text: String)]()
        if let footnotes {
            var byID = [String: XMLElementNode]()
            for note in footnotes.children where note.name == "footnote" {
                if let type = note.attribute("type"), type != "normal" { continue }  // separators
                if let id = note.attribute("id") { byID[id] = note }
            }
            for (id, label) in walker.footnoteOrder {
                guard let note = byID[id] else { continue }
                var text = ""
                var noteWalker = RunWalker()
                for p in note.children where p.name == "p" {
                    var paragraphText = ""
                    noteWalker.walk(p, into: &paragraphText) { _, _ in }
                    let trimmed = paragraphText.trimmingCharacters(in: .whitespaces)
                    if !trimmed.isEmpty { text += (text.isEmpty ? "" : " ") + trimmed }
                }
                bodies.append((label, id, text))
            }
        }
        // The text: one line per paragraph, a blank line between, then the bodies.
        var lines = [String]()
        var positions = ParagraphPositions()
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { lines.append(""); positions.lines.append(.blank) }
            let line = paragraph.prefix + paragraph.text
            lines.append(line.utf8.contains(0x0A) ? String(String.UnicodeScalarView(line.unicodeScalars.map { $0 == "\n" ? " " : $0 })) : line)
            positions.lines.append(.paragraph(number: index + 1, prefix: paragraph.prefix.utf16.count))
        }
        for body in bodies where !body.text.isEmpty {
            lines.append(""); positions.lines.append(.blank)
            let mark = Chars.superscript(body.label)
            lines.append(mark + " " + body.text)
            let reference = referenceParagraph[body.id] ?? (1, 0)
            positions.lines.append(.footnote(paragraph: reference.paragraph, offset: reference.offset))
        }
        return (SourceText(lines.joined(separator: "\n") + "\n"), positions)
    }

    /// The paragraphs of the body in reading order, those in tables and content controls too.
    private func bodyParagraphs(_ document: XMLElementNode) -> [XMLElementNode] {
        guard let body = document.descendant("body") else { return [] }
        var result = [XMLElementNode]()
        func collect(_ node: XMLElementNode) {
            for child in node.children {
                switch child.name {
                case "p": result.append(child)
                case "tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "ins", "moveTo": collect(child)
                default: break
                }
            }
        }
        collect(body)
        return result
    }
}

/// Walks the runs of a paragraph and writes the text Word shows after accepting tracked
/// changes: deletions and field instructions dropped, field results and hyperlinks kept,
/// footnote references as superscript numbers.
struct RunWalker {
    /// Footnote ids in the order of their first reference, with their displayed number.
    private(set) var footnoteOrder: [(id: String, label: String)] = []
    private var labels: [String: String] = [:]
    /// Complex fields (w:fldChar) can nest and span runs: for each open field, whether its
    /// instruction part is still being read.
    private var fields: [Bool] = []

    /// A run formatted as superscript whose text is only digits.
    static func isSuperscriptDigits(_ run: XMLElementNode) -> Bool {
        guard run.child("rPr")?.child("vertAlign")?.attribute("val") == "superscript" else { return false }
        let text = run.children.filter { $0.name == "t" }.map(\.text).joined()
        return !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    mutating func label(forFootnote id: String) -> String {
        if let label = labels[id] { return label }
        let label = String(footnoteOrder.count + 1)
        labels[id] = label
        footnoteOrder.append((id, label))
        return label
    }

    /// `reference` is told of each footnote reference: its id and where it stands in `text`.
    mutating func walk(_ node: XMLElementNode, into text: inout String, reference: (String, Int) -> Void) {
        for child in node.children {
            switch child.name {
            case "pPr", "rPr", "del", "moveFrom", "delText", "instrText", "footnoteRef", "txbxContent",
                 "proofErr", "bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd",
                 "lastRenderedPageBreak", "sectPr", "endnoteReference", "annotationRef":
                continue
            case "fldChar":
                switch child.attribute("fldCharType") {
                case "begin": fields.append(true)
                case "separate": if !fields.isEmpty { fields[fields.count - 1] = false }
                case "end": if !fields.isEmpty { fields.removeLast() }
                default: break
                }
            case "t":
                if !fields.contains(true) { text += child.text }
            case "r" where Self.isSuperscriptDigits(child):
                // A footnote number typed by hand as superscript digits (documents converted
                // from other formats): written as superscript characters, a marker like any other.
                if !fields.contains(true) {
                    text += Chars.superscript(child.children.filter { $0.name == "t" }.map(\.text).joined())
                }
            case "tab", "br", "cr":
                if !fields.contains(true) { text += " " }
            case "softHyphen":
                text += "\u{00AD}"
            case "noBreakHyphen":
                text += "\u{2011}"
            case "footnoteReference":
                if let id = child.attribute("id") {
                    reference(id, text.utf16.count)
                    text += Chars.superscript(label(forFootnote: id))
                }
            default:
                walk(child, into: &text, reference: reference)
            }
        }
    }
}

/// Word's list numbering (word/numbering.xml): the number a numbered paragraph shows.
struct ListNumbering {
    struct Level { var start = 1; var format = "decimal"; var text = "%1." }
    private var abstract: [String: [Int: Level]] = [:]
    private var instances: [String: (abstract: String, starts: [Int: Int])] = [:]
    private var counters: [String: [Int: Int]] = [:]

    init() {}

    init(_ root: XMLElementNode) {
        for node in root.children where node.name == "abstractNum" {
            guard let id = node.attribute("abstractNumId") else { continue }
            var levels = [Int: Level]()
            for lvl in node.children where lvl.name == "lvl" {
                guard let ilvl = lvl.attribute("ilvl").flatMap(Int.init) else { continue }
                var level = Level()
                if let start = lvl.child("start")?.attribute("val").flatMap(Int.init) { level.start = start }
                if let format = lvl.child("numFmt")?.attribute("val") { level.format = format }
                if let text = lvl.child("lvlText")?.attribute("val") { level.text = text }
                levels[ilvl] = level
            }
            abstract[id] = levels
        }
        for node in root.children where node.name == "num" {
            guard let id = node.attribute("numId"), let abstractID = node.child("abstractNumId")?.attribute("val") else { continue }
            var starts = [Int: Int]()
            for override in node.children where override.name == "lvlOverride" {
                if let ilvl = override.attribute("ilvl").flatMap(Int.init),
                   let start = override.child("startOverride")?.attribute("val").flatMap(Int.init) {
                    starts[ilvl] = start
                }
            }
            instances[id] = (abstractID, starts)
        }
    }

    /// The label a paragraph shows (`12.`, `12 -`, `(a)`), advancing the counters.
    mutating func label(for paragraph: XMLElementNode) -> String? {
        guard let numPr = paragraph.child("pPr")?.child("numPr"),
              let numID = numPr.child("numId")?.attribute("val"), numID != "0",
              let instance = instances[numID], let levels = abstract[instance.abstract] else { return nil }
        let ilvl = numPr.child("ilvl")?.attribute("val").flatMap(Int.init) ?? 0
        guard let level = levels[ilvl] else { return nil }
        var counter = counters[numID] ?? [:]
        counter[ilvl] = (counter[ilvl] ?? ((instance.starts[ilvl] ?? level.start) - 1)) + 1
        for deeper in counter.keys where deeper > ilvl { counter[deeper] = nil }  // restart sub-levels
        counters[numID] = counter
        if level.format == "bullet" || level.format == "none" { return nil }
        var text = level.text
        for (l, value) in counter {
            let format = levels[l]?.format ?? "decimal"
            text = text.replacingOccurrences(of: "%\(l + 1)", with: Self.format(value, format))
        }
        return text
    }

    static func format(_ value: Int, _ format: String) -> String {
        switch format {
        case "lowerLetter": return String(UnicodeScalar(UInt8(96 + ((value - 1) % 26 + 1))))
        case "upperLetter": return String(UnicodeScalar(UInt8(64 + ((value - 1) % 26 + 1))))
        case "lowerRoman": return Chars.roman(value).lowercased()
        case "upperRoman": return Chars.roman(value)
        default: return String(value)
        }
    }

}

/// Where the lines of the text made from a Word document come from: paragraph number and
/// the length of the list number written before the paragraph's text.
public struct ParagraphPositions: Sendable, Hashable {
    public enum Line: Sendable, Hashable {
        case paragraph(number: Int, prefix: Int)
        case footnote(paragraph: Int, offset: Int)
        case blank
    }
    public var lines: [Line] = []

    /// Word's place (paragraph number, 1-based character) for a line and column of the text.
    func position(line: Int, column: Int) -> SourcePosition {
        guard line >= 1, line <= lines.count else { return SourcePosition(line: line, column: column) }
        switch lines[line - 1] {
        case .paragraph(let number, let prefix):
            return SourcePosition(line: number, column: max(1, column - prefix))
        case .footnote(let paragraph, let offset):
            return SourcePosition(line: paragraph, column: offset + 1)
        case .blank:
            // Between paragraph k (line 2k-1) and k+1.
            return SourcePosition(line: line / 2, column: 1)
        }
    }
}
