/// What kind of document a text is: it decides how its units are read and named (anchors).
public enum DocumentGenre: String, Sendable, Codable, CaseIterable {
    /// Resolutions and decisions: title, chapeau, preambular and operative paragraphs,
    /// sub-items, annexes (the model Concord started with).
    case resolution
    /// Reports: continuously numbered paragraphs under section headings `I.`, `A.`, `1.`.
    case report
    /// Treaties, conventions, charters, rules of procedure: preamble, parts, chapters,
    /// sections, articles (or rules), their numbered paragraphs and lettered sub-paragraphs.
    case treaty
    /// None of these could be told: numbered paragraphs and headings still get anchors.
    case unknown

    /// The genres whose units carry labels of their own (article 12, paragraph 23): their
    /// versions are aligned by anchor rather than by order.
    public var isLabelled: Bool { self == .treaty || self == .report }
}

/// Who a document is: its own symbol, its own number (`6/1`, `80/15`) and the date it was
/// adopted, as its text gives them. Compared across language versions
/// (`set.identity-mismatch`).
public struct DocumentIdentity: Sendable, Hashable {
    /// `A/RES/80/15`, from the front matter or the masthead.
    public var symbol: String?
    /// The number in the title (`Resolution 6/1`, `80/15.`, `第6/1号决议`), digits in ASCII.
    public var number: String?
    /// The date of adoption as a date key (`date:2025-09-19`), from the closing line or the
    /// masthead; filled in by the resolve stage, which reads dates.
    public var adopted: String?

    public init(symbol: String? = nil, number: String? = nil, adopted: String? = nil) {
        self.symbol = symbol
        self.number = number
        self.adopted = adopted
    }

    public var isEmpty: Bool { symbol == nil && number == nil && adopted == nil }
}
