/// What a match of a pattern must look like where it starts with a digit, read from the ICU
/// pattern: how many digits it starts with (`\b(?<day>\d{1,2})\s+…` — one or two) and which
/// ASCII characters may follow them (white space). The pre-scan tries a pattern whose matches
/// may start with a digit at every digit of the unit that begins a number; a number of four
/// digits, or one followed by `/` or `.`, cannot start a date of that form, and ICU's try there
/// (a thousand cycles and more for the long date patterns, most of them failing) is skipped.
///
/// Exact, as the rest of the pre-scan: a place is dropped only when no match can start there.
/// `\d{m,n}` takes between m and n digits; when what follows it cannot begin with a digit, it
/// must take the whole run of digits at the place, so the run has between m and n digits and
/// the character after it is one the rest of the pattern can begin with. Anything the reading
/// does not understand (a class with properties, a back reference, a literal digit) gives no
/// head, and the pattern is tried at every digit as before.
struct DigitHead: Sendable, Equatable {
    /// The fewest digits a match starting with a digit starts with, and the most (nil: any).
    var fewest: Int
    var most: Int?
    /// The ASCII characters that may follow those digits (bit `c` of `following.0` for c < 64,
    /// of `following.1` for the others)…
    var following: (UInt64, UInt64)
    /// … unless what follows may be a digit or nothing at all: then only `fewest` holds.
    var anyFollower: Bool
    /// Whether such a match may start right after a digit (false when every way to it passes
    /// `\b` or `(?<!\d)` first: a digit is a word character).
    var afterDigit: Bool = true
    /// What follows the white space after the digits, when every way on from them is white
    /// space and then a character that is none (`\d{1,2}\s+(?<month>…)`: a month's first
    /// letter; `\d{1,2}(?:er)?\s+(?<month>…)`: `e` or a month's).
    var spaced: Spaced?

    /// The characters a match may go on with after the digits and any white space.
    ///
    /// Exact as the head: every way on consumes white space only (ICU's `\s` or part of it)
    /// before a character of `then` (approximated from above), which holds no white space. So
    /// a match goes on from the end of the whole run of white space after the digits, with a
    /// character of `then`. How much white space each way takes is not read.
    struct Spaced: Sendable, Equatable {
        /// The ASCII characters (bits as `DigitHead.following`).
        var then: (UInt64, UInt64)
        /// For a letter among them, the ASCII characters that may come right after it (nil:
        /// not read): `\d{1,2}\s+(?:june|july|…)` goes on after `5 j` with `u` or `a`, not
        /// with the `o` of `5 journals`.
        var pairs: Pairs?

        static func == (a: Spaced, b: Spaced) -> Bool { a.then == b.then && a.pairs == b.pairs }

        /// Whether a match can go on from `start`, right after the digits.
        func admits(_ units: UnsafeBufferPointer<UInt16>, from start: Int) -> Bool {
            let space = HeadCharacters.space.bits.0
            var end = start
            while end < units.count, units[end] < 64, space & (1 << UInt64(units[end])) != 0 { end += 1 }
            // (The rest consumes a character.)
            guard end < units.count else { return false }
            let c = units[end]
            // Outside ASCII (a space ICU's `\s` holds, a letter whose case folds to ASCII):
            // ICU decides.
            if c >= 0x80 { return true }
            guard c < 64 ? then.0 & (1 << UInt64(c)) != 0 : then.1 & (1 << UInt64(c - 64)) != 0 else { return false }
            // The character after a letter (none: the text ends; outside ASCII: ICU decides).
            guard let pairs, let row = Pairs.row(c), end + 1 < units.count else { return true }
            let d = units[end + 1]
            return d >= 0x80 || pairs.admits(row: row, d)
        }
    }

    /// Per ASCII letter (either case), the ASCII characters that may follow it (bits as
    /// `DigitHead.following`).
    struct Pairs: Sendable, Equatable {
        /// Row `k` (the letter `a` + k): `bits[2k]` and `bits[2k + 1]`.
        var bits = [UInt64](repeating: 0, count: 52)

        /// The row of an ASCII letter (either case), nil for any other character.
        static func row(_ c: UInt16) -> Int? {
            let lower = c | 0x20
            return lower >= 0x61 && lower <= 0x7A ? Int(lower - 0x61) : nil
        }

