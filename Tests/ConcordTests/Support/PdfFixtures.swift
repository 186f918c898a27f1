import Foundation
import Testing
import ZIPFoundation
@testable import Concord

/// PDFs made at test time from the corpus, never copied into the repository: the seed set's
/// Word documents (`Corpora/docx`) through LibreOffice (`soffice --headless --convert-to
/// pdf`), the English GA resolutions' Markdown (`../shared/corpus/en-ga-80-md`) through
/// pandoc to .docx and then LibreOffice. Made PDFs are kept in `.build/pdf-fixtures/`, under
/// a hash of what they were made from, so that a second run makes nothing. Without the tools
/// (`scripts/setup --test` installs them) a test passes over its PDFs, except under CI
/// (`CI=true`), where that is a failure.
enum PdfFixtures {
    static let folder = Paths.repository.appendingPathComponent(".build/pdf-fixtures")
    /// One conversion at a time: LibreOffice's profile cannot be shared by two at once.
    private static let lock = NSLock()

    /// A tool on PATH, or nil (recorded as a failure under CI).
    static func tool(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record("\(name) is missing under CI: the PDF tests use it (bash scripts/setup --test installs it)",
                         sourceLocation: sourceLocation)
        }
        return nil
    }

    /// The seed set as PDFs, by language (nil without LibreOffice): `Corpora/docx`, or another
    /// folder of the six Word documents (`docx-defects`). Word's tracked changes are
    /// accepted first (Concord reads a .docx that way; LibreOffice would print deletions and
    /// bracketed old list numbers).
    static func seedSet(_ corpus: String = "docx", sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: String]? {
        guard let soffice = tool("soffice", sourceLocation: sourceLocation) else { return nil }
        lock.lock(); defer { lock.unlock() }
        var result = [String: String]()
        var missing = [(String, URL)]()
        var hash = Hash()
        let languages = ["ar", "en", "es", "fr", "ru", "zh"]
        for language in languages {
            hash.add(try Data(contentsOf: URL(fileURLWithPath: Paths.corpora("\(corpus)/res-6-1.\(language).docx"))))
        }
        let out = folder.appendingPathComponent("\(corpus)-\(hash.hex)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        for language in languages {
            let pdf = out.appendingPathComponent("res-6-1.\(language).pdf")
            result[language] = pdf.path
            if !FileManager.default.fileExists(atPath: pdf.path) {
                let accepted = out.appendingPathComponent("res-6-1.\(language).docx")
                try acceptTrackedChanges(URL(fileURLWithPath: Paths.corpora("\(corpus)/res-6-1.\(language).docx")), to: accepted)
                missing.append((language, accepted))
            }
        }
        if !missing.isEmpty { try convert(missing.map(\.1), with: soffice, into: out) }
        return result
    }

    /// An English GA resolution of `../shared/corpus/en-ga-80-md` as .docx (pandoc) and PDF
    /// (LibreOffice from that .docx); nil without the tools or the shared corpus.
    static func gaResolution(_ name: String, page: Page = Page(paper: .letter, face: .liberation), sourceLocation: SourceLocation = #_sourceLocation) throws -> (markdown: String, docx: String, pdf: String)? {
        guard let markdown = Paths.shared("corpus/en-ga-80-md/\(name).md", sourceLocation: sourceLocation),
              let pandoc = tool("pandoc", sourceLocation: sourceLocation),
              let soffice = tool("soffice", sourceLocation: sourceLocation),
              let fonts = try fontConfiguration(page.face, sourceLocation: sourceLocation) else { return nil }
        lock.lock(); defer { lock.unlock() }
        var hash = Hash()
        hash.add(try Data(contentsOf: URL(fileURLWithPath: markdown)))
        let out = folder.appendingPathComponent("ga-\(hash.hex)-\(page.name)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // The language in the name, as a UN file name gives it (`A_RES_80_3-EN`).
        let docx = out.appendingPathComponent("\(name)-EN.docx")
        let pdf = out.appendingPathComponent("\(name)-EN.pdf")
        if !FileManager.default.fileExists(atPath: pdf.path) {
            try run(pandoc, ["-o", docx.path, markdown])
            try setPage(page, of: docx)
            try convert([docx], with: soffice, into: out, fonts: fonts)
        }
        return (markdown, docx.path, pdf.path)
    }

    /// The same resolution with every footnote marker Concord reads in its Markdown written
    /// as `[^n]` (most of the corpus's markers are bare digits, which pandoc leaves as text and
    /// whose notes it drops), then made into .docx and PDF the same way.
    static func gaResolutionWithEveryMarker(_ name: String, page: Page = Page(paper: .letter, face: .liberation), sourceLocation: SourceLocation = #_sourceLocation) throws -> (markdown: String, pdf: String)? {
        guard let markdown = Paths.shared("corpus/en-ga-80-md/\(name).md", sourceLocation: sourceLocation),
              let pandoc = tool("pandoc", sourceLocation: sourceLocation),
              let soffice = tool("soffice", sourceLocation: sourceLocation),
              let fonts = try fontConfiguration(page.face, sourceLocation: sourceLocation) else { return nil }
        let document = try DocumentReader().read(path: markdown)
        var units = document.source.units
        let markers = document.footnotes.flatMap { note in note.markers.map { (note.label, $0.sourceRange) } }
            .sorted { $0.1.lowerBound > $1.1.lowerBound }
        for (label, range) in markers where !(units[range.lowerBound] == 0x5B) {  // not already `[^n]`
            units.replaceSubrange(range, with: Array("[^\(label)]".utf16))
        }
        var text = String(decoding: units, as: UTF16.self)
        // The YAML front matter is the collector's, not the resolution's: pandoc would print
        // its title and date as a title block.
        if text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 4)..<text.endIndex) {
            text = String(text[end.upperBound...])
        }
        lock.lock(); defer { lock.unlock() }
        var hash = Hash()
        hash.add(Data(text.utf8))
        let out = folder.appendingPathComponent("ga-marked-\(hash.hex)-\(page.name)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let source = out.appendingPathComponent("\(name)-EN.md")
        let docx = out.appendingPathComponent("\(name)-EN.docx")
        let pdf = out.appendingPathComponent("\(name)-EN.pdf")
        if !FileManager.default.fileExists(atPath: pdf.path) {
            try text.write(to: source, atomically: true, encoding: .utf8)
            try run(pandoc, ["-o", docx.path, source.path])
            try setPage(page, of: docx)
            try convert([docx], with: soffice, into: out, fonts: fonts)
        }
        return (markdown, pdf.path)
    }

    /// `fonts`: a fontconfig file LibreOffice is to see the fonts through (`fontConfiguration`).
    private static func convert(_ files: [URL], with soffice: String, into out: URL, fonts: URL? = nil) throws {
        let profile = folder.appendingPathComponent("libreoffice-profile")
        try run(soffice, ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--convert-to", "pdf",
                          "--outdir", out.path] + files.map(\.path),
                environment: fonts.map { ["FONTCONFIG_FILE": $0.path] } ?? [:])
        for file in files {
            let pdf = file.deletingPathExtension().appendingPathExtension("pdf")
            guard FileManager.default.fileExists(atPath: pdf.path) else {
                throw FixtureError(message: "LibreOffice made no PDF of \(file.path)")
            }
        }
    }

    private static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw FixtureError(message: "\(executable) \(arguments.joined(separator: " ")) failed: \(String(decoding: said, as: UTF8.self))")
        }
    }

    /// The paper a made PDF is laid out on. pandoc's .docx names none, so LibreOffice took its
    /// default, which follows the machine's locale: Letter here, perhaps A4 on CI, where the
    /// pages broke elsewhere and a wrapped marker made CI fail. The paper is set explicitly
    /// now (`setPage`), and the tests read both, in each face (`Page`).
    enum Paper: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case letter, a4
        /// `w:pgSz` in twentieths of a point, and one-inch margins.
        var section: String {
            let (width, height) = self == .letter ? (12240, 15840) : (11906, 16838)
            return #"<w:sectPr><w:pgSz w:w="\#(width)" w:h="\#(height)" /><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0" /></w:sectPr>"#
        }
        var testDescription: String { rawValue }
    }

    /// The fonts a GA fixture is set in, named in its .docx: pandoc's theme names Cambria and
    /// Calibri, which LibreOffice replaced by whatever the machine had (DejaVu on one, Noto on
    /// another), so lines and pages broke differently from machine to machine. Each face is
    /// shown to LibreOffice alone (`fontConfiguration`), so that no other font the machine has
    /// can stand in for it; two faces of different widths break the same text at different
    /// places, which is what the tests want of them.
    enum Face: String, CaseIterable, Sendable {
        /// Liberation (`fonts-liberation2`): the four styles of each face in one package.
        case liberation
        /// DejaVu's serif and sans in regular and bold (`fonts-dejavu-core`), copied into a
        /// folder of their own: a machine with `fonts-dejavu-extra` has the italics too, which
        /// another would not, so LibreOffice slants the regular style on every machine.
        case dejavu

        var themeFonts: [String: String] {
            switch self {
            case .liberation: ["Cambria": "Liberation Serif", "Calibri": "Liberation Sans"]
            case .dejavu: ["Cambria": "DejaVu Serif", "Calibri": "DejaVu Sans"]
            }
        }
        var files: [String] {
            switch self {
            case .liberation: ["Serif-Regular", "Serif-Bold", "Serif-Italic", "Serif-BoldItalic", "Sans-Regular", "Sans-Bold", "Sans-Italic", "Sans-BoldItalic"]
                .map { "/usr/share/fonts/truetype/liberation2/Liberation\($0).ttf" }
            case .dejavu: ["Serif", "Serif-Bold", "Sans", "Sans-Bold"].map { "/usr/share/fonts/truetype/dejavu/DejaVu\($0).ttf" }
            }
        }
        var package: String { self == .liberation ? "fonts-liberation2" : "fonts-dejavu-core" }
    }

    /// A layout of the GA fixtures: a paper and a face. Liberation's keep the paper's name alone.
    struct Page: Sendable, CustomTestStringConvertible {
        var paper: Paper
        var face: Face
        var name: String { face == .liberation ? paper.rawValue : "\(paper.rawValue)-\(face.rawValue)" }
        var testDescription: String { name }
        static let all = Face.allCases.flatMap { face in Paper.allCases.map { Page(paper: $0, face: face) } }
    }

    /// A fontconfig file that shows LibreOffice the files of `face` and nothing else, copied
    /// into a folder of their own; nil (a failure under CI) without them.
    static func fontConfiguration(_ face: Face, sourceLocation: SourceLocation = #_sourceLocation) throws -> URL? {
        let missing = face.files.filter { !FileManager.default.fileExists(atPath: $0) }
        guard missing.isEmpty else {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                Issue.record("\(missing.joined(separator: ", ")) missing under CI: the GA PDF fixtures are set in them (bash scripts/setup --test installs \(face.package))",
                             sourceLocation: sourceLocation)
            }
            return nil
        }
        lock.lock(); defer { lock.unlock() }
        let fonts = folder.appendingPathComponent("fonts-\(face.rawValue)")
        try FileManager.default.createDirectory(at: fonts, withIntermediateDirectories: true)
        for file in face.files {
            let copy = fonts.appendingPathComponent((file as NSString).lastPathComponent)
            if !FileManager.default.fileExists(atPath: copy.path) { try FileManager.default.copyItem(atPath: file, toPath: copy.path) }
        }
        let file = folder.appendingPathComponent("fonts-\(face.rawValue).conf")
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
            <fontconfig>
              <dir>\(fonts.path)</dir>
              <cachedir>\(folder.appendingPathComponent("fontconfig-cache").path)</cachedir>
            </fontconfig>

            """
        if (try? String(contentsOf: file, encoding: .utf8)) != text { try text.write(to: file, atomically: true, encoding: .utf8) }
        return file
    }

    /// Gives a pandoc .docx its page size (its body ends with an empty `<w:sectPr />`) and
    /// names its fonts (`Face.themeFonts`).
    static func setPage(_ page: Page, of docx: URL) throws {
        let original = docx.deletingPathExtension().appendingPathExtension("pandoc.docx")
        try? FileManager.default.removeItem(at: original)
        try FileManager.default.moveItem(at: docx, to: original)
        try rewrite(original, to: docx, parts: [
            "word/document.xml": { xml in
                guard xml.contains("<w:sectPr />") else { throw FixtureError(message: "\(docx.path): no empty <w:sectPr /> to give a page size") }
                return xml.replacingOccurrences(of: "<w:sectPr />", with: page.paper.section)
            },
            "word/theme/theme1.xml": { xml in
                var xml = xml
                for (theme, font) in page.face.themeFonts {
                    let named = #"<a:latin typeface="\#(theme)" />"#
                    guard xml.contains(named) else { throw FixtureError(message: "\(docx.path): its theme names no \(theme)") }
                    xml = xml.replacingOccurrences(of: named, with: #"<a:latin typeface="\#(font)" />"#)
                }
                return xml
            },
        ])
        try FileManager.default.removeItem(at: original)
    }

    /// A copy of a Word package with its tracked changes accepted: insertions kept, deletions dropped.
    static func acceptTrackedChanges(_ source: URL, to destination: URL) throws {
        try rewrite(source, to: destination, parts: ["word/document.xml": { xml in
            xml.replacingOccurrences(of: #"(?s)<w:del\b[^>]*>.*?</w:del>"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: #"<w:ins\b[^>]*>|</w:ins>"#, with: "", options: .regularExpression)
        }])
    }

    /// A copy of a Word package with the parts named in `parts` changed by their functions.
    private static func rewrite(_ source: URL, to destination: URL, parts: [String: (String) throws -> String]) throws {
        try? FileManager.default.removeItem(at: destination)
        let input = try Archive(url: source, accessMode: .read)
        let output = try Archive(url: destination, accessMode: .create)
        for entry in input {
            var data = Data()
            _ = try input.extract(entry) { data.append($0) }
            if let change = parts[entry.path] {
                data = Data(try change(String(decoding: data, as: UTF8.self)).utf8)
            }
            let bytes = data
            try output.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
    }

    struct FixtureError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// FNV-1a, 64 bits: names the cache folder by what the PDFs were made from — the inputs
    /// added, and the recipe: this file (a change to how the fixtures are made must not reuse
    /// PDFs made the old way, as a stale A4 layout once hid from this machine what CI saw).
    struct Hash {
        private var value: UInt64 = 0xcbf2_9ce4_8422_2325
        init() {
            add((try? Data(contentsOf: URL(fileURLWithPath: #filePath))) ?? Data())
        }
        mutating func add(_ data: Data) {
            for byte in data { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
        var hex: String { String(value, radix: 16) }
    }
}
