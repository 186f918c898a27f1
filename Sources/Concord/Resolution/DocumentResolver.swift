/// A document after the resolve stage: its citations with keys and targets. What the
/// validate stage checks, alone and against the other language versions.
public struct ResolvedDocument: Sendable {
    public var document: Document
    public var normalized: NormalizedDocument
    public var citations: [Citation]

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
    /// its chapeau (`La Conférence des Parties à la Convention …,` → CTOC/COP), else the
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
        return "A"
    }

    public func resolve(_ normalized: NormalizedDocument, _ units: [FoundUnit], issuingBody body: String? = nil) -> ResolvedDocument {
        let document = normalized.document
        let language = document.language ?? .en
        guard let languageRules = rules.languages[language] ?? rules.languages[.en] else {
            return ResolvedDocument(document: document, normalized: normalized, citations: [])
        }
        let resolver = ReferenceResolver(rules: rules, language: languageRules,
                                         issuingBody: body ?? issuingBody(of: document, language: languageRules))
        var text = [Citation]()
        var notes = [[Citation]]()
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
        let anchors = InternalAnchors(document)
        for index in all.indices {
            all[index].target = target(of: all[index], anchors: anchors)
            if Self.isSymbolKey(all[index]) {
                all[index].url = "https://undocs.org/\(language.rawValue)/\(all[index].key)"
            }
        }
        return ResolvedDocument(document: document, normalized: normalized, citations: all)
    }

    /// What a citation points at, once its key is known.
    private func target(of citation: Citation, anchors: InternalAnchors) -> CitationTarget {
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
            return anchors.resolve(paragraphKey: citation.key)
        default:
            return .external(key: citation.key)
        }
    }

    private static func isSymbolKey(_ citation: Citation) -> Bool {
        switch citation.kind {
        case .symbol: return !citation.notes.contains(.malformed)
        case .resolution, .decision, .ibid:
            return !citation.key.contains(":") && citation.key.contains("/")
        default: return false
        }
    }
}

/// The numbered units of a document that its own references can point at.
struct InternalAnchors {
    private var operative = [Int: UnitAnchor]()
    private var annex = [Int: UnitAnchor]()

    init(_ document: Document) {
        for paragraph in document.paragraphs {
            guard let number = paragraph.number else { continue }
            switch paragraph.kind {
            case .operative where operative[number] == nil:
                operative[number] = UnitAnchor(kind: .paragraph(.operative), number: String(number))
            case .annex where annex[number] == nil:
                annex[number] = UnitAnchor(kind: .paragraph(.annex), number: String(number))
            default: break
            }
        }
    }

    /// `paragraph:25`, `paragraph:46-51`, `paragraph:2(e)`: the paragraphs each number names
    /// (an operative paragraph first, else an annex paragraph), and the numbers none does.
    func resolve(paragraphKey key: String) -> CitationTarget {
        let numbers = key.dropFirst("paragraph:".count).split(separator: "-").compactMap { part in
            Int(part.prefix { $0.isNumber })
        }
        var found = [UnitAnchor]()
        var missing = [Int]()
        for number in numbers {
            if let anchor = operative[number] ?? annex[number] { found.append(anchor) } else { missing.append(number) }
        }
        return .units(found, missing: missing)
    }
}
