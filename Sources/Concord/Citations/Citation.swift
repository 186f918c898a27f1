/// What a citation refers to.
public enum CitationKind: String, Sendable, Codable, CaseIterable {
    case symbol, resolution, decision, treaty, ibid, paragraph, article, date, session, unknown
    /// Units of a structured text other than articles: a rule of procedure (`rule 7,
    /// paragraph 2`), a chapter, an annex, a section (`section III.B`), a part.
    case rule, chapter, annex, section, part

    /// Whether its key is a pin into the structure of a text (`article:18(2)`, `rule:7(2)`,
    /// `chapter:5`, `section:3.B`, `paragraph:5`): the anchor grammar of the README, the
    /// same in every language; such a reference may point into the document itself.
    public var isPin: Bool {
        switch self {
        case .paragraph, .article, .rule, .chapter, .annex, .section, .part: return true
        default: return false
        }
    }
}

/// What a pattern of `Rules/languages/xx.yml` finds (its `kind:`): a kind of citation, or
/// `forthcoming`, the words that announce a symbol as not yet issued.
public enum PatternKind: String, Sendable, CaseIterable {
    case resolution, decision, treaty, ibid, paragraph, article, date, session, forthcoming
    case rule, chapter, annex, section, part

    /// The kind of citation this pattern's matches become (nil for `forthcoming`): the kind of
    /// the same name, by a switch (reading it from the name was a string search for every
    /// reference found).
    public var citationKind: CitationKind? {
        switch self {
        case .resolution: .resolution
        case .decision: .decision
        case .treaty: .treaty
        case .ibid: .ibid
        case .paragraph: .paragraph
        case .article: .article
        case .date: .date
        case .session: .session
        case .forthcoming: nil
        case .rule: .rule
        case .chapter: .chapter
        case .annex: .annex
        case .section: .section
        case .part: .part
        }
    }
}

/// Something the extract or resolve stage noticed about a citation; the checks read these.
public enum CitationNote: Sendable, Hashable, CustomStringConvertible {
    /// A symbol whose series `Rules/symbols.yml` does not list.
    case unknownSeries
    /// A symbol cut short (`A/RES/64/`).
    case malformed
    /// The other half of a joint symbol (`A/65/1-S/2010/1`).
    case joint(partner: String)
    /// A reference to the document's own paragraphs (`paragraph 25 above`).
    case selfReference
    /// A reference into the document itself (`article 12`, `paragraph 3 of Article 8`,
    /// `Chapter V`, `the preceding paragraph`): resolved against the document's anchors.
    case internalReference
    /// It says where its target stands: `above` (before it) or `below` (after it).
    case pointsBack
    case pointsForward
    /// A Treaty Series volume that is not one of the registration's volumes.
    case treatyContradiction
    /// A date that cannot exist (`31 June`).
    case impossibleDate
    case ibidNoAntecedent
    case ibidAmbiguous
    case ibidAfterUnknown

    /// As written in `extract --format json`.
    public var description: String {
        switch self {
        case .unknownSeries: return "unknown-series"
        case .malformed: return "malformed"
        case .joint(let partner): return "joint:\(partner)"
        case .selfReference: return "self-reference"
        case .internalReference: return "internal"
        case .pointsBack: return "above"
        case .pointsForward: return "below"
        case .treatyContradiction: return "treaty-contradiction"
        case .impossibleDate: return "impossible-date"
        case .ibidNoAntecedent: return "ibid-no-antecedent"
        case .ibidAmbiguous: return "ibid-ambiguous"
        case .ibidAfterUnknown: return "ibid-after-unknown"
        }
    }
}

/// What the resolve stage found a citation points at.
public enum CitationTarget: Sendable, Hashable {
    /// Another document or instrument, by its language-independent key (a symbol, a
    /// resolution, a Treaty Series registration, an article or paragraph of another text).
    case external(key: String)
    /// Units of this document (`paragraph 25 above`, `article 12`), by anchor
    /// (`paragraph:25`, `article:12(3)`): those that exist, and those the document does not have.
    case anchors([String], missing: [String])
    /// Ibid.: the reference it repeats (its key) and the footnote that reference stands in.
    case antecedent(key: String, footnote: String?)
    /// A value rather than a reference to a text: a date, a session.
    case value(key: String)
    /// Nothing it can be resolved to: an Ibid. without antecedent or after several or an
    /// unrecognized source, a footnote source Concord does not recognize.
    case unresolved
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
    /// Problems the extract and resolve stages saw; the checks read them.
    public var notes: [CitationNote] = []
    /// What the citation points at (set by the resolve stage).
    public var target: CitationTarget = .unresolved
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
