import Foundation

/// What a file's path says about it: the document it is a version of (the key its set is
/// grouped by) and its language, and which naming convention said so.
public struct FileName: Sendable, Hashable {
    /// The naming conventions Concord understands, strongest first.
    public enum Convention: String, Sendable, Hashable {
        /// A configured `set-patterns` entry.
        case setPattern
        /// A two-letter code in the name: `res-6-1.fr.txt`, `A_RES_80_13-EN.txt`, `devset.fr`.
        case languageCode
        /// An ODS job number with its one-letter UN language code: `2512345E.txt`, `N2512345R.docx`.
        case jobNumber
        /// A symbol-derived name ending in a UN language letter: `A_RES_80_1_E.txt`.
        case symbolLetter
        /// A folder named for the language (`E/`, `en/`, `english/`, `français/`) with the same
        /// file name in a sibling language folder.
        case languageFolder
    }

    /// The set key: the folder and the name without its language (`dir/res-6-1`,
    /// `dir/*/res-6-1` across language folders, the pattern with `*` for the language).
    public var key: String
    public var language: Language
    public var convention: Convention
    /// What told the language, for people: `the UN job number's letter E`.
    public var reason: String

    /// Symbol-derived names and language folders are weaker signs than a code in the name:
    /// `A_RES_2200_A` is part A of a resolution, `A/` may hold General Assembly documents. They
    /// count only when they pair the file with another language version.
    var needsAPartner: Bool { convention == .symbolLetter || convention == .languageFolder }

    public init(key: String, language: Language, convention: Convention, reason: String) {
        self.key = key
        self.language = language
        self.convention = convention
        self.reason = reason
    }

    /// The built-in UN conventions (not `set-patterns`), for a path as given.
    public static func parse(_ path: String, lexicon: ReadingLexicon) -> FileName? {
        let folder = PathText.deletingLastComponent(path)
        let file = PathText.lastComponent(path)
        var named = inName(file, lexicon: lexicon)
        // A language folder: `E/2512345E.txt`, `english/res.txt` — the set spans the sibling folders.
        let folderName = PathText.lastComponent(folder)
        if !folderName.isEmpty, folderName != ".", folderName != "..", let language = lexicon.language(folder: folderName),
           named == nil || named?.language == language {
            let parent = PathText.deletingLastComponent(folder)
            let stem = named?.key ?? PathText.deletingPathExtension(file)
            let key = (parent.isEmpty ? "" : parent + "/") + "*/" + stem
            if let inName = named {
                return FileName(key: key, language: language, convention: inName.convention, reason: inName.reason + " and its folder \(folderName)/")
            }
            return FileName(key: key, language: language, convention: .languageFolder, reason: "the language folder \(folderName)/")
        }
        guard let found = named else { return nil }
        named = FileName(key: folder.isEmpty ? found.key : folder + "/" + found.key, language: found.language,
                         convention: found.convention, reason: found.reason)
        return named
    }

    /// The language a file's name (without its folder) gives, with the name's stem as the key.
    static func inName(_ file: String, lexicon: ReadingLexicon) -> FileName? {
        if let (stem, language) = DocumentSet.stemAndLanguage(file, known: lexicon.known) {
            return FileName(key: stem, language: language, convention: .languageCode, reason: "the language code in the file name")
        }
        let stem = PathText.deletingPathExtension(file)
        let scalars = Array(stem.unicodeScalars)
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        func isLetter(_ s: Unicode.Scalar) -> Bool { ("A"..."Z").contains(s) || ("a"..."z").contains(s) }
        // ODS job numbers: an optional letter (N, A, V…), seven digits, the language letter.
        if (scalars.count == 8 || scalars.count == 9), let last = scalars.last, isLetter(last),
           scalars.dropLast().suffix(7).allSatisfy(isDigit), scalars.count == 8 || isLetter(scalars[0]),
           let language = lexicon.language(unCode: String(last)) {
            return FileName(key: String(stem.dropLast()), language: language, convention: .jobNumber,
                            reason: "the UN job number's language letter \(String(last).uppercased())")
        }
        // Symbol-derived names: `A_RES_80_1_E`, `S_RES_2719(2024)-F` — a number, `_` or `-`, the letter.
        if scalars.count >= 4, let last = scalars.last, isLetter(last), scalars[scalars.count - 2] == "_" || scalars[scalars.count - 2] == "-",
           isDigit(scalars[scalars.count - 3]) || scalars[scalars.count - 3] == ")", stem.contains("_"),
           let language = lexicon.language(unCode: String(last)) {
            return FileName(key: String(stem.dropLast(2)), language: language, convention: .symbolLetter,
                            reason: "the UN language letter \(String(last).uppercased()) after the symbol")
        }
        return nil
    }
}
