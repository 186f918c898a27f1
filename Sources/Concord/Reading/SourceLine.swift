/// One line of a source file with its surrounding white space trimmed.
struct SourceLine: Sendable {
    /// 0-based line index in the source.
    let index: Int
    /// The trimmed line's units in the source.
    let range: Range<Int>
    /// True for a line with no characters at all; pdftotext output keeps a single space on
    /// the blank lines inside a page, so a truly empty line is a hint of a page break.
    let isStrictlyEmpty: Bool
    /// The whole source's units (shared, not copied): the line's text is `units[range]`.
    let units: [UInt16]
    /// True when every unit of the line is a character on its own (`Chars.isSimple`): the
    /// readers' tests then work on units, one unit for one `Character`.
    let isSimple: Bool

    init(index: Int, range: Range<Int>, units: [UInt16], isStrictlyEmpty: Bool) {
        let simple = units.withUnsafeBufferPointer { Self.isSimple($0, range) }
        self.init(index: index, range: range, units: units, isStrictlyEmpty: isStrictlyEmpty, isSimple: simple)
    }

    private init(index: Int, range: Range<Int>, units: [UInt16], isStrictlyEmpty: Bool, isSimple: Bool) {
        self.index = index
        self.range = range
        self.units = units
        self.isStrictlyEmpty = isStrictlyEmpty
        self.isSimple = isSimple
    }

    /// The line as a String, made only where a test needs one (most work on `view`): making
    /// a String per line cost more than all the rest of the reading.
    var text: String { String(utf16Units: units[range]) }

    var view: UnitText { UnitText(units: units[range], isSimple: isSimple) }

    var isBlank: Bool { range.isEmpty }

    /// The line's first unit, nil for a blank line.
    var first: UInt16? { range.isEmpty ? nil : units[range.lowerBound] }

    static func lines(of source: SourceText) -> [SourceLine] {
        var lines = [SourceLine]()
        lines.reserveCapacity(source.lineCount)
        let units = source.units
        units.withUnsafeBufferPointer { u in
            for index in 0..<source.lineCount {
                let full = source.lineRange(index)
                var start = full.lowerBound
                var end = full.upperBound
                while start < end, isTrimmable(u[start]) { start += 1 }
                while end > start, isTrimmable(u[end - 1]) { end -= 1 }
                lines.append(SourceLine(index: index, range: start..<end, units: units, isStrictlyEmpty: full.isEmpty,
                                        isSimple: isSimple(u, start..<end)))
            }
        }
        return lines
    }

    /// Whether every unit of `u[range]` is a character on its own (`Chars.isSimple`), in one
    /// pass: four units at a time while none is above U+00FF (their high bytes all zero), else
    /// unit by unit. The compiler had folded the first of `isSimple`'s ranges into the test of
    /// every unit, ASCII too: about 15 instructions a unit, 1.3 % of a 10 MB check.
    @inline(__always)
    static func isSimple(_ u: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
        var k = range.lowerBound
        let end = range.upperBound
        let raw = UnsafeRawPointer(u.baseAddress)
        while k < end {
            if k + 4 <= end, let raw, raw.loadUnaligned(fromByteOffset: 2 * k, as: UInt64.self) & 0xFF00_FF00_FF00_FF00 == 0 {
                k += 4
                continue
            }
            if u[k] >= 0x300, !Chars.isSimple(u[k]) { return false }
            k += 1
        }
        return true
    }

    /// Spaces, tabs, form feeds, no-break spaces, the BOM and bidi marks at a line's edges.
    static func isTrimmable(_ u: UInt16) -> Bool {
        switch u {
        case 0x20, 0x09, 0x0C, 0x0B, 0xA0, 0x202F, 0x2007, 0x3000, 0xFEFF, 0x200E, 0x200F, 0x061C:
            return true
        default:
            return false
        }
    }
}

/// A stretch of text as UTF-16 units, and whether each unit is a `Character` on its own.
///
/// The readers' tests were written on Strings (characters, canonical equivalence). When
/// `isSimple` holds they run on the units, which gives the same answers far faster; when it
/// does not (combining marks, Hangul, surrogates, …) they run on `string`, as before.
struct UnitText {
    let units: ArraySlice<UInt16>
    let isSimple: Bool