        func admits(row: Int, _ d: UInt16) -> Bool {
            d < 64 ? bits[2 * row] & (1 << UInt64(d)) != 0 : bits[2 * row + 1] & (1 << UInt64(d - 64)) != 0
        }

        /// Every letter of `firsts` may be followed by a character of `seconds`.
        mutating func add(firsts: HeadCharacters, seconds: HeadCharacters) {
            for k in 0..<26 {
                let lower = UInt64(0x61 + k - 64), upper = UInt64(0x41 + k - 64)
                guard firsts.bits.1 & (1 << lower | 1 << upper) != 0 else { continue }
                bits[2 * k] |= seconds.bits.0
                bits[2 * k + 1] |= seconds.bits.1
            }
        }

        mutating func formUnion(_ other: Pairs) {
            for k in bits.indices { bits[k] |= other.bits[k] }
        }
    }

    static func == (a: DigitHead, b: DigitHead) -> Bool {
        a.fewest == b.fewest && a.most == b.most && a.following == b.following && a.anyFollower == b.anyFollower
            && a.afterDigit == b.afterDigit && a.spaced == b.spaced
    }

    /// Whether a match can start at `place` of `units`, where a run of `run` decimal digits
    /// (ICU's `\d`, BMP units: the scan's digits, `LiteralScanner.categories`) begins.
    func admits(_ units: UnsafeBufferPointer<UInt16>, at place: Int, run: Int, categories: UnsafeBufferPointer<UInt8>) -> Bool {
        if !afterDigit, place > 0, categories[Int(units[place - 1])] & 2 != 0 { return false }
        // More digits than the head takes: the rest would begin with a digit.
        if !anyFollower, let most, run > most { return false }
        let next = place + run
        // A character outside the BMP after the run may be a digit too: ICU decides. Any
        // other character ends the run of digits.
        if next < units.count, units[next] & 0xF800 == 0xD800 { return true }
        guard run >= fewest else { return false }
        if anyFollower { return true }
        guard next < units.count else { return false }
        let c = units[next]
        // Outside ASCII (a space, a letter whose case folds to ASCII): ICU decides.
        if c >= 0x80 { return true }
        guard c < 64 ? following.0 & (1 << UInt64(c)) != 0 : following.1 & (1 << UInt64(c - 64)) != 0 else { return false }
        return spaced?.admits(units, from: next) ?? true
    }

    /// The head of `pattern`'s matches that start with a digit; nil when the reading cannot
    /// tell (or no match starts with one).
    static func of(_ pattern: String) -> DigitHead? {
        var parser = HeadParser(Array(pattern.unicodeScalars))
        let alternatives = parser.alternation()
        guard !parser.failed, parser.i == parser.s.count else { return nil }
        var walk = HeadWalk()
        let top = HeadParser.Atom(node: .group(alternatives), min: 1, max: 1)
        guard case .head(let head) = walk.heads([HeadWalk.Frame(atoms: [top], index: 0)]), !walk.exhausted else { return nil }
        return head
    }

    /// As numbers for the rule cache's table: fewest, most + 1 (0: any), any follower (0/1),
    /// after a digit (0/1), the 128 bits in eight numbers of 16; then whether there is a
    /// `spaced` (0/1) and its 128 bits in eight; then whether it has `pairs` (0/1) and their
    /// 52 words of 64 bits in 208 numbers.
    var encoded: [Int] {
        func words(_ values: [UInt64]) -> [Int] {
            values.flatMap { word in (0..<4).map { Int((word >> UInt64(16 * $0)) & 0xFFFF) } }
        }
        return [fewest, most.map { $0 + 1 } ?? 0, anyFollower ? 1 : 0, afterDigit ? 1 : 0]
            + words([following.0, following.1]) + [spaced == nil ? 0 : 1] + words([spaced?.then.0 ?? 0, spaced?.then.1 ?? 0])
            + [spaced?.pairs == nil ? 0 : 1] + words(spaced?.pairs?.bits ?? [UInt64](repeating: 0, count: 52))
    }

