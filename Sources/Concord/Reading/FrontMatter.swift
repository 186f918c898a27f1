/// A YAML front matter block (`---` … `---`) at the top of a file, as document collectors
/// add: only flat `key: value` pairs are read (symbol, language, title); the block itself is
/// not text of the document.
struct FrontMatter: Sendable {
    var fields: [String: String] = [:]
    /// The lines the block takes, both `---` lines included.
    var lineCount = 0

    static func parse(_ lines: [SourceLine]) -> FrontMatter {
        guard let first = lines.first, first.text == "---", first.index == 0 else { return FrontMatter() }
        var result = FrontMatter()
        for line in lines.dropFirst().prefix(200) {
            let text = line.text
            if text == "---" || text == "..." {
                result.lineCount = line.index + 1
                return result
            }
            guard let colon = text.firstIndex(of: ":") else { continue }
            let key = trimmingSpaces(text[..<colon])
            var value = trimmingSpaces(text[text.index(after: colon)...])
            if value.count >= 2, value.first == "\"", value.last == "\"" { value = String(value.dropFirst().dropLast()) }
            result.fields[key.lowercased()] = value
        }
        return FrontMatter()  // no closing line: not front matter
    }

    /// `trimmingCharacters(in: " ")` without Foundation's bridging: U+0020 scalars taken off
    /// both ends.
    private static func trimmingSpaces(_ text: Substring) -> String {
        var scalars = text.unicodeScalars[...]
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
