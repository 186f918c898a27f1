/// A reference as the extract stage finds it in one unit of text, before the resolve stage
/// gives it a key and a target: where it stands and what the rule captured.
public struct FoundReference: Sendable {
    public enum Source: Sendable {
        /// A document symbol, found by the symbol grammar.
        case symbol(SymbolGrammar.Found)
        /// A match of one of the language's patterns, with its named groups.
        case pattern(PatternKind, ICURegex.Match)
    }
    public var source: Source
    /// The id of the rule that found it (`fr.treaty`, `symbols`).
    public var rule: String
    /// Where it stands in the unit's normalized text.
    public var range: Range<Int>
    /// A symbol announced as forthcoming (`À paraître sous la cote …`) just before it.
    public var forthcoming: Bool
    /// The language whose rules found it when it is not the unit's: a reference in a run of
    /// another script (an English phrase in a Chinese sentence), keyed with those rules.
    public var language: Language? = nil

    /// The kind of citation it becomes.
    public var kind: CitationKind {
        switch source {
        case .symbol: return .symbol
        case .pattern(let kind, _): return kind.citationKind ?? .unknown
        }
    }
}

/// Where a unit of text stands in its document.
public enum UnitOwner: Sendable, Hashable {
    case paragraph(id: String)
    case footnote(label: String)
}

/// One unit of a document (a paragraph or a footnote body) after the normalize and extract
/// stages: its text, its matching view, and the references found in it.
public struct FoundUnit: Sendable {
    public var owner: UnitOwner
    public var text: MappedText
    public var normalized: NormalizedText
    public var references: [FoundReference]
    /// The language the unit is written in when it is not the document's (an untranslated
    /// sentence): its references were found, and are resolved, with that language's rules.
    public var language: Language? = nil
}
