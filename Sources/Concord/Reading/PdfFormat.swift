/// A PDF, read through poppler: its pages made into text in the seed's layout (`PdfText`),
/// places mapped back to page, line and column.
public struct PdfFormat: DocumentFormat {
    public init() {}
    public var extensions: Set<String> { ["pdf"] }
    public func read(path: String, with reader: DocumentReader) throws(InputError) -> Document {
        let pages = try PdfFile.pages(of: try DocumentReader.contents(of: path), file: path, repairs: reader.lexicon.pdfRepairs)
        let assembler = ParagraphAssembler(lexicon: reader.lexicon)
        let made = PdfText(pages: pages) { assembler.reads($0, as: "opening") }
        let source = SourceText(made.text)
        try DocumentReader.checkLength(source.units.count, file: path)
        var document = reader.read(source: source, file: path, format: .plainText, paragraphStarts: made.paragraphStarts,
                                   paragraphContinues: made.paragraphContinues)
        document.format = .pdf
        document.pagePositions = made.positions
        return document
    }
}
