import Foundation

/// A document cited by its number or symbol with a title (`resolution 64/293, entitled
/// “…”`): what `plausibility.conflicting-title` and `set.conflicting-title` compare.
struct CitedTitle: Sendable {
    /// The reference's citation (an index into the citations it was found among).
    var citation: Int
    var key: String
    /// The title as written (spaces run together), for messages.
    var title: String
    /// The title as compared (`CitedTitle.fold`).
    var folded: String
    /// Where the title stands in the source.
    var range: Range<Int>

    /// A title as compared: NFKC (with digits, spaces and dashes folded as for matching),
    /// case folded, without quotation marks (straight, curly, guillemets, corner brackets;
    /// apostrophes too), spaces run together, and without the punctuation that ends it
    /// (`…Action”,` and `…Action.”`), so that a typographic difference is no conflict.
    static func fold(_ title: String) -> String {
        let normalized = NormalizedText(title).string.folding(options: [.caseInsensitive], locale: nil)
        var out = String.UnicodeScalarView()
        var space = false
        for scalar in normalized.unicodeScalars {
            if scalar.properties.isQuotationMark { continue }
            if scalar.properties.isWhitespace { space = !out.isEmpty; continue }
            if space { out.append(" "); space = false }
            out.append(scalar)
        }
        while let last = out.last, last.properties.generalCategory == .otherPunctuation { out.removeLast() }
        while let last = out.last, last.properties.isWhitespace { out.removeLast() }
        return String(out)
    }

    /// Whether a symbol was written with more than its key keeps (`GC(69)/RES/9 A.2`, a part,
    /// keyed `GC(69)/RES/9`): the title may be the part's, so the reference takes none.
    static func keyedShort(_ citation: Citation) -> Bool {
        guard citation.kind == .symbol, let last = citation.key.split(separator: "/").last else { return false }
        let written = NormalizedText(citation.text).string.filter { !$0.isWhitespace }
        return !written.hasSuffix(last)
    }

    /// Whether the text after a reference opens with a word of one letter (`GC(69)/RES/16 A,
    /// entitled “…”`, a part of the resolution, keyed without it): the title may be the
    /// part's, so the reference takes none.
    static func opensWithPartLetter(_ gap: ArraySlice<UInt16>) -> Bool {
        let scalars = String(utf16Units: gap.prefix(8)).unicodeScalars.drop { $0.properties.isWhitespace }
        guard let first = scalars.first, first.properties.isAlphabetic else { return false }
        guard let second = scalars.dropFirst().first else { return true }
        return !second.properties.isAlphabetic
    }

    /// The citation kinds a title can belong to.
    static let titledKinds: Set<CitationKind> = [.resolution, .decision, .symbol]