    var string: String { String(utf16Units: units) }
    var count: Int { units.count }
    var first: UInt16? { units.first }
    var isASCII: Bool { units.allSatisfy { $0 < 0x80 } }

    /// Where the units that are characters on their own start at the end of the text: a
    /// simple unit after a simple unit always begins a new character, so everything after
    /// the unit that follows the last non-simple unit is one character per unit.
    var tailFloor: Int {
        if isSimple { return units.startIndex }
        guard let last = units.lastIndex(where: { !Chars.isSimple($0) }) else { return units.startIndex }
        return min(last + 2, units.endIndex)
    }

    /// Where the units that are characters on their own end at the start of the text (the
    /// unit before the first non-simple unit may be joined to it).
    var headEnd: Int {
        if isSimple { return units.endIndex }
        guard let first = units.firstIndex(where: { !Chars.isSimple($0) }) else { return units.endIndex }
        return max(first - 1, units.startIndex)
    }

    /// Whether the text has at most `limit` characters (`String.count`), counted on units
    /// when bounds decide: a character holds at least one unit, and each simple unit after
    /// a simple unit (or first) begins one.
    func hasAtMost(_ limit: Int) -> Bool {
        if units.count <= limit { return true }
        if isSimple { return false }
        var lower = 0
        var previousSimple = true
        for u in units {
            let simple = Chars.isSimple(u)
            if simple && previousSimple { lower += 1 }
            previousSimple = simple
        }
        if lower > limit { return false }
        return string.count <= limit
    }
}

/// Small character tests shared by the readers; no regular expressions on this path.
enum Chars {
    static let superscriptDigits: [Character: Character] = [
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4",
        "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
    ]

    static func isSuperscriptDigit(_ u: UInt16) -> Bool {
        u == 0xB9 || u == 0xB2 || u == 0xB3 || u == 0x2070 || (u >= 0x2074 && u <= 0x2079)
    }

    /// `12` → `¹²`: how a footnote number is written as a marker.
    static func superscript(_ digits: String) -> String {
        let inverse = Dictionary(uniqueKeysWithValues: superscriptDigits.map { ($1, $0) })
        return String(digits.map { inverse[$0] ?? $0 })
    }

    /// 10 → X, 57 → LVII.
    static func roman(_ n: Int) -> String {
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n, out = ""
        for (value, letters) in table { while n >= value { out += letters; n -= value } }
        return out
    }

    static func superscriptValue(_ u: UInt16) -> UInt16 {
        switch u {
        case 0xB9: return 0x31
        case 0xB2: return 0x32
        case 0xB3: return 0x33
        case 0x2070: return 0x30
        default: return 0x30 + (u - 0x2070)
        }
    }

    static func isASCIIDigit(_ u: UInt16) -> Bool { u >= 0x30 && u <= 0x39 }

    /// A one-scalar character's digit value (the digits `digitValue(_: UInt16)` knows).
    static func digitValue(_ c: Character) -> Int? {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1, scalar.value <= 0xFFFF else { return nil }
        return digitValue(UInt16(scalar.value))
    }

    /// Leading digits of `text` (any of the digit sets above) as a number, with their length
    /// in characters.
    static func leadingNumber(_ text: Substring) -> (value: Int, length: Int)? {
        leadingNumber(text, digit: digitValue)
    }

    /// Up to six leading digits as a number, with how many there were.
    private static func leadingNumber<S: Sequence>(_ items: S, digit: (S.Element) -> Int?) -> (value: Int, length: Int)? {
        var value = 0
        var length = 0
        for item in items {
            guard let d = digit(item), length < 6 else { break }
            value = value * 10 + d
            length += 1
        }
        return length == 0 ? nil : (value, length)
    }

    /// The end of a paragraph: full stop, semicolon, colon and their CJK and Arabic forms,
    /// with closing quotes or brackets after them.
    static func endsHard(_ text: String) -> Bool {
        guard let last = lastSignificant(text) else { return false }
        return ".;:!?。；：！？؛…".contains(last)
    }

