/// A unit of a document named by its place in the document's structure, as the document
/// numbers it: operative paragraph 12, annex paragraph 3, footnote 5. Internal references
/// (`paragraph 25 above`) resolve to anchors.
public struct UnitAnchor: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case paragraph(ParagraphKind)
        case footnote
    }
    public var kind: Kind
    /// The number the document gives the unit (a paragraph's number, a footnote's label).
    public var number: String

    public init(kind: Kind, number: String) {
        self.kind = kind
        self.number = number
    }

    /// `operative paragraph 12`, `footnote 5`.
    public var readable: String {
        switch kind {
        case .footnote: return "footnote \(number)"
        case .paragraph(let kind): return "\(kind.readableName) \(number)"
        }
    }
}

extension ParagraphKind {
    /// How a reader names a unit of this kind in a message.
    public var readableName: String {
        switch self {
        case .preambular: return "preambular paragraph"
        case .operative: return "operative paragraph"
        case .annex: return "annex paragraph"
        case .subparagraph: return "sub-paragraph"
        case .annexText: return "annex text"
        case .numbered: return "paragraph"
        default: return rawValue
        }
    }
}
