/// The normalize stage: a document with the matching view (`NormalizedText`) of each of its
/// paragraphs and footnote bodies, made once and shared by the stages after it (the
/// extractors search it, the checks compare footnote texts in it).
public struct NormalizedDocument: Sendable {
    public let document: Document
    /// Parallel to `document.paragraphs`.
    public let paragraphs: [NormalizedText]
    /// Parallel to `document.footnotes`; nil for a footnote without a body.
    public let footnoteBodies: [NormalizedText?]

    public init(_ document: Document) {
        self.document = document
        paragraphs = document.paragraphs.map { NormalizedText($0.text.units) }
        footnoteBodies = document.footnotes.map { $0.body.map { NormalizedText($0.text.units) } }
    }

    /// The normalized text of a footnote's body, by label (the first footnote so labelled).
    public func body(_ label: String) -> NormalizedText? {
        document.footnotes.firstIndex { $0.label == label }.flatMap { footnoteBodies[$0] }
    }
}
