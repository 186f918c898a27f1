/// The number or label that opens a paragraph: `12.` (operative or annex paragraph),
/// Arabic `12 -`, `(a)` / `(iv)` (sub-items), `II.` / `A.` (section headings).
enum ParagraphLabel: Equatable, Sendable {
    case number(Int)
    case item(String)
    case section(String)

    /// The label at the start of `text`, and how many characters it takes with the spaces
    /// after it.
    static func parse(_ text: Substring) -> (ParagraphLabel, Int)? {
        if let (value, length) = Chars.leadingNumber(text), value >= 1, value <= 999 {
            var rest = text.dropFirst(length)
            var taken = length
            if rest.first == "." {
                rest = rest.dropFirst(); taken += 1
                guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
            } else {
                // Arabic UN style: `1 - يحيط علما`
                let spaces = rest.prefix { $0 == " " }.count
                rest = rest.dropFirst(spaces); taken += spaces
                guard let dash = rest.first, "-–—".contains(dash) else { return nil }
                rest = rest.dropFirst(); taken += 1
                guard rest.isEmpty || rest.first == " " else { return nil }
            }
            let spaces = rest.prefix { $0 == " " || $0 == "\t" }.count
            return (.number(value), taken + spaces)
        }
        if text.first == "(" || text.first == "（" {
            let inner = text.dropFirst().prefix { $0 != ")" && $0 != "）" }
            let close = text.dropFirst(1 + inner.count).first
            guard close == ")" || close == "）", !inner.isEmpty, inner.count <= 4,
                  inner.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
            let rest = text.dropFirst(inner.count + 2)
            guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
            let spaces = rest.prefix { $0 == " " || $0 == "\t" }.count
            return (.item(String(inner)), inner.count + 2 + spaces)
        }
        // `II.` or `A.` followed by a space or the end.
        let head = text.prefix { $0 != "." }
        if !head.isEmpty, head.count <= 5, text.dropFirst(head.count).first == ".",
           head.allSatisfy({ "IVXLC".contains($0) }) || (head.count == 1 && head.first!.isUppercase && head.first!.isASCII) {
            let rest = text.dropFirst(head.count + 1)
            guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
            let spaces = rest.prefix { $0 == " " || $0 == "\t" }.count
            return (.section(String(head)), head.count + 1 + spaces)
        }
        return nil
    }
}
