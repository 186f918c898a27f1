import Foundation

/// Files of one document in several languages: grouped by name (`res-6-1.fr.txt` with
/// `res-6-1.en.txt`; `A_RES_80_13-EN.txt` with `A_RES_80_13-FR.txt`, in the same folder) or
/// given explicitly.
public struct DocumentSet: Sendable, Hashable {
    /// The folder and the name without its language (`Corpora/seed/res-6-1`).
    public var name: String
    public var files: [String]

    public init(name: String, files: [String]) {
        self.name = name
        self.files = files
    }

    /// Groups files by name; a file whose name carries no language is a set of its own, and
    /// so is a second file of a language already in its set. `patterns` (from the
    /// configuration: `{lang}/{name}.{ext}`) are tried first, on paths relative to `base`.
    public static func group(_ files: [String], patterns: [String] = [], base: String = "",
                             known: Set<Language> = ReadingLexicon.standard.known) -> [DocumentSet] {
        var sets = [DocumentSet]()
        var index = [String: Int]()
        var languages = [String: Set<Language>]()
        for file in files {
            guard let (stem, language) = stemAndLanguage(file, patterns: patterns, base: base, known: known) ?? stemAndLanguage(file, known: known) else {
                sets.append(DocumentSet(name: file, files: [file]))
                continue
            }
            if let i = index[stem], !languages[stem, default: []].contains(language) {
                sets[i].files.append(file)
                languages[stem, default: []].insert(language)
            } else if index[stem] == nil {
                index[stem] = sets.count
                languages[stem] = [language]
                sets.append(DocumentSet(name: stem, files: [file]))
            } else {
                sets.append(DocumentSet(name: file, files: [file]))
            }
        }
        return sets.map { DocumentSet(name: $0.name, files: $0.files.sorted()) }.sorted { $0.name < $1.name }
    }

    /// The set a configured pattern puts a file in: the pattern with the file's name and
    /// extension filled in and its language left open.
    static func stemAndLanguage(_ path: String, patterns: [String], base: String, known: Set<Language>) -> (String, Language)? {
        guard !patterns.isEmpty else { return nil }
        let relative = Configuration.relative(path, to: base)
        for pattern in patterns {
            guard let expression = SetPattern.compiled(pattern), let match = expression.matches(in: relative).first,
                  let langRange = match["lang"],
                  let language = Language(rawValue: SetPattern.substring(relative, langRange).lowercased()), known.contains(language) else { continue }
            let name = match["name"].map { SetPattern.substring(relative, $0) } ?? ""
            let ext = match["ext"].map { SetPattern.substring(relative, $0) } ?? ""
            let key = pattern.replacingOccurrences(of: "{name}", with: name).replacingOccurrences(of: "{ext}", with: ext)
                .replacingOccurrences(of: "{lang}", with: "*")
            return (key, language)
        }
        return nil
    }

    /// `dir/res-6-1.fr.txt` → (`dir/res-6-1`, fr); `A_RES_80_13-EN.txt` → (`A_RES_80_13`, en).
    static func stemAndLanguage(_ path: String, known: Set<Language>) -> (String, Language)? {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
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

/// A configured set pattern (`{lang}/{name}.{ext}`) as an ICU pattern over a relative path.
enum SetPattern {
    static func compiled(_ pattern: String) -> ICURegex? {
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
            else if rest.hasPrefix("{ext}") { flush(); regex += "(?<ext>[^./]+)"; rest = rest.dropFirst(5) }
            else { literal.append(rest.first!); rest = rest.dropFirst() }
        }
        flush()
        return try? ICURegex(regex + "$", caseInsensitive: false)
    }

    /// The part of a string a match's UTF-16 range covers.
    static func substring(_ string: String, _ range: Range<Int>) -> String {
        let units = Array(string.utf16)
        return String(decoding: units[range], as: UTF16.self)
    }
}
