/// The anchors of a document's units (the anchor grammar of the README): what its internal
/// references resolve to: the anchors the structure stage gives every unit of every genre;
/// for a document without them, computed from the resolution model: operative paragraph N
/// → `paragraph:N`, its sub-items `paragraph:N(a)`, preambular paragraph N → `preamble:N`,
/// an annex's numbered paragraph N → `annex:1/paragraph:N` (the annex itself `annex:1`).
struct DocumentAnchors: Sendable {
    /// Each paragraph's anchor, by paragraph id.
    private(set) var anchorOf = [String: String]()
    /// Each anchor's first paragraph, by its place in the document.
    private(set) var place = [String: Int]()
    /// Each paragraph's place in the document, by paragraph id.
    private(set) var order = [String: Int]()
    /// The kinds of unit the document has (`paragraph`, `article`, `annex`).
    private(set) var kinds = Set<String>()
    /// The numbered operative paragraphs, for messages.
    private(set) var operativeNumbers = [Int]()
    /// Each anchored paragraph in document order.
    private(set) var sequence = [(index: Int, anchor: String)]()

    init(_ document: Document) {
        var preamble = 0
        for (index, paragraph) in document.paragraphs.enumerated() {
            order[paragraph.id] = index
            guard let anchor = Self.anchor(of: paragraph, in: document, preamble: &preamble, known: anchorOf) else { continue }
            anchorOf[paragraph.id] = anchor
            sequence.append((index, anchor))
            if place[anchor] == nil { place[anchor] = index }
            Self.addKinds(of: anchor, to: &kinds)
            if paragraph.kind == .annex || paragraph.kind == .annexText, place["annex:1"] == nil { place["annex:1"] = index }
            if paragraph.kind == .operative, let number = paragraph.number { operativeNumbers.append(number) }
        }
    }

    /// The kind of each segment of an anchor (`annex:1/paragraph:3` → `annex`, `paragraph`).
    /// An anchor in ASCII, as the structure stage writes them, is split by its bytes (split by
    /// characters, the anchors were a tenth of resolving a document); any other as characters.
    static func addKinds(of anchor: String, to kinds: inout Set<String>) {
        let bytes = anchor.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            for segment in anchor.split(separator: "/") {
                if let kind = segment.split(separator: ":").first { kinds.insert(String(kind)) }
            }
            return
        }
        for segment in bytes.split(separator: UInt8(ascii: "/")) {
            if let kind = segment.split(separator: UInt8(ascii: ":")).first, let text = String(kind) { kinds.insert(text) }
        }
    }

    /// The one function that names a unit: the anchor the structure stage gave it, else (a
    /// document read without that stage) the anchor computed from the resolution model.
    private static func anchor(of paragraph: Paragraph, in document: Document, preamble: inout Int, known: [String: String]) -> String? {
        if paragraph.kind == .preambular { preamble += 1 }
        if let anchor = paragraph.anchor { return anchor }
        switch paragraph.kind {
        case .operative:
            return paragraph.number.map { "paragraph:\($0)" }
        case .preambular:
            return "preamble:\(preamble)"
        case .annex:
            return paragraph.number.map { "annex:1/paragraph:\($0)" }
        case .annexText:
            return "annex:1"
        case .subparagraph:
            guard let parent = paragraph.parentID, let outer = known[parent], let label = paragraph.label,
                  label.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
            return "\(outer)(\(label.lowercased()))"
        default:
            return nil
        }
    }

    func contains(_ anchor: String) -> Bool { place[anchor] != nil }

    /// Whether an anchor names a unit the document has, or a part of one whose parts the
    /// document does not mark (`article:12(3)` where article 12's paragraphs carry no anchor).
    func resolves(_ anchor: String) -> Bool {
        if contains(anchor) { return true }
        if anchor.hasPrefix("annex:") {
            let annex = String(anchor.prefix { $0 != "/" && $0 != "(" })
            // The resolution model numbers no annexes: with one annex read, a second is not
            // known to be missing (`annex:2` where the text has annexes I and II).
            guard contains(annex) else { return contains("annex:1") }
            // An annex whose paragraphs carry no numbers: its paragraph 2 cannot be told missing.
            if anchor.hasPrefix(annex + "/paragraph:"), !place.keys.contains(where: { $0.hasPrefix(annex + "/paragraph:") }) { return true }
        }
        var outer = anchor
        while let open = outer.lastIndex(of: "(") {
            outer = String(outer[..<open])
            if contains(outer) { return !place.keys.contains { $0.hasPrefix(outer + "(") } }
        }
        return false
    }

    /// The anchor of the numbered unit just before a paragraph's own (`the preceding
    /// paragraph`): `paragraph:4` before `paragraph:5`, `article:5(2)` before `article:5(3)`.
    /// A sub-item's reference names the paragraph before the one that holds it.
    func preceding(_ paragraphID: String) -> String? {
        guard var own = anchorOf[paragraphID] else { return nil }
        // From a lettered sub-item, the numbered paragraph it belongs to.
        while own.hasSuffix(")"), let open = own.lastIndex(of: "("), Int(own[own.index(after: open)..<own.index(before: own.endIndex)]) == nil {
            own = String(own[..<open])
        }
        if own.hasSuffix(")"), let open = own.lastIndex(of: "("),
           let number = Int(own[own.index(after: open)..<own.index(before: own.endIndex)]) {
            let candidate = "\(own[..<open])(\(number - 1))"
            return number > 1 && contains(candidate) ? candidate : nil
        }
        guard let colon = own.lastIndex(of: ":"), let number = Int(own[own.index(after: colon)...]), number > 1 else { return nil }
        let candidate = "\(own[...colon])\(number - 1)"
        return contains(candidate) ? candidate : nil
    }

    /// The unit of a kind that holds a paragraph (`this article`, `this chapter`): the segment
    /// of that kind in its anchor (`article:3` in `article:3(2)`), else the nearest unit of
    /// that kind before it in the document.
    func enclosing(_ kind: String, of paragraphID: String) -> String? {
        if let own = anchorOf[paragraphID] {
            for segment in own.split(separator: "/") where segment.hasPrefix(kind + ":") {
                return String(segment.prefix { $0 != "(" })
            }
        }
        guard let here = order[paragraphID] else { return nil }
        return sequence.last { $0.index <= here && $0.anchor.hasPrefix(kind + ":") }
            .map { String($0.anchor.prefix { $0 != "(" && $0 != "/" }) }
    }

    /// The document's annexes (`annex:1`, `annex:2`), in order.
    var annexes: [String] {
        place.filter { $0.key.hasPrefix("annex:") && !$0.key.contains("/") && !$0.key.contains("(") }
            .sorted { $0.value < $1.value }.map(\.key)
    }

    /// Every anchor the document has (what a pinpoint from another document must name).
    var all: Set<String> { Set(place.keys) }

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