    init(fewest: Int, most: Int?, following: (UInt64, UInt64), anyFollower: Bool, afterDigit: Bool = true, spaced: Spaced? = nil) {
        (self.fewest, self.most, self.following, self.anyFollower, self.afterDigit, self.spaced) =
            (fewest, most, following, anyFollower, afterDigit, spaced)
    }

    static let encodedCount = 230

    init?(encoded numbers: ArraySlice<Int>) {
        guard numbers.count == Self.encodedCount else { return nil }
        let n = Array(numbers)
        guard n[0] >= 1, n[1] == 0 || n[1] > n[0], n[2] <= 1, n[3] <= 1, n[12] >= 0, n[12] <= 1, n[21] >= 0, n[21] <= 1,
              n[4..<12].allSatisfy({ $0 >= 0 && $0 <= 0xFFFF }), n[13..<21].allSatisfy({ $0 >= 0 && $0 <= 0xFFFF }),
              n[22...].allSatisfy({ $0 >= 0 && $0 <= 0xFFFF }) else { return nil }
        func word(_ at: Int) -> UInt64 { (0..<4).reduce(0) { $0 | UInt64(n[at + $1]) << UInt64(16 * $1) } }
        let pairs = n[21] == 1 ? Pairs(bits: (0..<52).map { word(22 + 4 * $0) }) : nil
        self.init(fewest: n[0], most: n[1] == 0 ? nil : n[1] - 1, following: (word(4), word(8)), anyFollower: n[2] == 1,
                  afterDigit: n[3] == 1, spaced: n[12] == 1 ? Spaced(then: (word(13), word(17)), pairs: pairs) : nil)
    }
}

/// The characters an atom may consume first: ASCII ones as bits, and whether it may be a
/// decimal digit (of any script).
struct HeadCharacters {
    var bits: (UInt64, UInt64) = (0, 0)
    var digit = false
    /// Whether it holds a character whose case folding is more than one unit: in a
    /// case-insensitive pattern a literal `ß` matches `ss`, so the character after it in the
    /// text may be its own.
    var wide = false

    static let anything = HeadCharacters(bits: (~0, ~0), digit: true, wide: true)
    /// ICU's `\s` (`\p{White_Space}`), its ASCII part and more (U+001C–U+001F).
    static let space: HeadCharacters = {
        var set = HeadCharacters()
        for c in [9, 10, 11, 12, 13, 28, 29, 30, 31, 32] { set.insert(UInt32(c)) }
        return set
    }()

    mutating func insert(_ c: UInt32) {
        guard c < 0x80 else {
            // A character outside ASCII: its case may fold to ASCII letters (K, ſ, ﬁ); it may
            // be a digit.
            if Unicode.Scalar(c)?.properties.numericType == .decimal { digit = true }
            for letter in UInt32(0x41)...0x5A { insert(letter) }
            if c > 0xFFFF || LiteralScanner.foldTable[Int(c)] == LiteralScanner.unsafe { wide = true }
            return
        }
        if c >= 0x30 && c <= 0x39 { digit = true }
        if c < 64 { bits.0 |= 1 << UInt64(c) } else { bits.1 |= 1 << UInt64(c - 64) }
        // Either case of a letter (ICU's case-insensitive matching).
        if (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) {
            let other = c ^ 0x20
            if other < 64 { bits.0 |= 1 << UInt64(other) } else { bits.1 |= 1 << UInt64(other - 64) }
        }
    }

    /// Whether the set holds white space only (ASCII's, as `space`'s bits).
    var isSpace: Bool { !digit && bits.1 == 0 && bits.0 != 0 && bits.0 & ~Self.space.bits.0 == 0 }

    mutating func formUnion(_ other: HeadCharacters) {
        bits.0 |= other.bits.0
        bits.1 |= other.bits.1
        digit = digit || other.digit
        wide = wide || other.wide
    }
}

/// The ICU pattern as atoms, enough to say what a match starts with: character sets (what
/// they may match, approximated from above), `\d`, groups, and assertions (which consume
/// nothing, and are read as matching anywhere).
struct HeadParser {
    indirect enum Node {
        case characters(HeadCharacters)
        case digit
        case group([[Atom]])
        case assertion
        /// `\b` or `(?<!\d)`: no digit just before (a digit is a word character).
        case notAfterDigit
    }
    struct Atom {
        var node: Node
        var min: Int
        var max: Int?
    }