    /// The titles in one unit (a paragraph or a footnote body), each given to its reference:
    /// the nearest reference on the side the language puts it (`rules.referenceBefore`), with
    /// at most `rules.distance` characters between them besides dates, and no other citation,
    /// semicolon or full stop between. A reference that is one of a list (`resolutions
    /// 64/293 and 65/1, entitled “…” and “…”, respectively`) takes no title: which one the
    /// title is cannot be told.
    /// `normalized`: the unit's matching text; `toSource`: a normalized range to its source
    /// range; `indices`: the unit's citations (into `citations`); `units`: the source.
    static func titles(in normalized: NormalizedText, toSource: (Range<Int>) -> Range<Int>,
                       citations: [Citation], indices: [Int], units: [UInt16], rules: TitleRules) -> [CitedTitle] {
        let referenceIndices = indices.filter { titledKinds.contains(citations[$0].kind) }
        guard !referenceIndices.isEmpty else { return [] }
        let matches = rules.matches(in: normalized.units)
        guard !matches.isEmpty else { return [] }
        let spans = NumberToken.spans(of: referenceIndices, in: citations, units: units)
        var listed = [Range<Int>: Int]()
        for index in referenceIndices { listed[citations[index].sourceRange, default: 0] += 1 }
        var result = [CitedTitle]()
        for match in matches {
            guard let titleRange = match["title"], !titleRange.isEmpty else { continue }
            let whole = toSource(normalized.originalRange(match.range))
            // The reference nearest the title on the language's side.
            var best: (position: Int, gap: Range<Int>)?
            for (position, span) in spans.enumerated() {
                let gap: Range<Int>
                if rules.referenceBefore {
                    guard span.upperBound <= whole.lowerBound else { continue }
                    gap = span.upperBound..<whole.lowerBound
                } else {
                    guard span.lowerBound >= whole.upperBound else { continue }
                    gap = whole.upperBound..<span.lowerBound
                }
                if best == nil || gap.count < best!.gap.count { best = (position, gap) }
            }
            guard let (position, gap) = best else { continue }
            let index = referenceIndices[position]
            guard listed[citations[index].sourceRange] == 1, !Self.keyedShort(citations[index]) else { continue }
            // Dates may stand between (`of 30 July 2010,`); nothing else that is a citation.
            var dated = 0
            var blocked = false
            for other in indices where other != index {
                let range = citations[other].sourceRange
                guard range.lowerBound < gap.upperBound, range.upperBound > gap.lowerBound else { continue }
                if citations[other].kind == .date, range.lowerBound >= gap.lowerBound, range.upperBound <= gap.upperBound {
                    dated += range.count
                } else if !(range.lowerBound <= gap.lowerBound && range.upperBound >= gap.upperBound) {
                    // (A citation around the whole gap, the Chinese reference that holds its
                    // own title, is not between.)
                    blocked = true
                }
            }
            guard !blocked, !(rules.referenceBefore && Self.opensWithPartLetter(units[gap])), gap.count - dated <= rules.distance, gap.upperBound <= units.count,
                  !units[gap].contains(where: { $0 == 0x3B || $0 == 0xFF1B || $0 == 0x3002 || $0 == 0x2E || $0 == 0x061B }) else { continue }  // ; ； 。 . ؛
            let folded = fold(normalized.string(titleRange))
            let range = toSource(normalized.originalRange(titleRange))
            guard !folded.isEmpty, range.upperBound <= units.count else { continue }
            // As written (a wrapped line's break read as a space), for messages.
            let title = String(utf16Units: units[range])
                .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            result.append(CitedTitle(citation: index, key: citations[index].key, title: title, folded: folded, range: range))
        }
        return result
    }
}

extension ResolvedDocument {
    /// Every title given to a reference in the document (paragraphs in order, then footnote
    /// bodies), read with the rules of the document's language; computed once per document.
    func citedTitles(_ context: CheckContext) -> [CitedTitle] {
        memo.citedTitles {
            guard let rules = context.languages[document.language ?? .en]?.titles else { return [] }
            var byParagraph = [String: [Int]](), byFootnote = [String: [Int]]()
            for (index, citation) in citations.enumerated() {
                if let label = citation.footnote { byFootnote[label, default: []].append(index) }
                else if let id = citation.paragraph { byParagraph[id, default: []].append(index) }
            }
            let units = document.source.units
            var result = [CitedTitle]()
            for (paragraph, text) in zip(document.paragraphs, normalized.paragraphs) {
                guard let indices = byParagraph[paragraph.id] else { continue }
                result += CitedTitle.titles(in: text, toSource: { paragraph.text.sourceRange($0) },
                                            citations: citations, indices: indices, units: units, rules: rules)
            }
            var seen = Set<String>()
            for (footnote, text) in zip(document.footnotes, normalized.footnoteBodies) {
                guard let body = footnote.body, let text, seen.insert(footnote.label).inserted,
                      let indices = byFootnote[footnote.label] else { continue }
                result += CitedTitle.titles(in: text, toSource: { body.text.sourceRange($0) },
                                            citations: citations, indices: indices, units: units, rules: rules)
            }
            return result
        }
    }
}
