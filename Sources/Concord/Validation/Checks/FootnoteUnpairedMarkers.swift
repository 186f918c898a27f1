/// A document in which no footnote was read, although its text has tokens that read as
/// markers: bare digits glued to words or after a comma, 1 before 2 or 3 (`peace,1`,
/// `2024,1`, `Crime3`). The footnotes were not read (a layout Concord does not know, bodies lost), so
/// the other footnote checks had nothing to look at: one finding for the file, never silence.
/// Markers or bodies that were read are reported one by one by `footnote.orphan-marker` and
/// `footnote.orphan-body`.
///
/// A warning: it says the reading failed, not that the document is wrong (the tokens may be
/// ordinary numbers), but the footnote checks did not run on the file. Digits glued to Chinese
/// characters are no sign: numbers are written that way too.
public struct FootnoteUnpairedMarkers: DocumentCheck {
    public static let id = CheckID.footnoteUnpairedMarkers
    public static let defaultSeverity = Severity.warning
    public static let examples = CheckExamples(
        triggering: [
            CheckExamples.Example([("doc.en.txt", "The General Assembly,\n\nRecalling its resolution 70/1 on sustaining peace,1\n\nNoting the report of the Secretary-General,2\n\n1. Decides to remain seized of the matter.\n")]),
        ],
        nonTriggering: [
            CheckExamples.Example([("doc.en.txt", "The General Assembly,\n\nRecalling its resolution 70/1 on sustaining peace,1\n1 See A/70/PV.1.\nNoting the report of the Secretary-General,2\n2 A/80/100.\n1. Decides to remain seized of the matter.\n")]),
            CheckExamples.Example([("doc.en.txt", "The General Assembly,\n\nRecalling its resolutions 70/1 and 75/1,\n\n1. Decides to convene the Group of 20 in 2026.\n")]),
        ])

    public init() {}

    public func findings(in resolved: ResolvedDocument, context: CheckContext) -> [Finding] {
        // Markers or bodies that were read are reported one by one (`footnote.orphan-marker`,
        // `footnote.orphan-body`): the silence is a text with no footnote read at all.
        let document = resolved.document
        guard document.footnotes.isEmpty, let offset = Self.markerLikeTokens(in: document) else { return [] }
        return [context.finding(Self.id, in: document, at: offset,
                                "the text has footnote markers (1, 2, …) but no footnote body could be paired with them: the footnotes were not read, and the footnote checks did not run on this file",
                                subject: "footnotes")]
    }

    /// Where the first of the tokens that read as markers 1 and 2 (or 3: marker 2 may be
    /// spaced, `Persons 2,`, which no glued token tells from a number) stands, 1 first:
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
                if [0x2C, 0x3B, 0x3A, 0x2E, 0x29, 0x201D, 0x2019, 0x22, 0x060C, 0x061B, 0xFF0C, 0x3001, 0x3002].contains(u[before]), before > 0 {
                    // `peace,1`, `2024,1`; not `1.2`
                    if u[before] != 0x2E, Chars.isASCIIDigit(u[before - 1]) { before = -1 } else { before -= 1 }
                }
                // Between characters of a script written without spaces (Chinese) numbers
                // are glued as markers are (`第2次`, `报告5所载`): no sign there.
                guard before == -1 || (Chars.isLetter(u[before]) && !LineJoiner.isIdeographic(u[before])) else { continue }
                var w = i
                while w > 0, u[w - 1] != 0x20 { w -= 1 }
                if u[w..<i].contains(0x2F) { continue }
                let value = Int(String(utf16Units: u[i..<j]))
                if value == 1, firstOne == nil { firstOne = paragraph.text.sourceOffset(at: i) }
                if value == 2 || value == 3, let firstOne { return firstOne }
            }
        }
        return nil
    }
}
