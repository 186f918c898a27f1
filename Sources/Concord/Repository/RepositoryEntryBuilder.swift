import Foundation

/// Makes a document's index entry and its citations of other documents from its resolved
/// form: the symbol (masthead or front matter, else the configuration's `symbols:` table,
/// else a file name that reads as a symbol), the title's resolution key, the genre, the
/// masthead date, the anchors, and every citation of a document with its pinpoint.
public struct RepositoryEntryBuilder: Sendable {
    public let rules: RuleSet
    public let configuration: Configuration
    var lexicon: ReadingLexicon { rules.lexicon }

    public init(rules: RuleSet, configuration: Configuration) {
        self.rules = rules
        self.configuration = configuration
    }

    public func entry(_ resolved: ResolvedDocument, reported: Bool = true, suppressions: Suppressions? = nil) -> RepositoryEntry {
        let document = resolved.document
        var symbol: String?
        var source: SymbolSource?
        if let own = document.symbol {
            (symbol, source) = (own, .document)
        } else if let configured = configuration.symbol(for: document.file, lexicon: lexicon) {
            (symbol, source) = (configured, .configuration)
        } else if let fromName = Self.symbol(fromFileName: document.file, lexicon: lexicon) {
            (symbol, source) = (fromName, .fileName)
        }
        var keys = [String]()
        if let symbol { keys.append(SymbolKey.key(symbol)) }
        let title = document.paragraphs.first { $0.kind == .title }
        // A resolution's title gives its number (`Resolution 6/1`, `6/1.`, `第6/1号决议`):
        // keyed as its citations are, with the document's issuing body.
        var titleName: String?
        let titleKey = title.flatMap { titleNumber($0.text.string) }.map { number -> String in
            let body = configuration.issuingBody(for: document.file)
                ?? DocumentResolver(rules: rules).issuingBody(of: document, language: rules.languages[document.language ?? .en])
            titleName = "resolution \(number) of \(body)"
            return ReferenceKeys(grammar: rules.symbols).key(kind: .resolution, body: body, number: number).key
        }
        if let titleKey { keys.append(SymbolKey.key(titleKey)) }
        // The genre the structure stage decided (from the text or the configuration).
        let genre = document.genre

        let date = mastheadDate(document)

        let ownKeys = Set(keys)
        var indexed = IndexedDocument(file: document.file, symbol: symbol, symbolSource: source, keys: keys,
                                      language: document.language, genre: genre, date: date,
                                      anchors: resolved.anchors.all, reported: reported)
        indexed.anchorLines = Self.anchorLines(of: document, anchors: resolved.anchors)
        indexed.titleName = titleName
        let outgoing = citations(resolved, ownKeys: ownKeys)
        if let symbol, SymbolKey.amendment(SymbolKey.key(symbol))?.kind == "CORR" {
            // A corrigendum names the units it replaces (`Paragraph 5` … `should read`): its
            // paragraph citations that are no pinpoint of another document, and those of its
            // base document.
            let base = SymbolKey.base(SymbolKey.key(symbol))
            let pinned = Set(outgoing.filter { $0.key != base }.flatMap(\.pins))
            let own = resolved.citations.filter { $0.kind == .paragraph }.map(\.key).filter { !pinned.contains($0) }
            indexed.corrects = Set((own + outgoing.filter { $0.key == base }.flatMap(\.pins)).flatMap(DocumentAnchors.expand))
        }
        return RepositoryEntry(document: indexed, citations: outgoing, suppressions: suppressions)
    }

    /// The pinpoint of one citation's pins: the paragraphs of an annex named with them
    /// (`paragraph 3 of annex II to X`, `X号文件附件二第3段`) are `annex:2/paragraph:3`; an
    /// annex alone is `annex:2`; paragraphs alone stay as they are.
    static func combined(_ pins: [Citation]) -> [String] {
        let annexes = pins.filter { $0.kind == .annex }.map(\.key)
        let paragraphs = pins.filter { $0.kind == .paragraph }.map(\.key)
        guard annexes.count == 1, let annex = annexes.first, !paragraphs.isEmpty else { return pins.map(\.key) }
        return paragraphs.map { "\(annex)/\($0)" }
    }

    /// The line of each anchor's unit (its first paragraph), for the target of a finding.
    static func anchorLines(of document: Document, anchors: DocumentAnchors) -> [String: Int] {
        var lines = [String: Int]()
        for (anchor, index) in anchors.place where index < document.paragraphs.count {
            lines[anchor] = document.location(of: document.paragraphs[index].start).line
        }
        return lines
    }