    let s: [Unicode.Scalar]
    var i = 0
    var failed = false

    init(_ s: [Unicode.Scalar]) { self.s = s }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? { i + offset < s.count ? s[i + offset] : nil }

    mutating func alternation() -> [[Atom]] {
        var alternatives = [sequence()]
        while !failed, peek() == "|" {
            i += 1
            alternatives.append(sequence())
        }
        return alternatives
    }

    mutating func sequence() -> [Atom] {
        var atoms = [Atom]()
        while !failed, let c = peek(), c != "|", c != ")" {
            guard let node = atom() else { failed = true; return atoms }
            guard let (min, max) = quantifier() else { failed = true; return atoms }
            atoms.append(Atom(node: node, min: min, max: max))
        }
        return atoms
    }

    /// One atom at `i`; nil when the reading gives up.
    mutating func atom() -> Node? {
        guard let c = peek() else { return nil }
        switch c {
        case "(": return group()
        case "[": return characterClass()
        case "\\":
            i += 1
            guard let e = peek() else { return nil }
            i += 1
            switch e {
            case "d": return .digit
            case "s": return .characters(.space)
            case "b": return .notAfterDigit
            case "B", "A", "z", "Z", "G": return .assertion
            case "p", "P", "N":
                if peek() == "{" { guard skip(past: "}") else { return nil } } else { i += 1 }
                return .characters(.anything)
            case "D", "S", "w", "W", "X", "h", "H", "v", "V", "R": return .characters(.anything)
            case "x", "u", "U":
                guard let value = escapedValue(e) else { return nil }
                var set = HeadCharacters()
                set.insert(value)
                return .characters(set)
            case "t", "n", "r", "f", "e", "a":
                var set = HeadCharacters()
                set.insert(["t": 9, "n": 10, "r": 13, "f": 12, "e": 27, "a": 7][e]!)
                return .characters(set)
            case "k":
                // A back reference by name: anything, or nothing.
                guard skip(past: ">") else { return nil }
                return .group([[], [Atom(node: .characters(.anything), min: 1, max: nil)]])
            case "1"..."9":
                while let d = peek(), ("0"..."9").contains(d) { i += 1 }
                return .group([[], [Atom(node: .characters(.anything), min: 1, max: nil)]])
            default:
                // Quoting, octal, control letters and unknown letters: not read.
                guard !e.properties.isAlphabetic, !("0"..."9").contains(e) else { return nil }
                var set = HeadCharacters()
                set.insert(e.value)
                return .characters(set)
            }
        case ".": i += 1; return .characters(.anything)
        case "^", "$": i += 1; return .assertion
        case "*", "+", "?", "{": return nil
        default:
            i += 1
            var set = HeadCharacters()
            set.insert(c.value)
            return .characters(set)
        }
    }

    /// A group at `(`: its alternatives, or an assertion for a look-around, a comment or a
    /// flag setting.
    mutating func group() -> Node? {
        i += 1
        var assertion = false
        if peek() == "?" {
            i += 1
            switch peek() {
            case ":", ">": i += 1
            case "=", "!": i += 1; assertion = true
            case "#": return skip(past: ")") ? .assertion : nil
            case "<":
                if peek(1) == "!", peek(2) == "\\", peek(3) == "d", peek(4) == ")" {
                    i += 5
                    return .notAfterDigit
                }
                if peek(1) == "=" || peek(1) == "!" { i += 2; assertion = true } else { guard skip(past: ">") else { return nil } }
            default:
                // Flags: (?i) (?-i:…); free spacing (x) changes what a literal is.
                var flags = [Unicode.Scalar]()
                while let f = peek(), f != ":", f != ")" { flags.append(f); i += 1 }
                guard !flags.contains("x"), flags.allSatisfy({ "imsw-".unicodeScalars.contains($0) }), let end = peek() else { return nil }
                i += 1
                if end == ")" { return .assertion }
            }
        }
        let inner = alternation()
        guard !failed, peek() == ")" else { return nil }
        i += 1
        return assertion ? .assertion : .group(inner)
    }

