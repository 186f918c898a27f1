import Foundation

/// Files of one document in several languages: grouped by name (`res-6-1.fr.txt` with
/// `res-6-1.en.txt`; `A_RES_80_13-EN.txt` with `A_RES_80_13-FR.txt`, in the same folder; the
/// UN conventions of `FileName`; the configured `set-patterns`) or given explicitly.
public struct DocumentSet: Sendable, Hashable {
    /// The folder and the name without its language (`Corpora/seed/res-6-1`).
    public var name: String
    public var files: [String]
    /// What each file's path said about its language (files whose path says nothing are not
    /// here): the reader takes the language from it.
    public var named: [String: FileName]

    public init(name: String, files: [String], named: [String: FileName] = [:]) {
        self.name = name
        self.files = files
        self.named = named
    }

    /// Groups files by name; a file whose name carries no language is a set of its own.
    /// `patterns` (from the configuration: `{lang}/{name}.{ext}`, `{name}{L}.{ext}`) are tried
    /// first, on paths relative to `base`. Two files of one language that fall in one set
    /// both stay in it: the run reports the second (see `Pipeline.finish`).
    public static func group(_ files: [String], patterns: [String] = [], base: String = "",
                             lexicon: ReadingLexicon = .standard) -> [DocumentSet] {
        grouping(files, patterns: patterns, base: base, lexicon: lexicon).sets
    }

    /// The sets, and the patterns that matched at least one file.
    static func grouping(_ files: [String], patterns: [String], base: String,
                         lexicon: ReadingLexicon) -> (sets: [DocumentSet], matched: Set<String>) {
        var matched = Set<String>()
        var names = [(file: String, name: FileName?)]()
        for file in files {
            if let (pattern, name) = fromPattern(file, patterns: patterns, base: base, lexicon: lexicon) {
                matched.insert(pattern)
                names.append((file, name))
            } else {
                names.append((file, FileName.parse(file, lexicon: lexicon)))
            }
        }
        // The weaker conventions count only where they pair a file with another language.
        var languagesByKey = [String: Set<Language>]()
        for case let (_, name?) in names { languagesByKey[name.key, default: []].insert(name.language) }
        var sets = [DocumentSet]()
        var index = [String: Int]()
        for (file, name) in names {
            guard let name, !name.needsAPartner || languagesByKey[name.key, default: []].count >= 2 else {
                sets.append(DocumentSet(name: file, files: [file]))
                continue
            }
            if let i = index[name.key] {
                sets[i].files.append(file)
                sets[i].named[file] = name
            } else {
                index[name.key] = sets.count
                sets.append(DocumentSet(name: name.key, files: [file], named: [file: name]))
            }
        }
        return (sets.map { DocumentSet(name: $0.name, files: $0.files.sorted(), named: $0.named) }.sorted { $0.name < $1.name }, matched)
    }

    /// The set a configured pattern puts a file in: the pattern with the file's name and
    /// extension filled in and its language left open.
    static func fromPattern(_ path: String, patterns: [String], base: String, lexicon: ReadingLexicon) -> (String, FileName)? {
        guard !patterns.isEmpty else { return nil }
        let relative = Configuration.relative(path, to: base)
        for pattern in patterns {
            guard let expression = SetPattern.compiled(pattern), let match = expression.matches(in: relative).first else { continue }
            let language: Language?
            if let range = match["lang"] {
                language = Language(rawValue: SetPattern.substring(relative, range).lowercased()).flatMap { lexicon.known.contains($0) ? $0 : nil }
            } else if let range = match["L"] {
                language = lexicon.language(unCode: SetPattern.substring(relative, range))
            } else {
                language = nil
            }
            guard let language else { continue }
            let name = match["name"].map { SetPattern.substring(relative, $0) } ?? ""
            let ext = match["ext"].map { SetPattern.substring(relative, $0) } ?? ""
            let key = pattern.replacingOccurrences(of: "{name}", with: name).replacingOccurrences(of: "{ext}", with: ext)
                .replacingOccurrences(of: "{lang}", with: "*").replacingOccurrences(of: "{L}", with: "*")
            return (pattern, FileName(key: key, language: language, convention: .setPattern, reason: "the set pattern '\(pattern)'"))
        }
        return nil
    }

    /// `dir/res-6-1.fr.txt` → (`dir/res-6-1`, fr); `A_RES_80_13-EN.txt` → (`A_RES_80_13`, en).
    static func stemAndLanguage(_ path: String, known: Set<Language>) -> (String, Language)? {
        let folder = PathText.deletingLastComponent(path)
        let name = PathText.lastComponent(path)
        guard let language = Language.fromFileName(name, known: known) else { return nil }
        var parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var stem: String
        if parts.count >= 2, parts[parts.count - 1].lowercased() == language.rawValue {
            parts.removeLast()                       // devset.fr
            stem = parts.joined(separator: ".")
        } else {
            if parts.count >= 2 { parts.removeLast() }  // the extension
            if parts.count >= 2, parts[parts.count - 1].lowercased() == language.rawValue {
                parts.removeLast()                   // res-6-1.fr
                stem = parts.joined(separator: ".")
            } else {
                stem = parts.joined(separator: ".")
                for separator in ["-", "_", " "] where stem.lowercased().hasSuffix(separator + language.rawValue) {
                    stem = String(stem.dropLast(3))  // A_RES_80_13-EN
                    break
                }
                if stem.hasSuffix(")") { stem = String(stem.dropLast(5)) }  // name (RU)
            }
        }
        return (folder.isEmpty ? stem : folder + "/" + stem, language)
    }
}

/// A configured set pattern (`{lang}/{name}.{ext}`, `{name}{L}.{ext}`) as an ICU pattern over a
/// relative path: `{lang}` a two-letter code, `{L}` a one-letter UN code.
enum SetPattern {
    /// Compiled once per pattern and process: grouping tries every pattern on every file of
    /// an archive, and ICU compiles a pattern in tens of microseconds.
    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache = [String: ICURegex?]()

    static func compiled(_ pattern: String) -> ICURegex? {
        if let known = lock.withLock({ cache[pattern] }) { return known }
        let regex = compile(pattern)
        lock.withLock { cache[pattern] = regex }
        return regex
    }

    private static func compile(_ pattern: String) -> ICURegex? {
        var regex = "^"
        var rest = Substring(pattern)
        var literal = ""
        func flush() {
            // Quoted, so that no character of a file name means anything to ICU.
            if !literal.isEmpty { regex += "\\Q" + literal.replacingOccurrences(of: "\\E", with: "\\E\\\\E\\Q") + "\\E"; literal = "" }
        }
        while !rest.isEmpty {
            if rest.hasPrefix("{name}") { flush(); regex += "(?<name>.+?)"; rest = rest.dropFirst(6) }
            else if rest.hasPrefix("{lang}") { flush(); regex += "(?<lang>[A-Za-z]{2})"; rest = rest.dropFirst(6) }
            else if rest.hasPrefix("{L}") { flush(); regex += "(?<L>[A-Za-z])"; rest = rest.dropFirst(3) }
            else if rest.hasPrefix("{ext}") { flush(); regex += "(?<ext>[^./]+)"; rest = rest.dropFirst(5) }
            else { literal.append(rest.first!); rest = rest.dropFirst() }
        }
        flush()
        return try? ICURegex(regex + "$", caseInsensitive: false)
    }

    /// The part of a string a match's UTF-16 range covers.
    static func substring(_ string: String, _ range: Range<Int>) -> String {
        let units = string.utf16Array
        return String(utf16Units: units[range])
    }
}