    /// The number a title gives (`6/1`), digits folded: the first `N/M` of at most a few words.
    func titleNumber(_ title: String) -> String? {
        let folded = NormalizedText(title).string
        guard folded.count <= 60 else { return nil }
        let scalars = Array(folded.unicodeScalars)
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        var i = 0
        while i < scalars.count {
            guard isDigit(scalars[i]), i == 0 || !isDigit(scalars[i - 1]) else { i += 1; continue }
            var j = i
            while j < scalars.count, isDigit(scalars[j]) { j += 1 }
            guard j < scalars.count, scalars[j] == "/", j + 1 < scalars.count, isDigit(scalars[j + 1]) else { i = j; continue }
            var k = j + 1
            while k < scalars.count, isDigit(scalars[k]) { k += 1 }
            return String(String.UnicodeScalarView(scalars[i..<k]))
        }
        return nil
    }

    /// The date of the masthead (the lines before the first paragraph, or the headings before
    /// the first numbered one): a day, a month name of the document's language (or English,
    /// which the masthead of ru, zh and ar versions often keeps) and a year.
    func mastheadDate(_ document: Document) -> String? {
        // The masthead ends where the document's units start (a resolution's chapeau or
        // paragraphs, a report's first section or numbered paragraph).
        let firstNumbered = document.paragraphs.first { $0.kind == .operative || $0.kind == .preambular || $0.kind == .chapeau || $0.anchor != nil }
        let end = firstNumbered?.start ?? 0
        let units = document.source.units
        guard end > 0, end <= units.count else { return nil }
        // Normalized once, then cut into lines: normalization never reaches across a line
        // break, so each line is what normalizing it alone gives.
        // (Decoded first: a surrogate pair cut at the 4000th unit becomes U+FFFD.)
        let head = NormalizedText(String(utf16Units: units[0..<min(end, 4000)])).units
        // The document's language, then English, whose rules are compiled only when a word
        // after a day is no month of the document's own (a masthead in English, a symbol).
        let own = document.language.flatMap { rules.languages[$0] }
        lazy var english = document.language == .en ? nil : rules.languages[.en]
        func monthNumber(_ word: String) -> Int? { own?.month(word) ?? english?.month(word) }
        for line in head.split(whereSeparator: Self.isLineBreak) {
            // A short line with a day, a month name and a year in that order, whatever words
            // stand between (`17 de noviembre de 2011`, `17 ноября 2011 года`).
            let pieces = line.split(separator: 0x20)
            guard pieces.count <= 6 else { continue }
            let words = pieces.map { String(utf16Units: $0) }
            var day: Int?, month: Int?
            for word in words {
                if day == nil, let number = Int(word), (1...31).contains(number) { day = number; continue }
                if day != nil, month == nil, let found = monthNumber(word) { month = found; continue }
                if let day, let month, word.count >= 4, let year = Int(word.prefix(4)), (1945...2100).contains(year) {
                    return ReferenceKeys.isoDate(year: year, month: month, day: day)
                }
            }
        }
        return nil
    }

    /// The units `Character.isNewline` splits lines at (CR LF is two: an empty line between
    /// them is dropped as an empty piece).
    private static func isLineBreak(_ unit: UInt16) -> Bool {
        (0x0A...0x0D).contains(unit) || unit == 0x85 || unit == 0x2028 || unit == 0x2029
    }

    /// A symbol from a file's name: its stem without the language (`CTOC-COP-WG.4-2011-8`),
    /// when it reads as a symbol.
    static func symbol(fromFileName path: String, lexicon: ReadingLexicon) -> String? {
        let file = PathText.lastComponent(path)
        let stem = FileName.inName(file, lexicon: lexicon)?.key ?? PathText.deletingPathExtension(file)
        let key = SymbolKey.key(stem)
        return SymbolKey.looksLikeSymbol(key) ? key : nil
    }

