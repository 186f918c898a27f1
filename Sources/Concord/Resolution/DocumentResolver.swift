/// A document after the resolve stage: its citations with keys and targets. What the
/// validate stage checks, alone and against the other language versions.
public struct ResolvedDocument: Sendable {
    public var document: Document { didSet { memo = DocumentMemo() } }
    public var normalized: NormalizedDocument
    public var citations: [Citation] { didSet { memo = DocumentMemo() } }
    /// What the checks compute once per document (the dated resolutions, the cited titles).
    private(set) var memo = DocumentMemo()

    public init(document: Document, normalized: NormalizedDocument, citations: [Citation]) {
        self.document = document
        self.normalized = normalized
        self.citations = citations
    }

    /// The language code for messages (`fr`), `?` when unknown.
    public var language: String { document.language?.rawValue ?? "?" }
}

/// The resolve stage for a whole document: the issuing body that `its resolution` means,
/// keys for every reference found, footnotes that cite nothing recognizable kept as
/// unknown sources, Ibid. resolved to its antecedent, internal references resolved to the
/// document's own units, and every citation given its target (and symbols their address on
/// the UN's resolver).
public struct DocumentResolver: Sendable {
    public let rules: RuleSet

    public init(rules: RuleSet) {
        self.rules = rules
    }

    /// The issuing body of a document: from its own symbol (`A/RES/80/3` → A), else from
    /// its chapeau (`La Conférence des Parties à la Convention …,` → CTOC/COP), else from the
    /// body its own symbol names (a report of the Conference's working group,
    /// `CTOC/COP/WG.4/2011/8` → CTOC/COP: its `decision 4/4` is the Conference's), else the
    /// General Assembly.
    public func issuingBody(of document: Document, language: LanguageRules?) -> String {
        if let symbol = document.symbol {
            for (prefix, body) in [("A/HRC/RES/", "A/HRC"), ("A/RES/", "A"), ("S/RES/", "S"), ("E/RES/", "E")]
            where symbol.hasPrefix(prefix) { return body }
        }
        if let language, let chapeau = document.paragraphs.first(where: { $0.kind == .chapeau }),
           let code = language.bodyCode(opening: chapeau.text.string) {
            return code
        }
        if let symbol = document.symbol, let body = ReferenceResolver.bodyPrefix(ofSymbol: symbol) { return body }
        return "A"
    }

    public func resolve(_ normalized: NormalizedDocument, _ units: [FoundUnit], issuingBody body: String? = nil) -> ResolvedDocument {
        var document = normalized.document
        let language = document.language ?? .en
        guard let languageRules = rules.languages[language] ?? rules.languages[.en] else {
            return ResolvedDocument(document: document, normalized: normalized, citations: [])
        }
        let resolver = ReferenceResolver(rules: rules, language: languageRules,
                                         issuingBody: body ?? issuingBody(of: document, language: languageRules))
        var text = [Citation]()
        var notes = [[Citation]]()
        // A heading that opens a unit (`Article 12`, `第十二条`) is the unit's label, not a
        // reference to it.
        let headings = Dictionary(document.paragraphs.filter { [.part, .chapter, .section, .article, .rule].contains($0.kind) }
            .map { ($0.id, $0.start) }, uniquingKeysWith: { a, _ in a })
        var resolvers = [languageRules.language: resolver]
        for unit in units {
            var unitResolver = resolver
            if let other = unit.language, let otherRules = rules.languages[other] {
                if resolvers[other] == nil {
                    resolvers[other] = ReferenceResolver(rules: rules, language: otherRules, issuingBody: resolver.issuingBody)
                }
                unitResolver = resolvers[other]!
            }
            var found = unitResolver.citations(unit)
            switch unit.owner {
            case .paragraph(let id):
                if let start = headings[id] { found.removeAll { $0.kind == .article && $0.sourceRange.lowerBound == start } }
                for index in found.indices { found[index].paragraph = id }
                text += found
            case .footnote(let label):
                for index in found.indices { found[index].footnote = label }
                // A body that cites nothing recognizable is still a source: keep it as an
                // unknown citation, so that an Ibid. after it is never resolved to something
                // earlier.
                if !found.contains(where: { IbidResolver.isSource($0) || $0.kind == .ibid }) {
                    let whole = unit.text.sourceRange(0..<unit.text.count)
                    var unknown = Citation(kind: .unknown, text: unit.text.string, key: "unknown:" + unit.normalized.string,
                                           sourceRange: whole, rule: "footnote")
                    unknown.footnote = label
                    found.insert(unknown, at: 0)
                }
                notes.append(found)
            }
        }
        IbidResolver().resolve(footnotes: &notes, text: &text)
        var all = text + notes.flatMap { $0 }
        let anchors = DocumentAnchors(document)
        for index in all.indices {
            all[index].target = target(of: &all[index], anchors: anchors)
            if Self.isSymbolKey(all[index]) {
                all[index].url = "https://undocs.org/\(language.rawValue)/\(all[index].key)"
            }
        }
        document.identity.adopted = DocumentIdentity.adoptionDate(of: document, citations: all)
        let resolved = ResolvedDocument(document: document, normalized: normalized, citations: all)
        // The paragraphs are those the anchors were made of: the checks and the repository
        // entry read them from the memo instead of making them again.
        _ = resolved.memo.documentAnchors { anchors }
        return resolved
    }