    /// A bracket class: its ASCII members (both cases), or anything when it holds more than
    /// plain members, ranges and the escapes read here (negation, properties, nested sets).
    mutating func characterClass() -> Node? {
        i += 1
        var set = HeadCharacters()
        var understood = true
        if peek() == "^" { understood = false; i += 1 }
        if peek() == "]" { return nil }  // `[]…]`: not worth reading
        var depth = 1
        var previous: UInt32?
        var range = false
        while let c = peek(), depth > 0 {
            i += 1
            var value: UInt32?
            switch c {
            case "[": depth += 1; understood = false
            case "]": depth -= 1
            case "\\":
                guard let e = peek() else { return nil }
                i += 1
                switch e {
                case "s": set.formUnion(.space)
                case "d": set.formUnion(HeadCharacters(bits: (0x03FF_0000_0000_0000, 0), digit: true))
                case "x", "u", "U":
                    guard let v = escapedValue(e) else { return nil }
                    value = v
                case "t": value = 9
                case "n": value = 10
                case "r": value = 13
                case "f": value = 12
                default:
                    if e.properties.isAlphabetic || ("0"..."9").contains(e) {
                        understood = false
                        if (e == "p" || e == "P" || e == "N"), peek() == "{" { guard skip(past: "}") else { return nil } }
                    } else {
                        value = e.value
                    }
                }
            case "-":
                if previous != nil, !range, peek() != "]" {
                    range = true
                    continue
                }
                // A hyphen first or last is itself; elsewhere (after a range, `--`) the set
                // is not read.
                if previous == nil, s[i - 2] != "[", peek() != "]" { understood = false } else { value = c.value }
            case "&" where peek() == "&":
                understood = false
            default:
                value = c.value
            }
            if depth == 0 { break }
            if let value {
                if range, let low = previous {
                    guard low <= value else { return nil }
                    if value - low > 0x100 { understood = false } else { for v in low...value { set.insert(v) } }
                    previous = nil
                } else {
                    set.insert(value)
                    previous = value
                }
            } else {
                previous = nil
            }
            range = false
        }
        guard depth == 0, !range else { return nil }
        return .characters(understood ? set : .anything)
    }

    /// `\x{…}`, `\xhh`, `\uhhhh`, `\Uhhhhhhhh` after the letter: the code point.
    mutating func escapedValue(_ e: Unicode.Scalar) -> UInt32? {
        var digits = [Unicode.Scalar]()
        if e == "x", peek() == "{" {
            i += 1
            while let d = peek(), d != "}" { digits.append(d); i += 1 }
            guard peek() == "}" else { return nil }
            i += 1
        } else {
            let count = e == "x" ? 2 : e == "u" ? 4 : 8
            for _ in 0..<count {
                guard let d = peek() else { return nil }
                digits.append(d)
                i += 1
            }
        }
        guard !digits.isEmpty, digits.count <= 8, let value = UInt32(String(String.UnicodeScalarView(digits)), radix: 16),
              value <= 0x10FFFF else { return nil }
        return value
    }

    /// A quantifier after an atom (none: once); nil when it cannot be read.
    mutating func quantifier() -> (Int, Int?)? {
        var bounds: (Int, Int?) = (1, 1)
        switch peek() {
        case "?": bounds = (0, 1); i += 1
        case "*": bounds = (0, nil); i += 1
        case "+": bounds = (1, nil); i += 1
        case "{":
            guard let d = peek(1), ("0"..."9").contains(d) else { return bounds }  // a literal brace
            i += 1
            func number() -> Int? {
                var value = 0, any = false
                while let c = peek(), ("0"..."9").contains(c), value < 100_000 {
                    value = value * 10 + Int(c.value - 48)
                    any = true
                    i += 1
                }
                return any ? value : nil
            }
            guard let low = number() else { return nil }
            var high: Int? = low
            if peek() == "," {
                i += 1
                high = number()
            }
            guard peek() == "}" else { return nil }
            i += 1
            if let h = high, h < low { return nil }
            bounds = (low, high)
        default:
            return bounds
        }
        if peek() == "?" || peek() == "+" { i += 1 }
        return bounds
    }

