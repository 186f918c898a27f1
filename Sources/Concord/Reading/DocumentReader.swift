import Foundation

/// Reads a file into a `Document`: decodes it, tells its format and language, lays it out,
/// assembles paragraphs and pairs footnote markers with their bodies.
public struct DocumentReader: Sendable {
    /// A language given by the user wins over every other sign.
    public var language: Language?
    /// Files larger than this are refused with an error rather than read.
    public var maximumFileSize: Int

    public static let defaultMaximumFileSize = 64 * 1024 * 1024

    /// What the reader knows of languages (titles, closing lines, annex headings, words
    /// around footnote markers, language detection): `rules.lexicon` of the loaded rules.
    public var lexicon: ReadingLexicon

    /// `lexicon`: by default that of the standard rules.
    public init(language: Language? = nil, maximumFileSize: Int = DocumentReader.defaultMaximumFileSize,
                lexicon: ReadingLexicon = .standard) {
        self.language = language
        self.maximumFileSize = maximumFileSize
        self.lexicon = lexicon
    }

    /// The formats Concord reads, by extension.
    public static let standardFormats: [any DocumentFormat] = [PlainTextFormat(), MarkdownFormat(), DocxFormat(), PdfFormat()]

    /// The formats this reader reads (a file whose extension none claims is read as text).
    public var formats: [any DocumentFormat] = DocumentReader.standardFormats

    /// The extensions read as documents when a folder is given.
    public static let documentExtensions: Set<String> = standardFormats.reduce(into: []) { $0.formUnion($1.extensions) }

    /// Formats refused with a clear error rather than read as text: HTML (the UN publishes
    /// HTML versions) would be reported on for its tags and scripts.
    static let refusedExtensions: Set<String> = ["doc", "odt", "rtf", "html", "htm", "xhtml"]

    /// The language the file's path gives as a set of versions reads it (a language folder,
    /// a configured set pattern): after `language`, before the file's own name.
    public var namedLanguage: Language?

    /// A further comment prefix of suppression lines in plain text (configuration's
    /// `text-comment`); suppression lines are never text of the document.
    public var textComment: String?

    /// The genre of the documents read (the configuration's `genres`), nil: told from the text.
    public var genre: DocumentGenre?

    /// Limits on Word packages (entries, bytes inflated).
    public var docxEntryLimit = 10_000
    public var docxByteLimit = 256 * 1024 * 1024