    /// What a citation points at, once its key is known. A reference into the document
    /// itself (`paragraph 25 above`, `article 12`, `the preceding paragraph`) resolves to
    /// the anchors of its units; a bare pin of a kind the document does not have
    /// (`article 28` in a resolution, after the Convention was named) is another text's.
    private func target(of citation: inout Citation, anchors: DocumentAnchors) -> CitationTarget {
        switch citation.kind {
        case .ibid:
            if citation.antecedent != nil, !citation.notes.contains(.ibidAfterUnknown) {
                return .antecedent(key: citation.key, footnote: citation.antecedentFootnote)
            }
            return .unresolved
        case .unknown:
            return .unresolved
        case .date, .session:
            return .value(key: citation.key)
        case .paragraph where citation.notes.contains(.selfReference) && citation.footnote == nil:
            if citation.key == "paragraph:preceding" {
                guard let id = citation.paragraph, let before = anchors.preceding(id) else {
                    return .anchors([], missing: [citation.key])
                }
                citation.key = before
                return .anchors([before], missing: [])
            }
            return Self.resolveParagraphs(citation.key, anchors)
        case .article, .rule, .chapter, .annex, .section, .part:
            let kind = citation.kind.rawValue
            // `paragraph 1 of the annex`: the document's one annex. In a document with no
            // annex of its own, or in a footnote, it is another text's paragraph, as a bare
            // `paragraph 1` is; with several annexes, which one is not said.
            if citation.kind == .annex, citation.key.hasPrefix("annex:the/") {
                let paragraph = String(citation.key.dropFirst("annex:the/".count))
                let annexes = anchors.annexes
                if citation.footnote == nil, citation.notes.contains(.internalReference), annexes.count == 1 {
                    citation.key = annexes[0] + "/" + paragraph
                } else if citation.footnote != nil || annexes.isEmpty || !citation.notes.contains(.internalReference) {
                    citation.kind = .paragraph
                    citation.key = paragraph
                    citation.notes.removeAll { $0 == .internalReference }
                    return .external(key: paragraph)
                } else {
                    return .unresolved
                }
            }
            // `paragraph 1 of this article`, `this chapter`: the unit that holds the reference.
            // Until the document's units of that kind are known, it stays `article:this(1)`
            // (the same in every version), unresolved.
            if citation.key.hasPrefix(kind + ":this") {
                guard citation.footnote == nil, let id = citation.paragraph, let unit = anchors.enclosing(kind, of: id) else {
                    citation.notes.removeAll { $0 == .internalReference }
                    return .unresolved
                }
                citation.key = unit + citation.key.dropFirst(kind.count + ":this".count)
                citation.notes.append(.selfReference)
            }
            // A report's "chapter II" is the unit headed `II.`, whose anchor is `section:2`.
            if citation.kind == .chapter, !anchors.kinds.contains("chapter"), anchors.kinds.contains("section"),
               citation.key.hasPrefix("chapter:") {
                citation.key = "section:" + citation.key.dropFirst("chapter:".count)
                guard citation.footnote == nil, citation.notes.contains(.internalReference) || citation.notes.contains(.selfReference) else {
                    return .external(key: citation.key)
                }
                return anchors.resolves(citation.key) ? .anchors([citation.key], missing: []) : .anchors([], missing: [citation.key])
            }
            let selfNamed = citation.notes.contains(.selfReference)
            guard citation.footnote == nil, citation.notes.contains(.internalReference) || selfNamed else {
                citation.notes.removeAll { $0 == .internalReference }
                return .external(key: citation.key)
            }
            // The document has no units of that kind (a resolution's "article 28", after the
            // Convention was named, is the Convention's); one that names the document itself
            // ("section III.B above") cannot be checked until its units are known.
            guard anchors.kinds.contains(kind) else {
                citation.notes.removeAll { $0 == .internalReference }
                return selfNamed ? .unresolved : .external(key: citation.key)
            }
            // A range (`articles 9 to 13`, `article:9-13`) names every unit it covers.
            let pins = DocumentAnchors.expand(citation.key)
            return .anchors(pins.filter { anchors.resolves($0) }, missing: pins.filter { !anchors.resolves($0) })
        default:
            return .external(key: citation.key)
        }
    }

