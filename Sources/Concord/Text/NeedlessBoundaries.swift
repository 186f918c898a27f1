/// The letter boundaries of a pattern that its own neighbouring elements already decide, left
/// out of the form ICU compiles.
///
/// The rules write a boundary at each end of a word group or keyword (`(?<![\p{L}\p{N}])`,
/// Arabic's `{pre}` and `{end}`: `(?![\p{L}\p{M}])`), and ICU builds a set of some hundred
/// thousand code points for each one it compiles: about 0.2 million instructions a boundary,
/// most of the time ICU takes to compile a language's patterns, paid again by every process.
/// Many of them stand where the pattern itself allows only white space, punctuation or (for a
/// boundary without numbers) a digit: `{resolution}\s+`, `{end})\s*[,،]`, `\s+(?:{pre}…)`.
///
/// - A negative look-ahead of letters `(?!X)` is true wherever the next element of the pattern
///   that consumes a character can only consume one outside X: where it holds, the match
///   goes on exactly as without it; where it fails, the next element fails on the same
///   character, and the match backtracks exactly as from the look-ahead. So it is left out.
///   (Not inside an atomic group or a possessive quantifier: there the later failure could no
///   longer backtrack into what the group committed to.)
/// - A negative look-behind `(?<!X)` is true wherever every way to reach it consumed, just
///   before, a character outside X: left out too.
///
/// What "outside X" means here: X is a class of letters, marks and numbers only (`\p{L}`,
/// `\p{M}`, `\p{N}`, …, U+0345, U+0640), and a character is outside it when it is white space,
/// punctuation, a symbol or a control (read from each literal, escape and class of the
/// pattern), or a decimal digit when X holds no numbers. Anything else (a letter, `.`, `\w`, a
/// property, a range, a back-reference) is unknown, and a boundary next to it stays. A pattern
/// this reader does not know (`\Q…\E`, the `x` flag, a malformed interval) is left whole.
///
/// The pre-scan and the Hyperscan pass read the pattern with every boundary (`analysed`); the
/// matches are the same. `BoundaryFormTests` compares every language's compiled patterns with
/// their full forms on real text, match by match and group by group; `NeedlessBoundariesTests`
/// checks which boundaries go and which stay.
enum NeedlessBoundaries {
    /// The pattern without the boundaries its neighbours decide (the same pattern when none).
    static func removed(from pattern: String) -> String {
        let bytes = Array(pattern.utf8)
        guard let cuts = cuts(in: bytes), !cuts.isEmpty else { return pattern }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var at = 0
        for cut in cuts.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            out += bytes[at..<cut.lowerBound]
            at = cut.upperBound
        }
        out += bytes[at...]
        return String(decoding: out, as: UTF8.self)
    }

    /// How many boundaries `removed(from:)` leaves out of `pattern`.
    static func count(in pattern: String) -> Int {
        cuts(in: Array(pattern.utf8))?.count ?? 0
    }

    /// Where the boundaries to leave out are written (they never overlap: a boundary holds
    /// none); nil when the pattern holds what this reader does not know.
    private static func cuts(in bytes: [UInt8]) -> [Range<Int>]? {
        // No `\p{L…}` class, no boundary: most patterns of a language without word breaks.
        guard contains(bytes, Array(#"[\p{L"#.utf8)) else { return [] }
        var parser = Parser(bytes: bytes)
        guard let top = parser.parseAll() else { return nil }
        var cuts = [Range<Int>]()
        Walker(tree: parser.tree).walk(top, before: nil, after: nil, opaque: false, into: &cuts)
        return cuts
    }

    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var k = 0
        while k + needle.count <= bytes.count {
            if bytes[k] == first, bytes[k..<(k + needle.count)].elementsEqual(needle) { return true }
            k += 1
        }
        return false
    }

    // MARK: What a character can be

    /// The kinds of character an element can consume, as far as a boundary cares (nil where
    /// the analysis does not know, or a letter may be consumed).
    struct Kinds: OptionSet {
        let rawValue: UInt8
        /// A decimal digit (`\d`, `0`–`9`): a number.
        static let digit = Kinds(rawValue: 1)
        /// Neither letter, mark nor number: white space, punctuation, a symbol, a control.
        static let other = Kinds(rawValue: 2)
    }

    /// The kinds of one code point written in the pattern: other, digit, or nil (a letter, a
    /// mark, another number, or a character too recent to be sure ICU's Unicode sees it alike).
    static func kinds(of value: UInt32) -> Kinds? {
        if value < 0x80 {
            let c = UInt8(value)
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") { return .digit }
            let letter = (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z")
            return letter ? nil : .other
        }
        // The letters the rules write most (Arabic, CJK, Cyrillic, Latin with accents): unknown
        // at once, as their properties would say (looked up, a fifth of the analysis).
        switch value {
        case 0x0621...0x064A, 0x4E00...0x9FFF, 0x0400...0x0481, 0x048A...0x052F, 0x00C0...0x00D6, 0x00D8...0x00F6, 0x00F8...0x024F:
            return nil
        default: break
        }
        guard let scalar = Unicode.Scalar(value), let age = scalar.properties.age, age.major <= 10 else { return nil }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .spaceSeparator, .lineSeparator, .paragraphSeparator, .control,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return .other
        default:
            return nil
        }
    }

    // MARK: The pattern as a tree

    enum GroupKind: UInt8 { case plain, atomic, lookahead, lookbehind }

    /// One element of a branch: a character, a class, an anchor or a group, with its
    /// quantifier and where it is written. Plain values (no reference counted), as the
    /// analysis reads thousands of them for each pattern.
    struct Element {
        enum Tag: UInt8 { case literal, atom, anchor, group }
        var tag: Tag
        /// A literal's code point; an atom's kinds (`unknown`: not known); a group's index.
        var value: UInt32
        /// An atom that is a boundary's class of letters, marks and numbers: 1 when it holds
        /// numbers, 0 when not; -1 for any other.
        var letters: Int8 = -1
        var possessive = false
        var min: Int32 = 1
        /// -1: no upper bound.
        var max: Int32 = 1
        /// Where it is written, quantifier included.
        var start: Int32, end: Int32

        static let unknown: UInt32 = 0xFF

        var once: Bool { min == 1 && max == 1 && !possessive }
        var repeats: Bool { max < 0 || max > 1 }
        var range: Range<Int> { Int(start)..<Int(end) }
    }

    /// A group: its kind, where its alternatives are (`Tree.branches`), and what the analysis
    /// needs of it, worked out when it closes (its inner groups closed before it).
    struct Group {
        var kind: GroupKind
        var capturing: Bool
        /// For a look-around: negative (`(?!`, `(?<!`).
        var negative: Bool
        /// Its alternatives: `Tree.branches[firstBranch..<(firstBranch + branchCount)]`.
        var firstBranch: Int32 = 0, branchCount: Int32 = 0
        /// Consumes nothing: a look-around, or a group of look-arounds and anchors only.
        var zeroWidth = false
        /// May match the empty string.
        var nullable = false
        /// The kinds of the first and last characters of a non-empty match (nil: unknown).
        var first: Kinds? = nil, last: Kinds? = nil

        var isLookaround: Bool { kind == .lookahead || kind == .lookbehind }
        var branchIndices: Range<Int> { Int(firstBranch)..<Int(firstBranch + branchCount) }
    }

    /// A pattern read: every element in one array, each alternative a run of it, each group
    /// by index (plain values, no array of its own: the analysis reads tens of thousands of
    /// elements for a language's patterns).
    struct Tree {
        var elements = [Element]()
        var branches = [Range<Int>]()
        var groups = [Group]()
    }

    // MARK: The analysis

    struct Walker {
        let tree: Tree

        func zeroWidth(_ e: Element) -> Bool {
            switch e.tag {
            case .anchor: return true
            case .group: return tree.groups[Int(e.value)].zeroWidth
            case .literal, .atom: return false
            }
        }

        func nullable(_ e: Element) -> Bool {
            if e.min == 0 { return true }
            switch e.tag {
            case .anchor: return true
            case .group: return tree.groups[Int(e.value)].nullable
            case .literal, .atom: return false
            }
        }

        /// The kinds of the first (`fromStart`) or last character the element consumes.
        func kinds(_ e: Element, fromStart: Bool) -> Kinds? {
            switch e.tag {
            case .literal: return NeedlessBoundaries.kinds(of: e.value)
            case .atom: return e.value == Element.unknown ? nil : Kinds(rawValue: UInt8(e.value))
            case .anchor: return Kinds()
            case .group: return fromStart ? tree.groups[Int(e.value)].first : tree.groups[Int(e.value)].last
            }
        }

        /// The kinds of the next character consumed from `elements[start..<end]` on (the rest
        /// of a branch), `then` being what follows the branch (nil: unknown).
        func first(from start: Int, to end: Int, then: Kinds?) -> Kinds? {
            edge(start..<end, forward: true, then: then)
        }

        /// The kinds of the character consumed last in `elements[start..<end]` (the start of
        /// a branch), `then` being what precedes the branch (nil: unknown).
        func last(from start: Int, to end: Int, then: Kinds?) -> Kinds? {
            edge(start..<end, forward: false, then: then)
        }

        /// The kinds of the character consumed nearest the start (`forward`) or the end of
        /// `elements[range]`: the elements read from that side while they may match nothing,
        /// and `then` (what lies beyond) when all may.
        private func edge(_ range: Range<Int>, forward: Bool, then: Kinds?) -> Kinds? {
            var kinds = Kinds()
            for i in 0..<range.count {
                let element = tree.elements[forward ? range.lowerBound + i : range.upperBound - 1 - i]
                if zeroWidth(element) { continue }
                guard let f = self.kinds(element, fromStart: forward) else { return nil }
                kinds.formUnion(f)
                if !nullable(element) { return kinds }
            }
            guard let then else { return nil }
            return kinds.union(then)
        }

        /// A boundary: a negative look-around of one class of letters, once (possibly wrapped
        /// in a non-capturing group such as `(?-i:…)`, alone in it); nil otherwise.
        func boundary(_ element: Element) -> (ahead: Bool, numbers: Bool)? {
            guard element.once, element.tag == .group else { return nil }
            let group = tree.groups[Int(element.value)]
            guard !group.capturing, group.branchCount == 1 else { return nil }
            let inside = tree.branches[Int(group.firstBranch)]
            if group.kind == .plain {
                return inside.count == 1 ? boundary(tree.elements[inside.lowerBound]) : nil
            }
            guard group.isLookaround, group.negative, let numbers = letterClass(inside) else { return nil }
            return (group.kind == .lookahead, numbers)
        }

        /// Whether a branch is exactly one class of letters (once, possibly in a non-capturing
        /// group): whether it holds numbers, or nil.
        private func letterClass(_ branch: Range<Int>) -> Bool? {
            guard branch.count == 1 else { return nil }
            let element = tree.elements[branch.lowerBound]
            guard element.once else { return nil }
            switch element.tag {
            case .atom: return element.letters < 0 ? nil : element.letters == 1
            case .group:
                let group = tree.groups[Int(element.value)]
                guard group.kind == .plain, !group.capturing, group.branchCount == 1 else { return nil }
                return letterClass(tree.branches[Int(group.firstBranch)])
            case .literal, .anchor: return nil
            }
        }

        /// Collects the boundaries of the group at `index` that their neighbours decide.
        /// `before` / `after`: the kinds of what precedes / follows the group (nil: unknown);
        /// `opaque`: inside an atomic group or a possessive quantifier, where no look-ahead is
        /// left out.
        func walk(_ index: Int, before: Kinds?, after: Kinds?, opaque: Bool, into cuts: inout [Range<Int>]) {
            for b in tree.groups[index].branchIndices {
                let branch = tree.branches[b]
                for k in branch where tree.elements[k].tag == .group {
                    let element = tree.elements[k]
                    if let boundary = boundary(element) {
                        if boundary.ahead {
                            if !opaque, outside(first(from: k + 1, to: branch.upperBound, then: after), numbers: boundary.numbers) {
                                cuts.append(element.range)
                            }
                        } else if outside(last(from: branch.lowerBound, to: k, then: before), numbers: boundary.numbers) {
                            cuts.append(element.range)
                        }
                        continue
                    }
                    let group = tree.groups[Int(element.value)]
                    guard !group.isLookaround else { continue }
                    var preceding = last(from: branch.lowerBound, to: k, then: before)
                    var following = first(from: k + 1, to: branch.upperBound, then: after)
                    if element.repeats {
                        // A repeated group: its previous or next round may stand beside it.
                        preceding = preceding.flatMap { p in group.last.map { p.union($0) } }
                        following = following.flatMap { f in group.first.map { f.union($0) } }
                    }
                    walk(Int(element.value), before: preceding, after: following,
                         opaque: opaque || group.kind == .atomic || element.possessive, into: &cuts)
                }
            }
        }

        /// Whether `group` consumes nothing, may match the empty string, and the kinds of the
        /// first and last characters of its non-empty matches (its inner groups known).
        func summary(of group: Group) -> (zeroWidth: Bool, nullable: Bool, first: Kinds?, last: Kinds?) {
            var zeroWidth = true, nullable = false
            var first: Kinds? = Kinds(), last: Kinds? = Kinds()
            for b in group.branchIndices {
                let branch = tree.branches[b]
                var allNullable = true
                for k in branch {
                    let element = tree.elements[k]
                    if !self.zeroWidth(element) { zeroWidth = false }
                    if !self.nullable(element) { allNullable = false }
                }
                if allNullable { nullable = true }
                if first != nil {
                    if let f = self.first(from: branch.lowerBound, to: branch.upperBound, then: Kinds()) { first!.formUnion(f) } else { first = nil }
                }
                if last != nil {
                    if let l = self.last(from: branch.lowerBound, to: branch.upperBound, then: Kinds()) { last!.formUnion(l) } else { last = nil }
                }
            }
            return (zeroWidth || group.isLookaround, nullable || group.isLookaround, first, last)
        }
    }

    /// Whether characters of `kinds` can never be in a boundary's class.
    static func outside(_ kinds: Kinds?, numbers: Bool) -> Bool {
        guard let kinds, !kinds.isEmpty else { return false }
        return kinds.isSubset(of: numbers ? .other : [.other, .digit])
    }

    // MARK: Reading ICU's syntax

    struct Parser {
        let bytes: [UInt8]
        var at = 0
        /// The groups closed so far, with their elements; the pattern itself is the last.
        var tree = Tree()
        /// The elements of the groups still open, innermost last, and where each of their
        /// alternatives starts in it.
        private var open = [Element](), starts = [Int]()

        init(bytes: [UInt8]) {
            self.bytes = bytes
            tree.elements.reserveCapacity(bytes.count / 4)
        }

        /// The index of the whole pattern as one group; nil when it holds what this reader
        /// does not know.
        mutating func parseAll() -> Int? {
            guard let top = parseGroupBody(kind: .plain, capturing: false, negative: false), at == bytes.count else { return nil }
            return top
        }

        private func byte(_ k: Int) -> UInt8? { k < bytes.count ? bytes[k] : nil }

        /// Reads a group's alternatives up to the `)` that closes it (not consumed) or the
        /// end, and closes it: its elements moved into the tree, each alternative a run, and
        /// what the analysis needs of it worked out. Its index.
        private mutating func parseGroupBody(kind: GroupKind, capturing: Bool, negative: Bool) -> Int? {
            let base = open.count, mark = starts.count
            starts.append(base)
            while at < bytes.count {
                let c = bytes[at]
                if c == UInt8(ascii: ")") { break }
                if c == UInt8(ascii: "|") { starts.append(open.count); at += 1; continue }
                let start = at
                guard let parsed = parseAtom() else { return nil }
                guard var element = parsed else { continue }  // a comment or flags: nothing
                guard parseQuantifier(&element) else { return nil }
                element.start = Int32(start)
                element.end = Int32(at)
                open.append(element)
            }
            var group = Group(kind: kind, capturing: capturing, negative: negative)
            group.firstBranch = Int32(tree.branches.count)
            group.branchCount = Int32(starts.count - mark)
            for b in mark..<starts.count {
                let end = b + 1 < starts.count ? starts[b + 1] : open.count
                let first = tree.elements.count
                tree.elements.append(contentsOf: open[starts[b]..<end])
                tree.branches.append(first..<tree.elements.count)
            }
            open.removeSubrange(base...)
            starts.removeSubrange(mark...)
            (group.zeroWidth, group.nullable, group.first, group.last) = Walker(tree: tree).summary(of: group)
            tree.groups.append(group)
            return tree.groups.count - 1
        }

        private func atom(_ kinds: Kinds?, letters: Int8 = -1) -> Element {
            Element(tag: .atom, value: kinds.map { UInt32($0.rawValue) } ?? Element.unknown, letters: letters, start: 0, end: 0)
        }

        /// One atom: `.some(nil)` for what is no element (`(?i)`, a comment); nil when unknown.
        private mutating func parseAtom() -> Element?? {
            let c = bytes[at]
            switch c {
            case UInt8(ascii: "\\"): return parseEscape().map { .some($0) }
            case UInt8(ascii: "["): return parseClass().map { .some($0) }
            case UInt8(ascii: "("): return parseGroup()
            case UInt8(ascii: "."): at += 1; return .some(atom(nil))
            case UInt8(ascii: "^"), UInt8(ascii: "$"): at += 1; return .some(Element(tag: .anchor, value: 0, start: 0, end: 0))
            case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{"): return nil
            default:
                guard let (value, end) = scalar(at) else { return nil }
                at = end
                return .some(Element(tag: .literal, value: value, start: 0, end: 0))
            }
        }

        /// The code point written as UTF-8 at `k`, and where it ends.
        private func scalar(_ k: Int) -> (UInt32, Int)? {
            let c = bytes[k]
            if c < 0x80 { return (UInt32(c), k + 1) }
            let length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
            guard k + length <= bytes.count else { return nil }
            var value = UInt32(c) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for j in 1..<length { value = value << 6 | UInt32(bytes[k + j] & 0x3F) }
            return (value, k + length)
        }

        /// The value of the hexadecimal digits in `range` (nil: none, or not all digits).
        private func hex(_ range: Range<Int>) -> UInt32? {
            guard !range.isEmpty, range.count <= 8, range.upperBound <= bytes.count else { return nil }
            var value: UInt32 = 0
            for k in range {
                let c = bytes[k] | 0x20
                let digit: UInt8
                if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") { digit = c - UInt8(ascii: "0") } else if c >= UInt8(ascii: "a") && c <= UInt8(ascii: "f") {
                    digit = c - UInt8(ascii: "a") + 10
                } else {
                    return nil
                }
                value = value << 4 | UInt32(digit)
            }
            return value
        }

        /// The first `byte` at or after `k`, or nil.
        private func next(_ byte: UInt8, from k: Int) -> Int? {
            var j = k
            while j < bytes.count {
                if bytes[j] == byte { return j }
                j += 1
            }
            return nil
        }

        /// An escape outside a class.
        private mutating func parseEscape() -> Element? {
            guard let next = byte(at + 1) else { return nil }
            switch next {
            case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "A"), UInt8(ascii: "z"), UInt8(ascii: "Z"), UInt8(ascii: "G"):
                at += 2
                return Element(tag: .anchor, value: 0, start: 0, end: 0)
            case UInt8(ascii: "Q"), UInt8(ascii: "E"):
                return nil
            case UInt8(ascii: "p"), UInt8(ascii: "P"), UInt8(ascii: "N"):
                guard byte(at + 2) == UInt8(ascii: "{"), let close = self.next(UInt8(ascii: "}"), from: at + 2) else { return nil }
                at = close + 1
                return atom(nil)
            case UInt8(ascii: "k"):
                guard byte(at + 2) == UInt8(ascii: "<"), let close = self.next(UInt8(ascii: ">"), from: at + 2) else { return nil }
                at = close + 1
                return atom(nil)
            default:
                guard let (kinds, end) = escapeKinds(at) else { return nil }
                at = end
                return atom(kinds)
            }
        }

        /// The kinds of a one-character escape at `k` (outside or inside a class), and where
        /// it ends; `.some(nil)` kinds when unknown; nil when this reader does not know it.
        private func escapeKinds(_ k: Int) -> (Kinds?, Int)? {
            guard let next = byte(k + 1) else { return nil }
            switch next {
            case UInt8(ascii: "s"): return (.other, k + 2)
            case UInt8(ascii: "d"): return (.digit, k + 2)
            case UInt8(ascii: "t"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "f"), UInt8(ascii: "e"), UInt8(ascii: "a"):
                return (.other, k + 2)
            case UInt8(ascii: "x"):
                if byte(k + 2) == UInt8(ascii: "{") {
                    guard let close = self.next(UInt8(ascii: "}"), from: k + 3), let value = hex((k + 3)..<close) else { return nil }
                    return (NeedlessBoundaries.kinds(of: value), close + 1)
                }
                guard let value = hex((k + 2)..<(k + 4)) else { return nil }
                return (NeedlessBoundaries.kinds(of: value), k + 4)
            case UInt8(ascii: "u"):
                guard let value = hex((k + 2)..<(k + 6)) else { return nil }
                return (NeedlessBoundaries.kinds(of: value), k + 6)
            case UInt8(ascii: "w"), UInt8(ascii: "W"), UInt8(ascii: "S"), UInt8(ascii: "D"), UInt8(ascii: "h"), UInt8(ascii: "H"),
                 UInt8(ascii: "v"), UInt8(ascii: "V"), UInt8(ascii: "R"), UInt8(ascii: "X"):
                return (nil, k + 2)  // a class of its own, letters among them (or more than one character)
            default:
                // An escaped punctuation character is itself; any other escape (`\1`, `\cX`,
                // `\0…`, `\U…`) is one this reader does not know.
                if next < 0x80 {
                    return NeedlessBoundaries.kinds(of: UInt32(next)) == .other ? (.other, k + 2) : nil
                }
                guard let (value, end) = scalar(k + 1) else { return nil }
                return (NeedlessBoundaries.kinds(of: value), end)
            }
        }

        /// The items a boundary's class may hold (as written), and whether each is a number.
        private static let letterItems: [(item: [UInt8], number: Bool)] = [
            (#"\p{L}"#, false), (#"\p{M}"#, false), (#"\p{N}"#, true), (#"\x{345}"#, false), (#"\x{0345}"#, false),
            (#"\x{640}"#, false), (#"\x{0640}"#, false), (#"\p{Nd}"#, true), (#"\p{Lu}"#, false), (#"\p{Ll}"#, false),
            (#"\p{Lo}"#, false), (#"\p{Lm}"#, false), (#"\p{Mn}"#, false), (#"\p{Mc}"#, false),
        ].map { (Array($0.0.utf8), $0.1) }

        /// A class: its kinds when every item is a character or escape of known kinds (no
        /// range, negation, nested class or property), or a boundary's class of letters.
        private mutating func parseClass() -> Element? {
            let open = at
            var depth = 0
            var k = at
            while k < bytes.count {
                let c = bytes[k]
                if c == UInt8(ascii: "\\") {
                    if byte(k + 1) == UInt8(ascii: "Q") { return nil }
                    k += 2
                    continue
                }
                if c == UInt8(ascii: "[") { depth += 1 } else if c == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 { break }
                }
                k += 1
            }
            guard k < bytes.count else { return nil }
            at = k + 1
            let body = (open + 1)..<k
            // The items of a simple class, and whether all are a boundary's letter items.
            var kinds: Kinds? = Kinds()
            var letters: Int8 = body.isEmpty ? -1 : 0
            var j = body.lowerBound
            while j < body.upperBound {
                let c = bytes[j]
                if c == UInt8(ascii: "[") || (c == UInt8(ascii: "^") && j == body.lowerBound) || c == UInt8(ascii: "]") { return atom(nil) }
                if c == UInt8(ascii: "-") && j != body.lowerBound && j + 1 != body.upperBound { return atom(nil) }  // a range, or `--`
                if c == UInt8(ascii: "&") && byte(j + 1) == UInt8(ascii: "&") { return atom(nil) }
                let end: Int
                if c == UInt8(ascii: "\\") {
                    if byte(j + 1) == UInt8(ascii: "p") || byte(j + 1) == UInt8(ascii: "P") {
                        guard let close = self.next(UInt8(ascii: "}"), from: j), close < body.upperBound else { return atom(nil) }
                        end = close + 1
                        kinds = nil
                    } else if let (k, e) = escapeKinds(j), e <= body.upperBound {
                        end = e
                        if let k { kinds?.formUnion(k) } else { kinds = nil }
                    } else {
                        return atom(nil)
                    }
                } else {
                    guard let (value, e) = scalar(j) else { return nil }
                    end = e
                    if let k = NeedlessBoundaries.kinds(of: value) { kinds?.formUnion(k) } else { kinds = nil }
                }
                if letters >= 0 {
                    if let item = Self.letterItems.first(where: { $0.item.count == end - j && bytes[j..<end].elementsEqual($0.item) }) {
                        if item.number { letters = 1 }
                    } else {
                        letters = -1
                    }
                }
                j = end
            }
            if letters >= 0 { return atom(nil, letters: letters) }
            return atom(body.isEmpty ? nil : kinds)
        }

        /// A group, `(?i)`-like flags or a comment (`.some(nil)`); nil when unknown.
        private mutating func parseGroup() -> Element?? {
            var k = at + 1
            var kind = GroupKind.plain, capturing = false, negative = false
            if byte(k) != UInt8(ascii: "?") {
                capturing = true
            } else {
                k += 1
                switch byte(k) {
                case UInt8(ascii: ":"): k += 1
                case UInt8(ascii: "="): kind = .lookahead; k += 1
                case UInt8(ascii: "!"): kind = .lookahead; negative = true; k += 1
                case UInt8(ascii: ">"): kind = .atomic; k += 1
                case UInt8(ascii: "#"):
                    guard let close = next(UInt8(ascii: ")"), from: k) else { return nil }
                    at = close + 1
                    return .some(nil)
                case UInt8(ascii: "<"):
                    if byte(k + 1) == UInt8(ascii: "=") { kind = .lookbehind; k += 2 } else if byte(k + 1) == UInt8(ascii: "!") {
                        kind = .lookbehind; negative = true; k += 2
                    } else {
                        guard let close = next(UInt8(ascii: ">"), from: k) else { return nil }
                        capturing = true
                        k = close + 1
                    }
                default:
                    // Flags: `(?i)`, `(?-i:`; free spacing (`x`) changes what the rest means.
                    var j = k
                    while let f = byte(j), f == UInt8(ascii: "i") || f == UInt8(ascii: "m") || f == UInt8(ascii: "s")
                        || f == UInt8(ascii: "w") || f == UInt8(ascii: "-") { j += 1 }
                    guard j > k, let end = byte(j) else { return nil }
                    if end == UInt8(ascii: ")") { at = j + 1; return .some(nil) }
                    guard end == UInt8(ascii: ":") else { return nil }
                    k = j + 1
                }
            }
            at = k
            guard let index = parseGroupBody(kind: kind, capturing: capturing, negative: negative),
                  byte(at) == UInt8(ascii: ")") else { return nil }
            at += 1
            return .some(Element(tag: .group, value: UInt32(index), start: 0, end: 0))
        }

        /// A quantifier after an element, if any.
        private mutating func parseQuantifier(_ element: inout Element) -> Bool {
            guard let c = byte(at) else { return true }
            switch c {
            case UInt8(ascii: "*"): (element.min, element.max) = (0, -1); at += 1
            case UInt8(ascii: "+"): (element.min, element.max) = (1, -1); at += 1
            case UInt8(ascii: "?"): (element.min, element.max) = (0, 1); at += 1
            case UInt8(ascii: "{"):
                guard let close = next(UInt8(ascii: "}"), from: at) else { return false }
                let comma = bytes[(at + 1)..<close].firstIndex(of: UInt8(ascii: ","))
                guard let low = number((at + 1)..<(comma ?? close)) else { return false }
                element.min = low
                if let comma {
                    if comma + 1 == close { element.max = -1 } else {
                        guard let high = number((comma + 1)..<close) else { return false }
                        element.max = high
                    }
                } else {
                    element.max = low
                }
                at = close + 1
            default:
                return true
            }
            if byte(at) == UInt8(ascii: "?") { at += 1 } else if byte(at) == UInt8(ascii: "+") { element.possessive = true; at += 1 }
            return true
        }

        /// The decimal number written in `range` (nil: none, or too long).
        private func number(_ range: Range<Int>) -> Int32? {
            guard !range.isEmpty, range.count <= 6 else { return nil }
            var value: Int32 = 0
            for k in range {
                guard bytes[k] >= UInt8(ascii: "0"), bytes[k] <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int32(bytes[k] - UInt8(ascii: "0"))
            }
            return value
        }
    }
}
