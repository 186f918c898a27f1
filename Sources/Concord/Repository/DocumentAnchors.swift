/// The anchors of a document's units, per the anchor contract (`paragraph:12`,
/// `paragraph:12(a)`, `preamble:3`, `annex:2`, `annex:2/paragraph:4`), computed from the
/// reader's paragraphs. This is the one place the repository work reads units: when the
/// structure work gives every `Paragraph` its own anchor, this function returns those.
public enum DocumentAnchors {
    public static func anchors(of document: Document, lexicon: ReadingLexicon) -> Set<String> {
        var anchors = Set<String>()
        var annex = 0
        var byID = [String: String]()
        for paragraph in document.paragraphs {
            switch paragraph.kind {
            case .heading where paragraph.number == nil && isAnnexHeading(paragraph, lexicon: lexicon):
                annex += 1
                anchors.insert("annex:\(annex)")
            case .operative:
                guard let number = paragraph.number else { continue }
                let anchor = "paragraph:\(number)"
                anchors.insert(anchor)
                byID[paragraph.id] = anchor
            case .preambular:
                guard let number = paragraph.number else { continue }
                anchors.insert("preamble:\(number)")
            case .annex:
                guard let number = paragraph.number else { continue }
                let anchor = "annex:\(max(annex, 1))/paragraph:\(number)"
                anchors.insert("annex:\(max(annex, 1))")
                anchors.insert(anchor)
                byID[paragraph.id] = anchor
            case .subparagraph:
                guard let label = paragraph.label, let parent = paragraph.parentID.flatMap({ byID[$0] }) else { continue }
                let anchor = parent + "(\(subLabel(label)))"
                anchors.insert(anchor)
                byID[paragraph.id] = anchor
            default:
                continue
            }
        }
        return anchors
    }

    /// An annex heading as the reader finds it: a heading of at most three words whose
    /// first word is one of the languages' `reading.annex-words` (`Annex`, `Приложение`, `附件`).
    static func isAnnexHeading(_ paragraph: Paragraph, lexicon: ReadingLexicon) -> Bool {
        let words = paragraph.text.string.split(separator: " ")
        guard let first = words.first, words.count <= 3 else { return false }
        return lexicon.annexWords.contains(String(first))
    }

    /// A sub-item label as the anchor writes it: letters as the reader gives them (already
    /// Latin for Latin-script labels), Roman numerals kept.
    static func subLabel(_ label: String) -> String {
        label.lowercased()
    }

    /// The anchors a pinpoint key names: `paragraph:46-51` → `paragraph:46` … `paragraph:51`;
    /// `annex:2/paragraph:3-4` → each; anything else as it is.
    public static func expand(_ pin: String) -> [String] {
        let (prefix, last) = pin.lastIndex(of: "/").map { (String(pin[...$0]), String(pin[pin.index(after: $0)...])) } ?? ("", pin)
        guard let colon = last.firstIndex(of: ":") else { return [pin] }
        let kind = last[..<colon]
        let range = last[last.index(after: colon)...].split(separator: "-")
        guard range.count == 2, let from = Int(range[0]), let to = Int(range[1]), from <= to, to - from <= 500 else { return [pin] }
        return (from...to).map { "\(prefix)\(kind):\($0)" }
    }
}