    /// `paragraph:25`, `paragraph:46-51`, `paragraph:2(e)`: the paragraphs each number names
    /// (an operative paragraph first, else an annex paragraph), and those none does.
    static func resolveParagraphs(_ key: String, _ anchors: DocumentAnchors) -> CitationTarget {
        let numbers = key.dropFirst("paragraph:".count).split(separator: "-").compactMap { part in
            Int(part.prefix { $0.isNumber })
        }
        var found = [String]()
        var missing = [String]()
        for number in numbers {
            if anchors.contains("paragraph:\(number)") {
                found.append("paragraph:\(number)")
            } else if anchors.contains("annex:1/paragraph:\(number)") {
                found.append("annex:1/paragraph:\(number)")
            } else {
                missing.append("paragraph:\(number)")
            }
        }
        return .anchors(found, missing: missing)
    }

    private static func isSymbolKey(_ citation: Citation) -> Bool {
        switch citation.kind {
        case .symbol: return !citation.notes.contains(.malformed)
        case .resolution, .decision, .ibid:
            return !citation.key.containsASCII(":") && citation.key.containsASCII("/")
        default: return false
        }
    }
}

extension DocumentIdentity {
    /// The date of adoption: the date in the closing line (`3rd plenary meeting 19 September
    /// 2025`), else a date in the masthead before the title (`Resolution adopted by the
    /// General Assembly on 19 September 2025`).
    public static func adoptionDate(of document: Document, citations: [Citation]) -> String? {
        let closing = Set(document.paragraphs.filter { $0.kind == .closing }.map(\.id))
        if let date = citations.first(where: { $0.kind == .date && $0.footnote == nil && closing.contains($0.paragraph ?? "") }) {
            return date.key
        }
        guard let title = document.paragraphs.firstIndex(where: { $0.kind == .title }) else { return nil }
        let masthead = Set(document.paragraphs[..<title].filter { $0.kind == .heading }.map(\.id))
        return citations.first { $0.kind == .date && $0.footnote == nil && masthead.contains($0.paragraph ?? "") }?.key
    }
}
