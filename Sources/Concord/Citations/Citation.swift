/// What a citation refers to.
public enum CitationKind: String, Sendable, Codable, CaseIterable {
    case symbol, resolution, decision, treaty, ibid, paragraph, article, date, session, unknown
}

/// One reference found in a document, with its language-independent key.
///
/// Keys (documented in the README): a document symbol is its own key (`CTOC/COP/2012/7`);
/// GA, SC, ECOSOC and HRC resolutions and decisions are keyed by their symbol
/// (`A/RES/64/293`, `S/RES/1325(2000)`, `A/RES/2832(XXVI)`); other bodies' by
/// `resolution:BODY/NUMBER` (`resolution:CTOC/COP/5/1`); Treaty Series references by
/// `treaty:VOLUME/NUMBER`; paragraphs `paragraph:46-51`; articles `article:30(2)(c)`; dates
/// `date:2010-10-22`; sessions `session:6`; an Ibid. by its resolved reference's key (or
/// `ibid:unresolved`); anything else citation-like `unknown:TEXT`.
public struct Citation: Sendable, Hashable {
    public var kind: CitationKind
    /// The reference as written in the source.
    public var text: String
    public var key: String
    /// Where it stands in the source (UTF-16 offsets into `Document.source`).
    public var sourceRange: Range<Int>
    /// The footnote whose body holds it, or nil for running text.
    public var footnote: String?
    /// The paragraph that holds it (running text), or nil for footnotes.
    public var paragraph: String?
    /// Treaty Series: the volume and registration number.
    public var volume: Int?
    public var number: Int?
    /// Ibid.: the key of the reference it stands for, and the footnote that reference is in.
    public var antecedent: String?
    public var antecedentFootnote: String?
    /// A pin cite: `para. 46-51`, `vol. 2237`.
    public var pin: String?
    /// The document's address on the UN's resolver, for symbols and symbol-keyed resolutions.
    public var url: String?
    /// A symbol announced as forthcoming (`À paraître sous la cote …`).
    public var forthcoming: Bool = false
    /// Problems the extractor saw (e.g. `unknown-series`, `malformed`); the checks read them.
    public var notes: [String] = []
    /// The id of the rule that found it (`fr.treaty`, `symbols`).
    public var rule: String

    public init(kind: CitationKind, text: String, key: String, sourceRange: Range<Int>, rule: String) {
        self.kind = kind
        self.text = text
        self.key = key
        self.sourceRange = sourceRange
        self.rule = rule
    }
}