    /// A comma: preambular paragraphs end with one.
    static func endsSoft(_ text: String) -> Bool {
        guard let last = lastSignificant(text) else { return false }
        return ",،，、".contains(last)
    }

    private static func lastSignificant(_ text: String) -> Character? {
        var s = Substring(text)
        // A bare-digit footnote marker after the final punctuation (`Development,10`,
        // `Future. 16`) does not end the paragraph: the punctuation before it does.
        let digits = s.reversed().prefix { $0.isASCII && $0.isNumber }.count
        if digits >= 1, digits <= 3 {
            var rest = s.dropLast(digits)
            if rest.last == " " { rest = rest.dropLast() }
            if let l = rest.last, ".;:,".contains(l) { s = rest }
        }
        while let l = s.last, "\"”’»)]*」』）》 ".contains(l) || Chars.superscriptDigits[l] != nil { s.removeLast() }
        return s.last
    }

    /// Whether a UTF-16 unit is always a whole `Character` by itself, whatever stands
    /// around it, and equal (under Swift's canonical equivalence) to no other such unit.
    ///
    /// Scripts the corpus is written in, minus everything that can join a neighbour in a
    /// grapheme cluster (combining marks, Arabic harakat and number signs, ZWJ/ZWNJ,
    /// variation selectors, Hangul jamo and syllables, surrogates) and the few characters
    /// whose canonical form is another one (U+0374, U+037E Greek question mark = `;`,
    /// U+0387, U+2000, U+2001). Leaving a character out only sends a line to the slow path.
    /// Checked against the standard library for every unit in these ranges (breaks between
    /// any two of them, and no two equal as `Character`s).
    static func isSimple(_ u: UInt16) -> Bool {
        if u < 0x300 { return true }  // ASCII, Latin-1, Latin Extended A and B, IPA, spacing modifiers
        switch u {
        case 0x0370...0x0373, 0x0375...0x037D, 0x037F...0x0386, 0x0388...0x0482, 0x048A...0x052F:
            return true  // Greek and Cyrillic letters
        case 0x060C...0x060F, 0x061B, 0x061D...0x064A, 0x0660...0x066F, 0x0671...0x06D5, 0x06EE...0x06FF:
            return true  // Arabic letters, digits and punctuation
        case 0x2002...0x200A, 0x2010...0x2027, 0x202F...0x205E, 0x2070...0x20C0:
            return true  // spaces, dashes, quotes, super- and subscripts, currency signs
        case 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF9D:
            return true  // CJK punctuation, kana, ideographs, full-width forms
        default:
            return false
        }
    }

    /// A simple unit (`isSimple`) as the `Character` it is.
    static func character(_ u: UInt16) -> Character {
        Character(Unicode.Scalar(u) ?? "\u{FFFD}")
    }

    static func isLetter(_ u: UInt16) -> Bool {
        if u < 0x80 { return (u | 0x20) >= 0x61 && (u | 0x20) <= 0x7A }
        return character(u).isLetter
    }

    static func isNumber(_ u: UInt16) -> Bool {
        if u < 0x80 { return isASCIIDigit(u) }
        return character(u).isNumber
    }

    static func isUppercase(_ u: UInt16) -> Bool {
        if u < 0x80 { return u >= 0x41 && u <= 0x5A }
        return character(u).isUppercase
    }

    static func isLowercase(_ u: UInt16) -> Bool {
        if u < 0x80 { return u >= 0x61 && u <= 0x7A }
        return character(u).isLowercase
    }

    /// ASCII, Arabic-Indic, Eastern Arabic-Indic and full-width digits, as their value.
    static func digitValue(_ u: UInt16) -> Int? {
        switch u {
        case 0x30...0x39: return Int(u - 0x30)
        case 0x660...0x669: return Int(u - 0x660)
        case 0x6F0...0x6F9: return Int(u - 0x6F0)
        case 0xFF10...0xFF19: return Int(u - 0xFF10)
        default: return nil
        }
    }

    /// `leadingNumber` of simple units (the length in units, which are characters).
    static func leadingNumber(_ units: ArraySlice<UInt16>) -> (value: Int, length: Int)? {
        leadingNumber(units, digit: digitValue)
    }

