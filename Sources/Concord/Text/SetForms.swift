import CICUShim
import Foundation

/// The sets of a pattern written the way ICU compiles them fastest, matching exactly the same.
///
/// ICU builds a set afresh for every `\p{…}` of every pattern it compiles, and the rules write
/// letter classes in hundreds of places (the boundaries of every word group are
/// `[\p{L}\p{N}]`): building the general categories `L` and `N` walks every code point, about
/// 0.09 ms per class, which was most of the time ICU took to compile a language's rules and
/// a third of a one-document run. Two rewrites:
///
/// - **Case.** In a case-insensitive pattern ICU also closes each set over case, visiting each
///   of its code points (about a millisecond for `\p{L}`). Most sets are closed under case
///   already, or nearly: ICU's closure of `\p{L}` adds exactly U+0345 (COMBINING GREEK
///   YPOGEGRAMMENI, a mark that case-folds to ι), and the strings it adds (`ss`, `ﬀ`…) ICU's
///   regex drops from sets. Such a set is compiled case-sensitively with those code points
///   written out: `[\p{L}\p{N}]` → `(?-i:[\p{L}\p{N}\x{345}])`. A set is rewritten only when
///   every part of it is known: a property in `added`, a code point that case mapping leaves
///   alone, `\d`, `\s`, `\h`; anything else (a letter with case, `\p{Lu}`, a range, a nested
///   class, a negated class, `\P{…}` in a class) leaves it to ICU.
/// - **Cheaper equal sets.** `L`, `L`+`N` and `L`+`M` are written with the binary properties
///   ICU keeps built (`ID_Start`, `ID_Continue`, `Grapheme_Extend`), the numeric type and a few
///   code points (`equalForms`), about a third of the time. Each form is compared with the
///   set it stands for by ICU itself, once per process, before it is used (`concord_sets_equal`):
///   another ICU, another Unicode version, and the form is simply not used. `\d` in a class is
///   written `\p{nt=De}` the same way (`digitForm`).
///
/// `SetFormsTests` compares the table with ICU's closure over every code point, and patterns of
/// the rules' shapes as written and rewritten.
enum SetForms {
    /// For each property name (as the rules write it), the single code points ICU's
    /// case-insensitive closure adds to `\p{name}`; nil: not known, left to ICU. (`\P{name}` is
    /// the complement of that closure: `\P{L}` matches neither letters nor U+0345.)
    static let added: [String: [UInt32]] = [
        "L": [0x345], "N": [], "Nd": [], "M": [0x399, 0x3B9, 0x1FBE], "Mn": [0x399, 0x3B9, 0x1FBE],
        "Lo": [], "Lm": [], "P": [], "S": [], "Z": [], "Zs": [],
        "Arabic": [], "Han": [], "Cyrillic": [], "Latin": [], "Script=Latin": [], "Hebrew": [],
    ]
    /// Code points a property named in a class already holds, so that what the closure of
    /// another adds need not be written (`[\p{L}\p{M}]`: U+0345 is a mark, ι a letter).
    private static let holds: [String: Set<UInt32>] = ["L": [0x399, 0x3B9, 0x1FBE], "M": [0x345], "Mn": [0x345]]

