/// A document whose text has footnote markers, or tokens that read as markers (bare digits
/// glued to words in the order 1, 2: `peace,1`, `Nations2`), but in which no footnote body
/// could be paired with a marker: the footnotes were not read (an extractor's layout Concord
/// does not know, bodies lost), so every other footnote check had nothing to look at. One
/// finding for the file, never silence.
///
/// A warning: it says the reading failed, not that the document is wrong (the tokens may be
/// ordinary numbers), but the footnote checks did not run on it.
public struct FootnoteUnpairedMarkers: DocumentCheck {
    public static let id = CheckID.footnoteUnpairedMarkers
    public static let defaultSeverity = Severity.warning
    public static let examples = CheckExamples(
        triggering: [
            CheckExamples.Example([("doc.en.txt", "The General Assembly,\n\nRecalling its resolution 70/1 on sustaining peace,1\n\nNoting the report of the Secretary-General,2\n\n1. Decides to remain seized of the matter.\n")]),
            .markdown("The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n2. *Decides* to remain seized of the matter.[^2]\n"),
        ],
        nonTriggering: [
            CheckExamples.Example([("doc.en.txt", "The General Assembly,\n\nRecalling its resolution 70/1 on sustaining peace,1\n1 See A/70/PV.1.\nNoting the report of the Secretary-General,2\n2 A/80/100.\n1. Decides to remain seized of the matter.\n")]),
            CheckExamples.Example([("doc.en.txt", "The General Assembly,\n\nRecalling its resolutions 70/1 and 75/1,\n\n1. Decides to convene the Group of 20 in 2026.\n")]),
        ])

    public init() {}

    public func findings(in resolved: ResolvedDocument, context: CheckContext) -> [Finding] {
        let document = resolved.document
        if document.footnotes.contains(where: { $0.body != nil && !$0.markers.isEmpty }) { return [] }
        let bodies = document.footnotes.filter { $0.body != nil }.count
        let explicit = document.footnotes.flatMap(\.markers).map(\.sourceRange.lowerBound).min()
        guard let offset = explicit ?? Self.markerLikeTokens(in: document) else { return [] }
        let message = bodies == 0
            ? "the text has footnote markers but no footnote body was found: the footnotes were not read, and the footnote checks did not run on this file"
            : "the text has footnote markers and \(bodies) footnote bodies, but none could be paired: the footnote checks did not run on this file"
        return [context.finding(Self.id, in: document, at: offset, message, subject: "footnotes")]
    }

    /// Where the first of the tokens that read as markers 1 and 2 stands, when both do (1 first):
    /// one to three digits glued to a letter or to punctuation after a letter, in a word that
    /// is no symbol (no `/`), followed by no letter or digit.
    static func markerLikeTokens(in document: Document) -> Int? {
        var firstOne: Int?
        for paragraph in document.paragraphs where paragraph.kind != .title && paragraph.kind != .closing {
            let u = paragraph.text.units
            var i = 0
            while i < u.count {
                guard Chars.isASCIIDigit(u[i]) else { i += 1; continue }
                var j = i
                while j < u.count, Chars.isASCIIDigit(u[j]) { j += 1 }
                defer { i = j }
                guard j - i <= 3, i > 0 else { continue }
                if j < u.count, Chars.isLetter(u[j]) || Chars.isASCIIDigit(u[j]) || u[j] == 0x2F { continue }
                var before = i - 1
                if [0x2C, 0x3B, 0x3A, 0x2E, 0x29, 0x201D, 0x2019, 0x22].contains(u[before]), before > 0 { before -= 1 }
                guard Chars.isLetter(u[before]) else { continue }
                var w = i
                while w > 0, u[w - 1] != 0x20 { w -= 1 }
                if u[w..<i].contains(0x2F) { continue }
                let value = Int(String(decoding: u[i..<j], as: UTF16.self))
                if value == 1, firstOne == nil { firstOne = paragraph.text.sourceOffset(at: i) }
                if value == 2, let firstOne { return firstOne }
            }
        }
        return nil
    }
}