    static func endsHard(_ text: UnitText) -> Bool { knownEndsHard(text) ?? endsHard(text.string) }
    static func endsSoft(_ text: UnitText) -> Bool { knownEndsSoft(text) ?? endsSoft(text.string) }
    static func startsLowercase(_ text: UnitText) -> Bool { knownStartsLowercase(text) ?? startsLowercase(text.string) }
    static func startsWithCasedLetter(_ text: UnitText) -> Bool {
        knownStartsWithCasedLetter(text) ?? startsWithCasedLetter(text.string)
    }

    /// `endsHard` when the units at the end of the text decide it, nil otherwise.
    static func knownEndsHard(_ text: UnitText) -> Bool? {
        switch lastSignificant(text) {
        case .found(0x2E), .found(0x3B), .found(0x3A), .found(0x21), .found(0x3F), .found(0x3002), .found(0xFF1B),
             .found(0xFF1A), .found(0xFF01), .found(0xFF1F), .found(0x061B), .found(0x2026): return true
        case .found, .none: return false
        case .unknown: return nil
        }
    }

    static func knownEndsSoft(_ text: UnitText) -> Bool? {
        switch lastSignificant(text) {
        case .found(0x2C), .found(0x060C), .found(0xFF0C), .found(0x3001): return true
        case .found, .none: return false
        case .unknown: return nil
        }
    }

    private enum Significant { case found(UInt16), none, unknown }

    /// `lastSignificant` on units, looking only at the units at the end that are characters
    /// on their own (`tailFloor`): `.unknown` when it would have to look further.
    private static func lastSignificant(_ text: UnitText) -> Significant {
        let s = text.units
        let start = s.startIndex
        let floor = text.tailFloor
        var end = s.endIndex
        var digitsStart = end
        while digitsStart > floor, isASCIIDigit(s[digitsStart - 1]) { digitsStart -= 1 }
        let digits = end - digitsStart
        if digits <= 3, digitsStart == floor, floor > start { return .unknown }  // the run may go on
        if digits >= 1, digits <= 3 {
            var rest = digitsStart
            if rest > start, rest == floor { return .unknown }
            if rest > start, s[rest - 1] == 0x20 { rest -= 1 }
            if rest > start, rest == floor { return .unknown }
            if rest > start, [0x2E, 0x3B, 0x3A, 0x2C].contains(s[rest - 1]) { end = rest }
        }
        while end > floor {
            switch s[end - 1] {
            // " ” ’ » ) ] * 」 』 ） 》 and space
            case 0x22, 0x201D, 0x2019, 0xBB, 0x29, 0x5D, 0x2A, 0x300D, 0x300F, 0xFF09, 0x300B, 0x20: end -= 1
            case let u where isSuperscriptDigit(u): end -= 1
            default: return .found(s[end - 1])
            }
        }
        return floor == start ? .none : .unknown
    }

    /// `startsLowercase` when the units at the start of the text decide it, nil otherwise.
    static func knownStartsLowercase(_ text: UnitText) -> Bool? {
        let end = text.headEnd
        for u in text.units[..<end] {
            if isLetter(u) { return isLowercase(u) }
            if isNumber(u) { return false }
        }
        return end == text.units.endIndex ? false : nil
    }

    static func knownStartsWithCasedLetter(_ text: UnitText) -> Bool? {
        let end = text.headEnd
        for u in text.units[..<end] {
            if isLetter(u) { return isUppercase(u) || isLowercase(u) }
            if isNumber(u) { return false }
        }
        return end == text.units.endIndex ? false : nil
    }

    /// True when the first letter of `text` is lower case (quotes and brackets skipped).
    static func startsLowercase(_ text: String) -> Bool {
        for c in text {
            if c.isLetter { return c.isLowercase }
            if c.isNumber { return false }
        }
        return false
    }

    static func startsWithCasedLetter(_ text: String) -> Bool {
        for c in text {
            if c.isLetter { return c.isUppercase || c.isLowercase }
            if c.isNumber { return false }
        }
        return false
    }
}