    public func read(path: String) throws(InputError) -> Document {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, reason: .notFound)
        }
        if isDirectory.boolValue { throw InputError(file: path, reason: .isDirectory) }
        let ext = PathText.pathExtension(path).lowercased()
        let format = formats.first { $0.extensions.contains(ext) }
        if format == nil, Self.refusedExtensions.contains(ext) {
            throw InputError(file: path, reason: .unsupportedFormat(ext))
        }
        // The size of what the path gives (a symbolic link's target: `FileSize`).
        guard let size = FileSize.of(path) else { throw InputError(file: path, reason: .unreadable(String(cString: strerror(errno)))) }
        if size > maximumFileSize {
            throw InputError(file: path, reason: .tooLarge(bytes: size, limit: maximumFileSize))
        }
        return try (format ?? PlainTextFormat()).read(path: path, with: self)
    }

    /// A file's bytes; an error naming it when it cannot be read.
    static func contents(of path: String) throws(InputError) -> [UInt8] {
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw InputError(file: path, reason: .unreadable(describe(error)))
        }
    }

    /// Text whose format is named by the file's extension (`md`, `markdown`: Markdown).
    public func read(bytes: [UInt8], file: String) throws(InputError) -> Document {
        let ext = PathText.pathExtension(file).lowercased()
        return try read(bytes: bytes, file: file, format: MarkdownFormat().extensions.contains(ext) ? .markdown : .plainText)
    }

    /// Text in a format: decoded, checked for length, laid out.
    public func read(bytes: [UInt8], file: String, format: SourceFormat) throws(InputError) -> Document {
        let source = try SourceDecoder.decode(bytes, file: file)
        try Self.checkLength(source.units.count, file: file)
        return read(source: source, file: file, format: format)
    }

    /// Every later step hands text to ICU, whose lengths are `Int32`: a longer text is
    /// refused here, with the file's name, before anything could trap or cut it.
    public static func checkLength(_ units: Int, file: String) throws(InputError) {
        if ICULimits.length(units) == nil {
            throw InputError(file: file, reason: .tooLong(units: units, limit: ICULimits.maxUnits))
        }
    }

    /// What the reader of the original format knows of the lines (0-based) that text does not
    /// say: `paragraphStarts`, lines that start a paragraph (a PDF's indentation) which the
    /// text reader would otherwise join to the paragraph interrupted before them;
    /// `paragraphContinues`, lines that go on with the paragraph of the line before (set in
    /// its running lines, after a full line) although they start with the next paragraph
    /// number (`15. We emphasize` wrapped to the start of a line).
    public func read(source: SourceText, file: String, format: SourceFormat,
                     paragraphStarts: Set<Int> = [], paragraphContinues: Set<Int> = []) -> Document {
        var lines = SourceLine.lines(of: source)
        // Suppression lines (`<!-- concord-disable … -->`, `% concord-disable …`, see
        // `Suppressions`) are not text: they read as blank lines, in every format; so are
        // Markdown's other HTML comments. Most documents hold no `concord-` at all.
        let directives = Suppressions.mayContainDirective(source.units)
        for index in lines.indices where directives || (format == .markdown && lines[index].first == 0x3C) {
            guard !lines[index].isBlank else { continue }
            let text = lines[index].text
            guard Suppressions.directive(text, textComment: textComment) != nil
                || (format == .markdown && text.hasPrefix("<!--") && text.hasSuffix("-->")) else { continue }
            let line = lines[index]
            lines[index] = SourceLine(index: line.index, range: line.range.lowerBound..<line.range.lowerBound,
                                      units: source.units, isStrictlyEmpty: false)
        }
        let layout = format == .markdown
            ? MarkdownReader().layout(source, lines: lines)
            : PlainTextReader().layout(source, lines: lines)
        var paragraphs = ParagraphAssembler(lexicon: lexicon).assemble(layout, units: source.units,
                                                                       starting: paragraphStarts, continuing: paragraphContinues)
        let footnotes = MarkerFinder(markdown: format == .markdown, lexicon: lexicon).attach(&paragraphs, layout: layout)

        var language = self.language
        var languageSource: LanguageSource? = language == nil ? nil : .option
        if language == nil, let named = namedLanguage ?? Self.languageOfName(file, lexicon: lexicon) { language = named; languageSource = .fileName }
        if language == nil, let declared = layout.frontMatter.fields["language"].flatMap(lexicon.language(code:)) {
            language = declared; languageSource = .frontMatter
        }
        if language == nil, let detected = LanguageDetector.detect(source.units, lexicon: lexicon) {
            language = detected; languageSource = .text
        }
        let document = Document(file: file, language: language, languageSource: languageSource, format: format,
                                source: source, symbol: layout.documentSymbol, paragraphs: paragraphs, footnotes: footnotes)
        return StructureBuilder(lexicon: lexicon, language: language).build(document, genre: genre)
    }

    /// The language a file's own name gives: a two-letter code (`res-6-1.fr.txt`) or a UN
    /// job number's letter (`2512345F.txt`). The weaker signs (a language folder, a letter
    /// after a symbol) count only when they pair the file with other versions, which the
    /// grouping into sets knows (`namedLanguage`).
    static func languageOfName(_ file: String, lexicon: ReadingLexicon) -> Language? {
        guard let name = FileName.inName(PathText.lastComponent(file), lexicon: lexicon), !name.needsAPartner else { return nil }
        return name.language
    }

    private static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoPermissionError {
            return "permission denied"
        }
        return nsError.localizedDescription
    }
}