    /// The citations of other documents, each with the pinpoint written beside it:
    /// `paragraphs 46 to 51 of X`, `X, paras. 46-51`, `第5/1号决议第3段`, and `Ibid., para. 66`
    /// after such a citation.
    func citations(_ resolved: ResolvedDocument, ownKeys: Set<String>) -> [OutgoingCitation] {
        let document = resolved.document
        let units = document.source.units
        // In source order, ties kept in their order. The citations mostly come in that order
        // already: then the (stable) sort would give them back as they are, and is skipped —
        // sorting copies of half a million citations was a tenth of a 50 MB line's CPU time.
        let all = resolved.citations
        let inOrder = all.indices.dropFirst().allSatisfy { all[$0 - 1].sourceRange.lowerBound <= all[$0].sourceRange.lowerBound }
        let ordered = inOrder ? all : all.indices.sorted {
            (all[$0].sourceRange.lowerBound, $0) < (all[$1].sourceRange.lowerBound, $1)
        }.map { all[$0] }
        var out = [OutgoingCitation]()
        var used = Set<Int>()
        /// Whether the text between two citations is short and holds no end of sentence or
        /// line: the pinpoint and the document belong together.
        func joined(_ from: Int, _ to: Int) -> Bool {
            guard from <= to, to - from <= 16, to <= units.count else { return false }
            return !units[from..<to].contains { [0x2E, 0x3B, 0x3002, 0x061B, 0x0A, 0x0D, 0xFF1B].contains($0) }
        }
        /// A paragraph or an annex of another document (`paragraph 3 of annex II to X`); an
        /// annex the document names as its own (`annex II to the present resolution`) is none.
        func isPin(_ citation: Citation, near other: Citation) -> Bool {
            let kind = citation.kind == .paragraph
                || (citation.kind == .annex && !citation.notes.contains(.internalReference) && !citation.key.contains(":this"))
            return kind && !citation.notes.contains(.selfReference)
                && citation.footnote == other.footnote && citation.paragraph == other.paragraph
        }
        for (index, citation) in ordered.enumerated() {
            let isDocument = citation.kind == .symbol || citation.kind == .resolution || citation.kind == .decision
            let isIbid = citation.kind == .ibid && citation.antecedent != nil
            guard isDocument || isIbid else { continue }
            guard !citation.notes.contains(.malformed) else { continue }
            let key = SymbolKey.key(citation.key)
            guard !key.isEmpty, !ownKeys.contains(key) else { continue }
            var pins = [String]()
            if isIbid {
                if let pin = citation.pin, let range = pin.range(of: "para. ") {
                    let list = pin[range.upperBound...].prefix { $0 != "," && $0 != " " }
                    pins = list.split(separator: ",").map { "paragraph:\($0)" }
                }
                guard !pins.isEmpty else { continue }
            } else {
                var pinIndices = [Int]()
                // A pinpoint before (`paragraphs 46 to 51 of`), all the paragraph citations of
                // one list (`paragraphs 3 and 7 of`) …
                var k = index - 1
                var end = citation.sourceRange.lowerBound
                while k >= 0, isPin(ordered[k], near: citation), joined(ordered[k].sourceRange.upperBound, end), !used.contains(k) {
                    pinIndices.append(k)
                    end = ordered[k].sourceRange.lowerBound
                    k -= 1
                }
                // … or after (`X, paras. 46-51`, `第5/1号决议第3段`).
                if pinIndices.isEmpty {
                    k = index + 1
                    var start = citation.sourceRange.upperBound
                    while k < ordered.count, isPin(ordered[k], near: citation), joined(start, ordered[k].sourceRange.lowerBound) {
                        pinIndices.append(k)
                        start = ordered[k].sourceRange.upperBound
                        k += 1
                    }
                }
                used.formUnion(pinIndices)
                pins = Self.combined(pinIndices.sorted().map { ordered[$0] })
            }
            out.append(OutgoingCitation(file: document.file, key: key, written: citation.text, kind: citation.kind, pins: pins,
                                        location: document.location(of: citation.sourceRange.lowerBound),
                                        offset: citation.sourceRange.lowerBound))
        }
        // Articles of an instrument named beside them (`article 12 of the Convention against
        // …`): the names are in the rules (`instruments:` in treaties.yml, or a rule folder's).
        if !rules.treaties.instruments.isEmpty, let language = document.language?.rawValue {
            for citation in ordered where citation.kind == .article
                && !citation.notes.contains(.internalReference) && !citation.notes.contains(.selfReference) {
                let range = citation.sourceRange
                guard range.upperBound <= units.count else { continue }
                let before = String(utf16Units: units[max(0, range.lowerBound - 160)..<range.lowerBound])
                let after = String(utf16Units: units[range.upperBound..<min(units.count, range.upperBound + 200)])
                guard let (symbol, name) = rules.treaties.instrument(before: before, after: after, language: language) else { continue }
                let key = SymbolKey.key(symbol)
                guard !ownKeys.contains(key) else { continue }
                out.append(OutgoingCitation(file: document.file, key: key, written: name, kind: .symbol,
                                            pins: [citation.key], location: document.location(of: range.lowerBound),
                                            offset: range.lowerBound))
            }
            out = out.enumerated().sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }.map(\.element)
        }
        return out
    }
}
