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
            if line.text == "---" || line.text == "..." {
                result.lineCount = line.index + 1
                return result
            }
            guard let colon = line.text.firstIndex(of: ":") else { continue }
            let key = String(line.text[..<colon]).trimmingCharacters(in: " ")
            var value = String(line.text[line.text.index(after: colon)...]).trimmingCharacters(in: " ")
            if value.count >= 2, value.first == "\"", value.last == "\"" { value = String(value.dropFirst().dropLast()) }
            result.fields[key.lowercased()] = value
        }
        return FrontMatter()  // no closing line: not front matter
    }
}