    mutating func skip(past end: Unicode.Scalar) -> Bool {
        while let c = peek() {
            i += 1
            if c == end { return true }
        }
        return false
    }
}

/// The walk from a pattern's start through everything that may consume nothing, to each
/// atom that consumes a first character: a digit atom gives a head, a set that may hold a
/// digit gives none (any number of digits), the others no digit start.
struct HeadWalk {
    struct Frame {
        var atoms: [HeadParser.Atom]
        var index: Int
    }
    enum Result {
        case none
        case head(DigitHead)
        case unbounded

        func merged(_ other: Result) -> Result {
            switch (self, other) {
            case (.none, _): return other
            case (_, .none): return self
            case (.unbounded, _), (_, .unbounded): return .unbounded
            case (.head(let a), .head(let b)):
                return .head(DigitHead(fewest: min(a.fewest, b.fewest),
                                       most: a.most.flatMap { x in b.most.map { Swift.max(x, $0) } },
                                       following: (a.following.0 | b.following.0, a.following.1 | b.following.1),
                                       anyFollower: a.anyFollower || b.anyFollower,
                                       afterDigit: a.afterDigit || b.afterDigit,
                                       spaced: a.spaced.flatMap { x in b.spaced.map { y in
                                           var pairs = x.pairs
                                           if let other = y.pairs { pairs?.formUnion(other) } else { pairs = nil }
                                           return DigitHead.Spaced(then: (x.then.0 | y.then.0, x.then.1 | y.then.1), pairs: pairs)
                                       } }))
            }
        }
    }

    /// Steps left before the walk gives up (patterns whose optional parts branch without end).
    var budget = 20_000
    var exhausted: Bool { budget <= 0 }

    /// The next atom of the continuation `frames` (innermost last), and what follows it.
    static func next(_ frames: [Frame]) -> (HeadParser.Atom, [Frame])? {
        var frames = frames
        while let last = frames.last {
            if last.index < last.atoms.count {
                frames[frames.count - 1].index += 1
                return (last.atoms[last.index], frames)
            }
            frames.removeLast()
        }
        return nil
    }

    /// The characters the continuation may begin with, and whether it may match nothing.
    /// `spacesConsumeNothing`: a set of white space only (`\s`, ` `) is read as matching
    /// nothing (`spaced`).
    mutating func first(_ frames: [Frame], spacesConsumeNothing: Bool = false) -> (characters: HeadCharacters, nullable: Bool) {
        var characters = HeadCharacters()
        var frames = frames
        while let (atom, rest) = Self.next(frames) {
            budget -= 1
            guard budget > 0 else { return (.anything, true) }
            frames = rest
            let (atomCharacters, atomNullable) = first(atom, spacesConsumeNothing: spacesConsumeNothing)
            characters.formUnion(atomCharacters)
            if !atomNullable { return (characters, false) }
        }
        return (characters, true)
    }

    mutating func first(_ atom: HeadParser.Atom, spacesConsumeNothing: Bool = false) -> (HeadCharacters, Bool) {
        if atom.max == 0 { return (HeadCharacters(), true) }
        switch atom.node {
        case .assertion, .notAfterDigit: return (HeadCharacters(), true)
        case .characters(let set) where spacesConsumeNothing && set.isSpace: return (HeadCharacters(), true)
        case .characters(let set): return (set, atom.min == 0)
        case .digit: return (HeadCharacters(bits: (0x03FF_0000_0000_0000, 0), digit: true), atom.min == 0)
        case .group(let alternatives):
            var characters = HeadCharacters()
            var nullable = atom.min == 0
            for alternative in alternatives {
                let (c, n) = first([Frame(atoms: alternative, index: 0)], spacesConsumeNothing: spacesConsumeNothing)
                characters.formUnion(c)
                nullable = nullable || n
            }
            return (characters, nullable)
        }
    }

    /// What the continuation after the digits goes on with after any white space
    /// (`DigitHead.Spaced`): its first characters with every set of white space read as
    /// consuming nothing. Nil when it may be nothing, a digit or white space.
    mutating func spaced(_ frames: [Frame]) -> DigitHead.Spaced? {
        let (then, nullable) = first(frames, spacesConsumeNothing: true)
        guard !nullable, !then.digit, then.bits.0 & HeadCharacters.space.bits.0 == 0 else { return nil }
        // The second letter's reading has a budget of its own: giving it up leaves the head
        // and the first character as they were.
        let saved = budget
        budget = HeadWalk().budget
        var pairs = DigitHead.Pairs()
        let read = seconds(frames, into: &pairs) && !exhausted
        budget = saved
        return DigitHead.Spaced(then: then.bits, pairs: read ? pairs : nil)
    }

