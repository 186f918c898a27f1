/// Extracts and resolves the citations of a whole document: every paragraph and every
/// footnote body, in the document's language; then Ibid. resolved to its antecedent and
/// symbols given their address on the UN's resolver.
public struct CitationExtractor: Sendable {
    public let rules: RuleSet
    /// Whether a literal pre-scan decides which patterns run over a unit and where they are
    /// tried (the default); false runs every pattern over every unit from every position,
    /// for comparison. The citations are the same.
    public var prescan: Bool

    public init(rules: RuleSet, prescan: Bool = true) {
        self.rules = rules
        self.prescan = prescan
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

    /// `issuingBody`: the body whose resolutions `its resolution` means, when the
    /// configuration says so; otherwise it is read from the document.
    public func citations(in document: Document, issuingBody body: String? = nil) -> [Citation] {
        let language = document.language ?? .en
        guard let languageRules = rules.languages[language] ?? rules.languages[.en] else { return [] }
        let unit = UnitExtractor(rules: rules, language: languageRules, issuingBody: body ?? issuingBody(of: document, language: languageRules),
                                 prescan: prescan)

        var text = [Citation]()
        // The title names the document itself (`Résolution 6/1`): it is not a citation.
        for paragraph in document.paragraphs where paragraph.kind != .title {
            for var citation in unit.extract(paragraph.text) {
                citation.paragraph = paragraph.id
                text.append(citation)
            }
        }
        var notes = [[Citation]]()
        for footnote in document.footnotes {
            guard let body = footnote.body else { continue }
            var found = unit.extract(body.text)
            for index in found.indices { found[index].footnote = footnote.label }
            // A body that cites nothing recognizable is still a source: keep it as an unknown
            // citation, so that an Ibid. after it is never resolved to something earlier.
            if !found.contains(where: { IbidResolver.isSource($0) || $0.kind == .ibid }) {
                let whole = body.text.sourceRange(0..<body.text.count)
                var unknown = Citation(kind: .unknown, text: body.text.string,
                                       key: "unknown:" + NormalizedText(body.text.units).string,
                                       sourceRange: whole, rule: "footnote")
                unknown.footnote = footnote.label
                found.insert(unknown, at: 0)
            }
            notes.append(found)
        }
        IbidResolver().resolve(footnotes: &notes, text: &text)
        var all = text + notes.flatMap { $0 }
        for index in all.indices where Self.isSymbolKey(all[index]) {
            all[index].url = "https://undocs.org/\(language.rawValue)/\(all[index].key)"
        }
        return all
    }

    private static func isSymbolKey(_ citation: Citation) -> Bool {
        switch citation.kind {
        case .symbol: return !citation.notes.contains("malformed")
        case .resolution, .decision, .ibid:
            return !citation.key.contains(":") && citation.key.contains("/")
        default: return false
        }
    }
}

/// Resolves Ibid. to the reference it repeats. In a footnote: the previous footnote's
/// source; in running text: the nearest source before it. Fail-safe: when the previous
/// footnote cites several different sources, or an unrecognized one, the Ibid. is reported
/// unresolved rather than guessed.
struct IbidResolver {
    /// Citations an Ibid. can stand for.
    static func isSource(_ citation: Citation) -> Bool {
        switch citation.kind {
        case .symbol, .resolution, .decision, .treaty, .unknown: return true
        default: return false
        }
    }

    /// The source a citation stands for, treating one Treaty Series registration as one
    /// source whatever the volumes.
    private static func sourceIdentity(_ citation: Citation) -> String {
        if citation.kind == .treaty || (citation.kind == .ibid && citation.key.hasPrefix("treaty:")) {
            return "treaty:\(citation.number.map(String.init) ?? "?")"
        }
        return citation.key
    }

    func resolve(footnotes: inout [[Citation]], text: inout [Citation]) {
        var previousSources: [Citation] = []
        var previousLabel: String?
        for index in footnotes.indices {
            var current = footnotes[index]
            for k in current.indices where current[k].kind == .ibid {
                resolve(&current[k], candidates: previousSources, label: previousLabel)
            }
            footnotes[index] = current
            let sources = current.filter { Self.isSource($0) || ($0.kind == .ibid && $0.antecedent != nil) }
            previousSources = sources
            previousLabel = current.first?.footnote
        }
        var lastSource: Citation?
        for k in text.indices {
            if text[k].kind == .ibid {
                resolve(&text[k], candidates: lastSource.map { [$0] } ?? [], label: nil)
            }
            if Self.isSource(text[k]) || (text[k].kind == .ibid && text[k].antecedent != nil) { lastSource = text[k] }
        }
    }

    private func resolve(_ ibid: inout Citation, candidates: [Citation], label: String?) {
        // `Ibid., vol. 1577, No. 27531.` names its Treaty Series reference in full: its key
        // stays whatever the antecedent turns out to be.
        let fullPin = ibid.volume != nil && ibid.number != nil
        defer {
            if fullPin, let volume = ibid.volume, let number = ibid.number { ibid.key = "treaty:\(volume)/\(number)" }
        }
        let identities = Array(Set(candidates.map(Self.sourceIdentity)))
        guard let antecedent = candidates.last else {
            ibid.notes.append("ibid-no-antecedent")
            return
        }
        guard identities.count == 1 else {
            ibid.notes.append("ibid-ambiguous")
            return
        }
        if antecedent.kind == .unknown {
            ibid.key = "ibid:after-unknown"
            ibid.antecedent = antecedent.key
            ibid.antecedentFootnote = label
            ibid.notes.append("ibid-after-unknown")
            return
        }
        ibid.antecedent = antecedent.key
        ibid.antecedentFootnote = label
        let isTreaty = antecedent.kind == .treaty || antecedent.key.hasPrefix("treaty:")
        if isTreaty, let volume = ibid.volume {
            let number = ibid.number ?? antecedent.number
            ibid.number = number
            ibid.key = "treaty:\(volume)/\(number.map(String.init) ?? "?")"
        } else if isTreaty, ibid.volume == nil {
            ibid.key = antecedent.key
            ibid.volume = antecedent.volume
            ibid.number = antecedent.number
        } else {
            ibid.key = antecedent.key
        }
    }
}
