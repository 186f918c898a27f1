/// An input Concord cannot use, said in one line that names the file (and the line where
/// it is known).
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        case notFound
        case unreadable(String)
        case isDirectory
        case empty
        case binary(line: Int)
        case invalidUTF8(line: Int, byteOffset: Int)
        case invalidUTF16(line: Int)
        case unsupportedFormat(String)
        case tooLarge(bytes: Int, limit: Int)
        /// More text than ICU can take in one call (its lengths are `Int32`).
        case tooLong(units: Int, limit: Int)
        case malformed(String, line: Int?)
        /// A second version of one language in a set: `first` is the file kept.
        case repeatedLanguage(String, first: String, set: String)
        /// A version in a set whose language cannot be told.
        case noLanguageInSet(set: String)
    }

    public var file: String
    public var reason: Reason

    public init(file: String, reason: Reason) {
        self.file = file
        self.reason = reason
    }

    public var line: Int? {
        switch reason {
        case .binary(let line), .invalidUTF16(let line): return line
        case .invalidUTF8(let line, _): return line
        case .malformed(_, let line): return line
        default: return nil
        }
    }

    public var message: String {
        switch reason {
        case .notFound: return "no such file or folder"
        case .unreadable(let why): return "cannot be read: \(why)"
        case .isDirectory: return "is a folder, not a file"
        case .empty: return "the file is empty: there is no text to check"
        case .binary: return "this looks like a binary file (it contains NUL bytes), not text"
        case .invalidUTF8(_, let offset):
            return "not valid UTF-8 (bad byte sequence at byte offset \(offset)); save it as UTF-8 or UTF-16 with a byte-order mark"
        case .invalidUTF16: return "not valid UTF-16 (a lone surrogate)"
        case .unsupportedFormat(let ext) where ["html", "htm", "xhtml"].contains(ext):
            return "HTML is not read (its tags and scripts are not document text): give the .docx, or save the page as plain text (.txt)"
        case .unsupportedFormat(let ext): return "unsupported file type '\(ext)' (Concord reads .txt, .md, .docx and .pdf)"
        case .tooLarge(let bytes, let limit): return "the file is \(bytes) bytes, over the limit of \(limit) bytes"
        case .tooLong(let units, let limit):
            return "the text is \(units) UTF-16 units long, over the \(limit) that ICU (Concord's Unicode library) can take; split the file"
        case .malformed(let why, _): return why
        case let .repeatedLanguage(language, first, set):
            return "a second \(language) version in the set \(set) (the first is \(first)): checked on its own, not compared with the other versions; give each language once"
        case .noLanguageInSet(let set):
            return "the language of this version in the set \(set) cannot be told (from the file name, a language: front matter or the text): checked on its own, not compared with the other versions"
        }
    }

    /// `file:line: error: message`, as compilers print it.
    public var description: String {
        if let line { return "\(file):\(line): error: \(message)" }
        return "\(file): error: \(message)"
    }
}
