/// The number or label that opens a paragraph: `12.` (operative or annex paragraph),
/// Arabic `12 -`, `(a)` / `(iv)` (sub-items), `II.` / `A.` (section headings).
enum ParagraphLabel: Equatable, Sendable {
    case number(Int)
    case item(String)
    case section(String)

    /// `parse` of a line or of text held as units: on the units when they are simple, after
    /// a test of the first unit that rejects most lines (a label starts with a digit, a
    /// parenthesis or a capital A–Z).
    static func parse(_ text: UnitText) -> (ParagraphLabel, Int)? {
        guard let first = text.first, Chars.digitValue(first) != nil || first == 0x28 || first == 0xFF08
            || (first >= 0x41 && first <= 0x5A) else { return nil }
        guard text.isSimple else { return parse(Substring(text.string)) }
        let u = text.units
        let start = u.startIndex, end = u.endIndex
        /// Spaces (and tabs, when `tabs`) from `k` on.
        func spaces(from k: Int, tabs: Bool = true) -> Int {
            var j = k
            while j < end, u[j] == 0x20 || (tabs && u[j] == 0x09) { j += 1 }
            return j - k
        }
        func endsOrSpace(_ k: Int) -> Bool { k == end || u[k] == 0x20 || u[k] == 0x09 }

        if let (value, length) = Chars.leadingNumber(u), value >= 1, value <= 999 {
            var k = start + length
            if k < end, u[k] == 0x2E {
                k += 1
                guard endsOrSpace(k) else { return nil }
            } else {
                // Arabic UN style: `1 - يحيط علما`
                k += spaces(from: k, tabs: false)
                guard k < end, u[k] == 0x2D || u[k] == 0x2013 || u[k] == 0x2014 else { return nil }
                k += 1
                guard k == end || u[k] == 0x20 else { return nil }
            }
            return (.number(value), k - start + spaces(from: k))
        }
        if first == 0x28 || first == 0xFF08 {
            // A label holds 4 units at most: the scan stops at the fifth (it fails there too).
            var k = start + 1
            while k < end, k - start <= 5, u[k] != 0x29, u[k] != 0xFF09 { k += 1 }
            let inner = (start + 1)..<k
            guard k < end, !inner.isEmpty, inner.count <= 4,
                  u[inner].allSatisfy({ Chars.isLetter($0) || Chars.isNumber($0) }) else { return nil }
            k += 1
            guard endsOrSpace(k) else { return nil }
            return (.item(String(utf16Units: u[inner])), k - start + spaces(from: k))
        }
        // `II.` or `A.` followed by a space or the end (5 units at most before the point: the
        // scan stops at the sixth, where it fails too).
        var k = start
        while k < end, k - start <= 5, u[k] != 0x2E { k += 1 }
        let head = start..<k
        if !head.isEmpty, head.count <= 5, k < end,
           u[head].allSatisfy({ [0x49, 0x56, 0x58, 0x4C, 0x43].contains($0) }) || (head.count == 1 && first >= 0x41 && first <= 0x5A) {
            k += 1
            guard endsOrSpace(k) else { return nil }
            return (.section(String(utf16Units: u[head])), k - start + spaces(from: k))
        }
        return nil
    }

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
        // The scans for `)` and `.` stop after as many characters as a label may hold and one
        // (where they fail too): a paragraph that opens with a capital or a parenthesis was
        // walked to its first point, character by character, twice.
        if text.first == "(" || text.first == "（" {
            let inner = text.dropFirst().prefix(5).prefix { $0 != ")" && $0 != "）" }
            let close = text.dropFirst(1 + inner.count).first
            guard close == ")" || close == "）", !inner.isEmpty, inner.count <= 4,
                  inner.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
            let rest = text.dropFirst(inner.count + 2)
            guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
            let spaces = rest.prefix { $0 == " " || $0 == "\t" }.count
            return (.item(String(inner)), inner.count + 2 + spaces)
        }
        // `II.` or `A.` followed by a space or the end.
        let head = text.prefix(6).prefix { $0 != "." }
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
