import Foundation

/// A file format Concord reads, registered by extension: how a file of that format becomes
/// a `Document`. The reader (`DocumentReader`) owns what every format shares — the checks on
/// the path and the size, limits, the lexicon, the language — and hands the file to the
/// format its extension names. A new format (PDF next) is one more type in
/// `DocumentReader.standardFormats`.
public protocol DocumentFormat: Sendable {
    /// The lower-case extensions it claims (`docx`).
    var extensions: Set<String> { get }
    /// The file as a document; `reader` gives the limits, lexicon and language.
    func read(path: String, with reader: DocumentReader) throws(InputError) -> Document
}

/// Text in a file: UTF-8 or UTF-16, as a PDF extractor, a converter or an editor wrote it.
/// Also what a file with an unknown extension is read as (`devset.fr`).
public struct PlainTextFormat: DocumentFormat {
    public init() {}
    public var extensions: Set<String> { ["txt"] }
    public func read(path: String, with reader: DocumentReader) throws(InputError) -> Document {
        try reader.read(bytes: try DocumentReader.contents(of: path), file: path, format: .plainText)
    }
}

/// Markdown with `[^n]` footnotes.
public struct MarkdownFormat: DocumentFormat {
    public init() {}
    public var extensions: Set<String> { ["md", "markdown"] }
    public func read(path: String, with reader: DocumentReader) throws(InputError) -> Document {
        try reader.read(bytes: try DocumentReader.contents(of: path), file: path, format: .markdown)
    }
}

/// A Word package: made into text in the seed's layout, places mapped back to Word's
/// paragraphs and characters.
public struct DocxFormat: DocumentFormat {
    public init() {}
    public var extensions: Set<String> { ["docx"] }
    public func read(path: String, with reader: DocumentReader) throws(InputError) -> Document {
        var docx = DocxReader()
        docx.limits = DocxPackage.Limits(entries: reader.docxEntryLimit, totalBytes: reader.docxByteLimit)
        let (source, positions) = try docx.read(url: URL(fileURLWithPath: path), file: path)
        try DocumentReader.checkLength(source.units.count, file: path)
        var document = reader.read(source: source, file: path, format: .plainText)
        document.format = .docx
        document.paragraphPositions = positions
        return document
    }
}