    /// Adds to `pairs`, for each way on, the first character after the white space (as
    /// `spaced` reads it) with the characters that may come right after it: what the rest of
    /// the way begins with (white space included), anything where the way may end there or
    /// where the first character's atom holds a character whose case folding is more than one
    /// unit (a literal `ß` matches `ss`). False when the reading gives up.
    mutating func seconds(_ frames: [Frame], into pairs: inout DigitHead.Pairs) -> Bool {
        budget -= 1
        guard budget > 0 else { return false }
        // (A way that ends consumed no first character: no pair.)
        guard let (atom, rest) = Self.next(frames) else { return true }
        if atom.max == 0 { return seconds(rest, into: &pairs) }
        // Where the atom repeats: the atom again, then what follows it.
        func again(min: Int) -> [Frame] {
            guard atom.max.map({ $0 > 1 }) ?? true else { return rest }
            return rest + [Frame(atoms: [HeadParser.Atom(node: atom.node, min: min, max: atom.max)], index: 0)]
        }
        switch atom.node {
        case .assertion, .notAfterDigit:
            return seconds(rest, into: &pairs)
        case .characters(let set) where set.isSpace:
            return seconds(rest, into: &pairs)
        case .characters(let set):
            let (next, nullable) = first(again(min: Swift.max(0, atom.min - 1)))
            pairs.add(firsts: set, seconds: set.wide || nullable ? .anything : next)
            return atom.min == 0 ? seconds(rest, into: &pairs) : true
        case .digit:
            return false
        case .group(let alternatives):
            let after = again(min: 0)
            for alternative in alternatives {
                guard seconds(after + [Frame(atoms: alternative, index: 0)], into: &pairs) else { return false }
            }
            return atom.min == 0 ? seconds(rest, into: &pairs) : true
        }
    }

    /// What the matches of the continuation that start with a digit start with;
    /// `notAfterDigit`: the way here passed `\b` or `(?<!\d)` (at the match's start: nothing
    /// is consumed before the first character).
    mutating func heads(_ frames: [Frame], notAfterDigit: Bool = false) -> Result {
        budget -= 1
        guard budget > 0, let (atom, rest) = Self.next(frames) else { return budget > 0 ? .none : .unbounded }
        var result = Result.none
        if atom.max != 0 {
            switch atom.node {
            case .assertion:
                return heads(rest, notAfterDigit: notAfterDigit)
            case .notAfterDigit:
                // (`\b?` asserts nothing.)
                return heads(rest, notAfterDigit: notAfterDigit || atom.min >= 1)
            case .digit:
                // What follows may be a digit, or nothing: the head then says only how few
                // digits a match takes.
                let (following, nullable) = first(rest)
                let anyFollower = following.digit || nullable
                result = .head(DigitHead(fewest: Swift.max(atom.min, 1), most: atom.max,
                                         following: anyFollower ? HeadCharacters.anything.bits : following.bits,
                                         anyFollower: anyFollower, afterDigit: !notAfterDigit,
                                         spaced: anyFollower ? nil : spaced(rest)))
            case .characters(let set):
                if set.digit { result = .unbounded }
            case .group(let alternatives):
                // Inside the group, then (when it repeats) the group again or what follows it.
                var after = rest
                if atom.max.map({ $0 > 1 }) ?? true {
                    after.append(Frame(atoms: [HeadParser.Atom(node: atom.node, min: 0, max: atom.max)], index: 0))
                }
                for alternative in alternatives {
                    result = result.merged(heads(after + [Frame(atoms: alternative, index: 0)], notAfterDigit: notAfterDigit))
                    if case .unbounded = result { return result }
                }
            }
        }
        if atom.min == 0 { result = result.merged(heads(rest, notAfterDigit: notAfterDigit)) }
        return result
    }
}