    /// Sets written more cheaply: the property names (sorted) → the same set as a union of
    /// cheap parts less a few code points (ICU set syntax, without the brackets).
    static let equalForms: [[String]: (union: String, less: String)] = [
        // Letters: the identifier starts, less the letter numbers (`Ⅻ`, `〇`) and the six
        // other identifier starts (`℘`, `℮`, `゛`, `゜`, two Mongolian marks), plus U+2E2F
        // (a modifier letter that is pattern syntax, so no identifier start).
        ["L"]: (#"\x{2E2F}\p{ID_Start}"#,
                #"\x{16EE}-\x{16F0}\x{1885}-\x{1886}\x{2118}\x{212E}\x{2160}-\x{2182}\x{2185}-\x{2188}\x{3007}\x{3021}-\x{3029}\x{3038}-\x{303A}\x{309B}-\x{309C}\x{A6E6}-\x{A6EF}\x{10140}-\x{10174}\x{10341}\x{1034A}\x{103D1}-\x{103D5}\x{12400}-\x{1246E}"#),
        // Letters and numbers: the identifier starts and every code point with a numeric type.
        ["L", "N"]: (#"\x{2E2F}\p{ID_Start}\P{nt=None}"#, #"\x{1885}\x{1886}\x{2118}\x{212E}\x{309B}\x{309C}"#),
        // Letters and marks: identifier characters and grapheme extenders, less digits,
        // connectors, letter numbers and a few others.
        ["L", "M"]: (#"\x{2E2F}\p{ID_Continue}\p{Grapheme_Extend}"#,
                     #"\p{nt=De}\x{5F}\x{B7}\x{387}\x{1369}-\x{1371}\x{16EE}-\x{16F0}\x{19DA}\x{200C}\x{203F}-\x{2040}\x{2054}\x{2118}\x{212E}\x{2160}-\x{2182}\x{2185}-\x{2188}\x{3007}\x{3021}-\x{3029}\x{3038}-\x{303A}\x{309B}-\x{309C}\x{A6E6}-\x{A6EF}\x{FE33}-\x{FE34}\x{FE4D}-\x{FE4F}\x{FF3F}\x{10140}-\x{10174}\x{10341}\x{1034A}\x{103D1}-\x{103D5}\x{12400}-\x{1246E}\x{E0020}-\x{E007F}"#),
    ]

    private static let lock = NSLock()
    /// ICU's answers, by form (`agreed`; guarded by lock).
    nonisolated(unsafe) private static var verified: [String: Bool] = [:]

    /// The regex form of the cheaper set for `names`, when ICU agrees it is the same set: one
    /// class, `[union--[less]]` (ICU unites a class's items before it takes a `--` away; the
    /// union starts with its code point, so that the `--` follows a property's set). Written
    /// `[[union]--[less]]`, the nested class cost ICU a set more to build: about a tenth of the
    /// instructions of compiling the class, which stands in hundreds of places in the rules.
    /// `SetFormsTests` compares both forms with the sets over every code point.
    static func equalForm(_ names: [String]) -> String? {
        guard let form = equalForms[names] else { return nil }
        lock.lock()
        defer { lock.unlock() }
        let agrees = agreed(names.joined(separator: "+"), form: [form.union, form.less]) { same(names, form) }
        return agrees ? "[\(form.union)--[\(form.less)]]" : nil
    }

    /// `\d` in a class, written as the numeric type `De`: the same set (Unicode gives that type
    /// to exactly the decimal digits, general category `Nd`, which is ICU's `\d`), which ICU
    /// builds in about a third of the time (`[\d/]`, in ninety patterns of the resolution
    /// corpus: 48 µs to compile, case-insensitively; `(?-i:[\p{nt=De}/])` 14 µs). Nil when ICU
    /// disagrees.
    static var digitForm: String? {
        lock.lock()
        defer { lock.unlock() }
        return agreed("Nd", form: [digitSet]) { sameSet("[\\p{Nd}]", "[\(digitSet)]") } ? digitSet : nil
    }
    static let digitSet = #"\p{nt=De}"#

    /// Whether ICU agrees that a cheaper form (`form`, its parts) is the set it stands for
    /// (`compare`): asked once per process, the answer kept per ICU version and form in the
    /// cache folder (building the set to compare is the very cost the form saves). The caller
    /// holds the lock.
    private static func agreed(_ key: String, form: [String], _ compare: () -> Bool) -> Bool {
        if let known = verified[key] { return known }
        let answer = DerivedTables.bytes("set-form-\(key)", versions: [ICU.version] + form, count: 1) { [compare() ? 1 : 0] } == [1]
        verified[key] = answer
        return answer
    }

    /// Scripts whose sets ICU builds faster from their ranges than from the property: it
    /// builds a script's set by asking every code point range of its property data for the
    /// script (about 960,000 instructions to compile the class `[\p{Latin}\p{Cyrillic}\p{Arabic}\p{N}/]`
    /// that ends a part letter in every resolution number, against 570,000 with the three
    /// scripts as ranges; 39, 10 and 58 ranges in ICU 72). Sets with hundreds of ranges
    /// (`\p{L}`, `\p{N}`, `\p{ID_Start}`) cost more as ranges and are not listed.
    static let rangedScripts: Set<String> = ["Arabic", "Cyrillic", "Han", "Hebrew", "Latin", "Script=Latin"]
    nonisolated(unsafe) private static var scriptRanges: [String: String?] = [:]  // guarded by lock

    /// A script of `rangedScripts` as the ranges ICU gives for its set, written for a class
    /// (`\x{41}-\x{5A}\x{61}-\x{7A}…`, without brackets): the same set by construction, read
    /// from this ICU once per process. Nil for another name, or when ICU cannot give it.
    static func rangeForm(_ name: String) -> String? {
        guard rangedScripts.contains(name) else { return nil }
        lock.lock()
        defer { lock.unlock() }
        if let known = scriptRanges[name] { return known }
        let form = ranges(of: "[\\p{\(name)}]").map { pairs in
            pairs.map { $0.lowerBound == $0.upperBound ? codePoints([$0.lowerBound]) : codePoints([$0.lowerBound]) + "-" + codePoints([$0.upperBound]) }.joined()
        }
        scriptRanges[name] = .some(form)
        return form
    }

    /// The code point ranges of an ICU set pattern, from ICU (nil: it does not parse, or holds
    /// strings, or the set is empty).
    static func ranges(of pattern: String) -> [ClosedRange<UInt32>]? {
        let units = pattern.utf16Array
        var capacity: Int32 = 512
        while true {
            var buffer = [Int32](repeating: 0, count: Int(capacity))
            var status: Int32 = 0
            let count = concord_set_ranges(units, Int64(units.count), &buffer, capacity, &status)
            guard count > 0, status <= 0 else { return nil }
            if 2 * Int(count) > Int(capacity) { capacity = 2 * count; continue }
            return (0..<Int(count)).map { UInt32(buffer[2 * $0])...UInt32(buffer[2 * $0 + 1]) }
        }
    }

    /// Whether ICU's set of the properties `names` is `form`'s.
    static func same(_ names: [String], _ form: (union: String, less: String)) -> Bool {
        sameSet("[" + names.map { "\\p{\($0)}" }.joined() + "]", "[[\(form.union)]-[\(form.less)]]")
    }

    /// Whether two ICU set patterns are the same set, by ICU.
    static func sameSet(_ a: String, _ b: String) -> Bool {
        let first = Array(a.utf16), second = Array(b.utf16)
        var status: Int32 = 0
        return concord_sets_equal(first, Int64(first.count), second, Int64(second.count), &status) == 1
    }

    /// `pattern` with its sets rewritten as above. `caseInsensitive`: how the pattern is
    /// compiled. `cheaper`: also the cheaper equal sets (only for ICU: the pre-scan and
    /// Hyperscan read the sets as the rules write them). A pattern in free-spacing mode (`x`),
    /// or with `\Q` or a `(?#` comment, is returned as it is.
    static func rewrite(_ pattern: String, caseInsensitive: Bool = true, cheaper: Bool = false) -> String {
        let bytes = Array(pattern.utf8)
        let backslash = UInt8(ascii: "\\")
        guard bytes.contains(backslash) else { return pattern }  // no property escape
        let digits = cheaper ? digitForm : nil
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + bytes.count / 8)
        // Whether each open group (and the pattern itself, first) matches case-insensitively.
        var scopes = [caseInsensitive]
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if c == backslash {
                guard i + 1 < bytes.count else { out.append(c); i += 1; continue }
                let next = bytes[i + 1]
                if next == UInt8(ascii: "Q") { return pattern }
                if next == UInt8(ascii: "p") || next == UInt8(ascii: "P"), let (name, end) = propertyName(bytes, at: i) {
                    let negated = next == UInt8(ascii: "P")
                    let cheap = cheaper && !negated ? equalForm([name]) ?? rangeForm(name).map { "[" + $0 + "]" } : nil
                    if scopes.last!, let extra = added[name] {
                        // Case-insensitive: compiled case-sensitively with what the closure adds
                        // (which ICU leaves out of `\P{name}`: it complements after the closure).
                        let after = quantifierEnd(bytes, from: end)
                        var set: String
                        if extra.isEmpty {
                            set = cheap ?? String(decoding: bytes[i..<end], as: UTF8.self)
                        } else {
                            set = (negated ? "[^" : "[") + (cheap ?? "\\p{\(name)}") + codePoints(extra) + "]"
                        }
                        set = "(?-i:" + set + String(decoding: bytes[end..<after], as: UTF8.self) + ")"
                        out += Array(set.utf8)
                        i = after
                        continue
                    }
                    if !scopes.last!, let cheap {
                        out += Array(cheap.utf8)
                        i = end
                        continue
                    }
                }
                out.append(c)
                out.append(next)
                i += 2
                continue
            }
            if c == UInt8(ascii: "[") {
                // `[]…]` and `[^]…]`: whether ICU reads that `]` as a member or as the end, the
                // walk below would not know; such a pattern is left whole.
                let first = i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "^") ? i + 2 : i + 1
                if first < bytes.count, bytes[first] == UInt8(ascii: "]") { return pattern }
                guard let end = classEnd(bytes, from: i) else { return pattern }
                if let written = rewrittenClass(bytes, body: (i + 1)..<(end - 1), caseInsensitive: scopes.last!, cheaper: cheaper) {
                    let after = scopes.last! ? quantifierEnd(bytes, from: end) : end
                    if scopes.last! {
                        out += Array("(?-i:".utf8) + Array(written.utf8) + bytes[end..<after] + [UInt8(ascii: ")")]
                    } else {
                        out += Array(written.utf8)
                    }
                    i = after
                } else if let digits {
                    // Left as written (a negated class, a range…), but for its `\d`s.
                    appendReplacingDigits(bytes[i..<end], with: digits, to: &out)
                    i = end
                } else {
                    out += bytes[i..<end]
                    i = end
                }
                continue
            }
            if c == UInt8(ascii: "(") {
                var caseless = scopes.last!
                var j = i + 1
                if j < bytes.count, bytes[j] == UInt8(ascii: "?") {
                    j += 1
                    if j < bytes.count, bytes[j] == UInt8(ascii: "#") { return pattern }
                    // Flags: `(?i-x:`, `(?-i)`.
                    var k = j, on = true, flags = caseless
                    while k < bytes.count {
                        let f = bytes[k]
                        if f == UInt8(ascii: "-") { on = false } else if f == UInt8(ascii: "i") { flags = on } else if f == UInt8(ascii: "x") {
                            if on { return pattern }
                        } else if !(f == UInt8(ascii: "m") || f == UInt8(ascii: "s") || f == UInt8(ascii: "w")) { break }
                        k += 1
                    }
                    if k > j, k < bytes.count, bytes[k] == UInt8(ascii: ")") {
                        // `(?i)`: for the rest of the enclosing group.
                        scopes[scopes.count - 1] = flags
                        out += bytes[i...k]
                        i = k + 1
                        continue
                    }
                    if k < bytes.count, bytes[k] == UInt8(ascii: ":") { caseless = flags }
                }
                scopes.append(caseless)
                out.append(c)
                i += 1
                continue
            }
            if c == UInt8(ascii: ")"), scopes.count > 1 { scopes.removeLast() }
            out.append(c)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `rewriteClass`, remembered per class for the process: the rules write the same few
    /// classes in hundreds of places (a language's word boundaries in every word group), and
    /// working one out again was 1 % of a run over the resolution corpus.
    private static func rewrittenClass(_ bytes: [UInt8], body: Range<Int>, caseInsensitive: Bool, cheaper: Bool) -> String? {
        var key = Array(bytes[body])
        key.append((caseInsensitive ? 1 : 0) | (cheaper ? 2 : 0))  // after the body: no byte of UTF-8 text
        classLock.lock()
        let known = rewrittenClasses[key]
        classLock.unlock()
        if let known { return known }
        let written = rewriteClass(bytes, body: body, caseInsensitive: caseInsensitive, cheaper: cheaper)
        classLock.lock()
        if rewrittenClasses.count < 10_000 { rewrittenClasses[key] = .some(written) }
        classLock.unlock()
        return written
    }
    private static let classLock = NSLock()
    nonisolated(unsafe) private static var rewrittenClasses: [[UInt8]: String?] = [:]  // guarded by classLock

    /// `bytes` (a class, brackets included) with each `\d` written as `digits`: the same set,
    /// whatever holds it (a negated class, a nested one, a range beside it).
    private static func appendReplacingDigits(_ bytes: ArraySlice<UInt8>, with digits: String, to out: inout [UInt8]) {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.endIndex {
                if bytes[i + 1] == UInt8(ascii: "d") { out += Array(digits.utf8) } else { out += bytes[i...(i + 1)] }
                i += 2
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
    }

    /// A flat class (`body` is what the brackets hold) written as ICU compiles it faster: the
    /// set (brackets included; the caller adds `(?-i:…)` in a case-insensitive scope), or nil
    /// to leave it as written.
    private static func rewriteClass(_ bytes: [UInt8], body: Range<Int>, caseInsensitive: Bool, cheaper: Bool) -> String? {
        guard caseInsensitive || cheaper, !body.isEmpty, bytes[body.lowerBound] != UInt8(ascii: "^") else { return nil }
        // Nothing to do in a class without a property (most of them: this runs over every
        // class of every rule).
        let digits = cheaper ? digitForm : nil
        var k = body.lowerBound, property = false
        while k + 1 < body.upperBound {
            if bytes[k] == UInt8(ascii: "\\") {
                if bytes[k + 1] == UInt8(ascii: "p") || (digits != nil && bytes[k + 1] == UInt8(ascii: "d")) { property = true; break }
                k += 2
            } else {
                k += 1
            }
        }
        guard property else { return nil }
        var names = [String]()  // the properties, in order
        var rest = [UInt8]()  // everything else, as written
        var extra = [UInt32]()
        var hyphen = false
        var digitsWritten = false  // a `\d` written as `digits`
        var i = body.lowerBound
        while i < body.upperBound {
            let c = bytes[i]
            if c == UInt8(ascii: "\\") {
                guard i + 1 < body.upperBound else { return nil }
                let next = bytes[i + 1]
                if next == UInt8(ascii: "p") {
                    guard let (name, end) = propertyName(bytes, at: i), end <= body.upperBound else { return nil }
                    if caseInsensitive {
                        guard let more = added[name] else { return nil }
                        extra += more
                    }
                    names.append(name)
                    i = end
                    continue
                }
                if next == UInt8(ascii: "x") {
                    guard i + 2 < body.upperBound, bytes[i + 2] == UInt8(ascii: "{"),
                          let close = bytes[(i + 3)..<body.upperBound].firstIndex(of: UInt8(ascii: "}")),
                          let value = UInt32(String(decoding: bytes[(i + 3)..<close], as: UTF8.self), radix: 16),
                          let scalar = Unicode.Scalar(value), !caseInsensitive || caseFree(scalar) else { return nil }
                    rest += bytes[i...close]
                    i = close + 1
                    continue
                }
                // `\d`, `\s`, `\h` (no case), and escaped ASCII punctuation.
                let known = next == UInt8(ascii: "d") || next == UInt8(ascii: "s") || next == UInt8(ascii: "h")
                guard known || (next < 0x80 && !isASCIILetterOrDigit(next)) else { return nil }
                if next == UInt8(ascii: "d"), let digits {
                    rest += Array(digits.utf8)
                    digitsWritten = true
                    i += 2
                    continue
                }
                rest += bytes[i...(i + 1)]
                i += 2
                continue
            }
            if c == UInt8(ascii: "[") || c == UInt8(ascii: "&") { return nil }
            // A hyphen only first or last (elsewhere it makes a range).
            if c == UInt8(ascii: "-") {
                guard i == body.lowerBound || i + 1 == body.upperBound else { return nil }
                hyphen = true
            }
            var end = i + 1
            while end < body.upperBound, bytes[end] & 0xC0 == 0x80 { end += 1 }
            guard let scalar = String(decoding: bytes[i..<end], as: UTF8.self).unicodeScalars.first,
                  !caseInsensitive || caseFree(scalar) else { return nil }
            if c != UInt8(ascii: "-") { rest += bytes[i..<end] }
            i = end
        }
        guard !names.isEmpty || digitsWritten else { return nil }
        let held = names.reduce(into: Set<UInt32>()) { $0.formUnion(holds[$1] ?? []) }
        extra = extra.filter { !held.contains($0) }
        // The cheaper form is a nested set: not beside a hyphen, which ICU could read as a set
        // operator after it.
        let sorted = Array(Set(names)).sorted()
        let cheap = cheaper && !hyphen ? equalForm(sorted) : nil
        // Else the scripts as their ranges (not beside a hyphen either, which could join a
        // range).
        let ranged = cheap == nil && cheaper && !hyphen ? names.map { rangeForm($0) } : names.map { _ in nil }
        guard caseInsensitive || cheap != nil || ranged.contains(where: { $0 != nil }) || digitsWritten else { return nil }
        let properties = cheap ?? zip(names, ranged).map { $1 ?? "\\p{\($0)}" }.joined()
        let others = String(decoding: rest, as: UTF8.self) + codePoints(extra)
        if let cheap, others.isEmpty { return cheap }
        // The added code points go last, or first where a hyphen ends the class (after it
        // they would make a range); a class with a hyphen at both ends has no room and is left.
        let first = bytes[body.lowerBound] == UInt8(ascii: "-"), last = bytes[body.upperBound - 1] == UInt8(ascii: "-")
        if !hyphen { return "[" + properties + others + "]" }
        if first && last { return extra.isEmpty ? "[" + String(decoding: bytes[body], as: UTF8.self) + "]" : nil }
        let written = String(decoding: bytes[body], as: UTF8.self)
        return first ? "[" + written + codePoints(extra) + "]" : "[" + codePoints(extra) + written + "]"
    }

    /// The index after the quantifier at `start` (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each
    /// perhaps lazy or possessive), or `start`. The quantifier goes inside the case-sensitive
    /// group: `(?-i:[…]+)`, not `(?-i:[…])+`, which ICU runs as a loop over a group that saves
    /// its state at every repetition (a run of a million letters overflowed its stack).
    private static func quantifierEnd(_ bytes: [UInt8], from start: Int) -> Int {
        guard start < bytes.count else { return start }
        var k = start
        switch bytes[k] {
        case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"):
            k += 1
        case UInt8(ascii: "{"):
            var j = k + 1
            var digits = 0
            while j < bytes.count, (bytes[j] >= 48 && bytes[j] <= 57) || bytes[j] == UInt8(ascii: ",") {
                if bytes[j] != UInt8(ascii: ",") { digits += 1 }
                j += 1
            }
            guard digits > 0, j < bytes.count, bytes[j] == UInt8(ascii: "}") else { return start }
            k = j + 1
        default:
            return start
        }
        if k < bytes.count, bytes[k] == UInt8(ascii: "?") || bytes[k] == UInt8(ascii: "+") { k += 1 }
        return k
    }

    /// `\p{Name}` or `\P{Name}` at `start`: the name and the index after the brace.
    private static func propertyName(_ bytes: [UInt8], at start: Int) -> (String, Int)? {
        guard start + 2 < bytes.count, bytes[start + 2] == UInt8(ascii: "{") else { return nil }
        var k = start + 3
        while k < bytes.count, bytes[k] != UInt8(ascii: "}") {
            if bytes[k] == UInt8(ascii: "{") || bytes[k] == UInt8(ascii: "\\") { return nil }
            k += 1
        }
        guard k < bytes.count else { return nil }
        return (String(decoding: bytes[(start + 3)..<k], as: UTF8.self), k + 1)
    }

    /// The index after the `]` that closes the class opened at `start` (escapes and nested
    /// classes skipped); nil when it is not closed.
    private static func classEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var j = start + 1, depth = 1
        while j < bytes.count {
            let b = bytes[j]
            if b == UInt8(ascii: "\\") { j += 2; continue }
            if b == UInt8(ascii: "[") { depth += 1 } else if b == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { return j + 1 }
            }
            j += 1
        }
        return nil
    }

    /// A code point case mapping leaves alone, and that no other maps to: its case closure is
    /// itself (`SetFormsTests` checks the second half against ICU).
    static func caseFree(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.properties.changesWhenCaseMapped
    }

    private static func isASCIILetterOrDigit(_ b: UInt8) -> Bool {
        (b | 0x20 >= 97 && b | 0x20 <= 122) || (b >= 48 && b <= 57)
    }

    private static func codePoints(_ points: [UInt32]) -> String {
        points.map { "\\x{\(String($0, radix: 16))}" }.joined()
    }
}
