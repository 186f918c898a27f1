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

    /// The extensions read as documents when a folder is given.
    public static let documentExtensions: Set<String> = ["txt", "md", "markdown", "docx"]

    /// A further comment prefix of suppression lines in plain text (configuration's
    /// `text-comment`); suppression lines are never text of the document.
    public var textComment: String?

    /// Limits on Word packages (entries, bytes inflated).
    public var docxEntryLimit = 10_000
    public var docxByteLimit = 256 * 1024 * 1024

    public func read(path: String) throws(InputError) -> Document {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, reason: .notFound)
        }
        if isDirectory.boolValue { throw InputError(file: path, reason: .isDirectory) }
        let ext = (path as NSString).pathExtension.lowercased()
        // HTML (the UN publishes HTML versions) is refused rather than read as plain text,
        // which would report on its tags and scripts.
        if ["doc", "pdf", "odt", "rtf", "html", "htm", "xhtml"].contains(ext) {
            throw InputError(file: path, reason: .unsupportedFormat(ext))
        }
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes[.size] as? Int, size > maximumFileSize {
                throw InputError(file: path, reason: .tooLarge(bytes: size, limit: maximumFileSize))
            }
            guard ext != "docx" else { return try readDocx(path) }  // after the size check
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(file: path, reason: .unreadable(Self.describe(error)))
        }
        return try read(bytes: [UInt8](data), file: path)
    }

    /// A Word package: made into text in the seed's layout, places mapped back to Word's.
    private func readDocx(_ path: String) throws(InputError) -> Document {
        var reader = DocxReader()
        reader.limits = DocxPackage.Limits(entries: docxEntryLimit, totalBytes: docxByteLimit)
        let (source, positions) = try reader.read(url: URL(fileURLWithPath: path), file: path)
        try Self.checkLength(source.units.count, file: path)
        var document = read(source: source, file: path, format: .plainText)
        document.format = .docx
        document.paragraphPositions = positions
        return document
    }

    public func read(bytes: [UInt8], file: String) throws(InputError) -> Document {
        let source = try SourceDecoder.decode(bytes, file: file)
        try Self.checkLength(source.units.count, file: file)
        let ext = (file as NSString).pathExtension.lowercased()
        let format: SourceFormat = (ext == "md" || ext == "markdown") ? .markdown : .plainText
        return read(source: source, file: file, format: format)
    }

    /// Every later step hands text to ICU, whose lengths are `Int32`: a longer text is
    /// refused here, with the file's name, before anything could trap or cut it.
    public static func checkLength(_ units: Int, file: String) throws(InputError) {
        if ICULimits.length(units) == nil {
            throw InputError(file: file, reason: .tooLong(units: units, limit: ICULimits.maxUnits))
        }
    }

    public func read(source: SourceText, file: String, format: SourceFormat) -> Document {
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
        var paragraphs = ParagraphAssembler(lexicon: lexicon).assemble(layout, units: source.units)
        let footnotes = MarkerFinder(markdown: format == .markdown, lexicon: lexicon).attach(&paragraphs, layout: layout)

        var language = self.language
        var languageSource: LanguageSource? = language == nil ? nil : .option
        if language == nil, let named = Language.fromFileName(file, known: lexicon.known) { language = named; languageSource = .fileName }
        if language == nil, let declared = layout.frontMatter.fields["language"].flatMap(lexicon.language(code:)) {
            language = declared; languageSource = .frontMatter
        }
        if language == nil, let detected = LanguageDetector.detect(source.units, lexicon: lexicon) {
            language = detected; languageSource = .text
        }
        return Document(file: file, language: language, languageSource: languageSource, format: format,
                        source: source, symbol: layout.documentSymbol, paragraphs: paragraphs, footnotes: footnotes)
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

/// The files a list of paths names: files as given, folders walked (sorted, so output is
/// the same on every machine) for the document extensions; hidden files and folders skipped.
public enum InputFiles {
    public static func expand(_ paths: [String]) -> [String] {
        var result = [String]()
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                result += walk(path)
            } else {
                result.append(path)  // missing files are reported by the reader
            }
        }
        return result
    }

    private static func walk(_ folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files = [String]()
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") { enumerator.skipDescendants(); continue }
            let ext = (name as NSString).pathExtension.lowercased()
            guard DocumentReader.documentExtensions.contains(ext) else { continue }
            if name.lowercased() == "readme.md" { continue }
            let full = folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
            files.append(full)
        }
        return files.sorted()
    }
}

extension InputFiles {
    public static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
