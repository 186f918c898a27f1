/// How the versions of one unit (a paragraph, a footnote, a line-aligned segment) compare
/// their pins, from the `comparison` section of `Rules/checks.yml`:
///
/// - a range is the numbers it covers: `paragraph:9-10` is `paragraph:9` and `paragraph:10`
///   (one version writes `paragraphs 9-10`, another `paragraphs 9 and 10`); a range of more
///   than `rangeLimit` numbers is compared as a range; a version that gives only the two ends
///   of a range another version writes (`article:3` and `article:5` beside `article:3-5`)
///   cites them less precisely, as a coarser pin does (`set.coarser-pin`), not other units;
/// - kinds that translation traditions give the same unit (`interchangeable`: rules of
///   procedure are rules in English and Russian, articles in French, Spanish, Chinese and
///   Arabic) are one kind when their numbers agree: the kind most versions use names it;
/// - a unit of an annex (`within`: `annex:4/section:10`) is the unit that another version
///   names on its own, beside that annex or with no annex at all (`annex:4` and `article:10`,
///   or `section:10`), when the numbers agree;
/// - a symbol whose number names it alone (`year-optional`: `S/RES/2118`) is the one another
///   version gives with its year (`S/RES/2118(2013)`) when only one year is given for it.
///
/// Only the comparison sees these forms; the keys of each citation stay as written. A
/// different number is still a different reference.
public struct PinComparison: Sendable {
    /// Ranges of at most this many numbers are compared as their numbers (0: never).
    public let rangeLimit: Int
    /// Groups of pin kinds that may stand for one another, in the file's order (the first
    /// kind of a group names the unit when versions are evenly split).
    public let groups: [[String]]
    /// Pin kinds of units inside an outer unit (`annex` → `section`, `article`) that a
    /// version may name without it.
    public let within: [(outer: String, kinds: [String])]
    /// Symbol prefixes (`S/RES/`) whose number names the document alone, with or without
    /// its `(year)`.
    public let yearOptional: [String]

    public init(rangeLimit: Int, groups: [[String]], within: [(outer: String, kinds: [String])] = [], yearOptional: [String] = []) {
        self.rangeLimit = rangeLimit
        self.groups = groups
        self.within = within
        self.yearOptional = yearOptional
    }

    /// A rules folder without a `comparison` section compares keys exactly.
    public static let exact = PinComparison(rangeLimit: 0, groups: [])

    /// The keys of each version as compared: symbols given their year, ranges spread into
    /// their numbers (the two ends of a range marked as such), units named without their
    /// annex put in it, then the kinds of each group made one per unit number.
    public func reconcile(_ versions: [Set<String>]) -> [Set<String>] {
        var result = withYears(versions)
        result = markEnds(result, of: result.map { Set($0.flatMap(expand)) })
        for rule in within { result = qualify(result, rule.outer, rule.kinds) }
        for group in groups { result = unify(result, group) }
        return result
    }

    // MARK: The ends of a range

    /// `article:3…5`: beside `article:3` and `article:5`, the mark of a version that gives
    /// the two ends of a range another version writes (`article:3-5`), and nothing between.
    /// Not a key of any citation; `PinPrecision` reads it as a difference of precision with
    /// the numbers between the ends, and messages name it as "only the ends of article:3-5".
    static func endsMark(_ head: Substring, _ low: Int, _ high: Int) -> String { "\(head)\(low)\u{2026}\(high)" }

    /// The head (`annex:1/paragraph:`) and the ends of a mark, or nil for any other key.
    static func ends(of key: String) -> (head: Substring, low: Int, high: Int)? {
        guard let colon = key.lastIndex(of: ":"), let dots = key.lastIndex(of: "\u{2026}"), colon < dots,
              let low = Int(key[key.index(after: colon)..<dots]), let high = Int(key[key.index(after: dots)...]) else { return nil }
        return (key[...colon], low, high)
    }

    /// The versions spread (`spread`), each version that gives both ends of a range written in
    /// another (as its own keys, not a range of its own) and no number between them marked.
    private func markEnds(_ written: [Set<String>], of spread: [Set<String>]) -> [Set<String>] {
        var ranges = Set<String>()  // `head|low|high` of every range of 3 numbers or more that a version writes
        for keys in written {
            for key in keys {
                let forms = expand(key)
                guard forms.count > 2, let last = forms.last, let colon = last.lastIndex(of: ":"),
                      let first = forms.first, let low = Int(first[first.index(after: colon)...]),
                      let high = Int(last[last.index(after: colon)...]) else { continue }
                ranges.insert("\(last[...colon])|\(low)|\(high)")
            }
        }
        guard !ranges.isEmpty else { return spread }
        var result = spread
        for range in ranges.sorted() {
            let parts = range.split(separator: "|", omittingEmptySubsequences: false)
            let head = parts[0], low = Int(parts[1])!, high = Int(parts[2])!
            // The ends may be named by another kind of the range's groups (`rules 3 to 5`,
            // `les articles 3 et 5`); the mark keeps the range's kind, as its numbers do.
            let slash = head.lastIndex(of: "/").map { head.index(after: $0) } ?? head.startIndex
            let kind = String(head[slash..<head.index(before: head.endIndex)])
            let heads = Set([kind] + groups.filter { $0.contains(kind) }.joined()).map { head[..<slash] + $0 + ":" }
            for (v, keys) in written.enumerated() {
                guard heads.contains(where: { keys.contains("\($0)\(low)") && keys.contains("\($0)\(high)") }),
                      !((low + 1)..<high).contains(where: { n in heads.contains { spread[v].contains("\($0)\(n)") } }) else { continue }
                result[v].insert(Self.endsMark(head, low, high))
            }
        }
        return result
    }

    // MARK: Symbols with or without their year

    /// `S/RES/2118` → `S/RES/2118(2013)` where the versions give that one year for 2118.
    private func withYears(_ versions: [Set<String>]) -> [Set<String>] {
        guard !yearOptional.isEmpty else { return versions }
        func bare(_ key: String) -> (prefix: String, number: Substring, year: Substring?)? {
            guard let prefix = yearOptional.first(where: { key.hasPrefix($0) }) else { return nil }
            let rest = key.dropFirst(prefix.count)
            let number = rest.prefix { $0.isASCII && $0.isNumber }
            guard !number.isEmpty else { return nil }
            let tail = rest.dropFirst(number.count)
            if tail.isEmpty { return (prefix, number, nil) }
            guard tail.count == 6, tail.first == "(", tail.last == ")", tail.dropFirst().dropLast().allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return (prefix, number, tail.dropFirst().dropLast())
        }
        var years = [String: Set<Substring>]()  // `S/RES/2118` → the years the versions give it
        for keys in versions {
            for key in keys { if let (prefix, number, year) = bare(key), let year { years[prefix + number, default: []].insert(year) } }
        }
        guard !years.isEmpty else { return versions }
        return versions.map { keys in
            Set(keys.map { key in
                guard years[key]?.count == 1, let year = years[key]!.first else { return key }
                return "\(key)(\(year))"
            })
        }
    }

    // MARK: Units of an annex named without it

    /// A version's `kind:N` (one of `kinds`, not inside another unit) read as `outer:M/kind:N`
    /// when other versions name `outer:M/kind':N` (`kind'` one of `kinds`) for a single `M`
    /// that this version also names on its own (`annex:4` beside `article:10`) or names no
    /// `outer` at all; the bare `outer:M` it stood beside is then part of that key, unless the
    /// versions that name the clause with its annex also cite the annex on its own.
    private func qualify(_ versions: [Set<String>], _ outer: String, _ kinds: [String]) -> [Set<String>] {
        // `N` → the `M`s of `outer:M/kind:N` keys that versions give; the `M`s that a version
        // giving such a key also cites on their own (`annex 4` beside `section 10 of annex 4`).
        var inside = [Substring: Set<Substring>]()
        var alsoBare = Set<Substring>()
        for keys in versions {
            for key in keys {
                let parts = key.split(separator: "/", omittingEmptySubsequences: false)
                guard parts.count == 2, let (o, m) = Self.kindAndValue(parts[0]), o == outer,
                      let (k, n) = Self.kindAndValue(parts[1]), kinds.contains(String(k)) else { continue }
                inside[n.prefix { $0 != "(" }, default: []].insert(m)
                if keys.contains("\(outer):\(m)") { alsoBare.insert(m) }
            }
        }
        guard !inside.isEmpty else { return versions }
        return versions.map { keys in
            let outers = Set(keys.compactMap { key -> Substring? in
                guard !key.contains("/"), let (o, m) = Self.kindAndValue(Substring(key)), o == outer else { return nil }
                return m
            })
            var result = keys
            var absorbed = Set<Substring>()
            for key in keys.sorted() where !key.contains("/") {
                guard let (k, n) = Self.kindAndValue(Substring(key)), kinds.contains(String(k)),
                      let annexes = inside[n.prefix { $0 != "(" }] else { continue }
                let candidates = outers.isEmpty ? annexes : annexes.intersection(outers)
                guard candidates.count == 1, let m = candidates.first else { continue }
                result.remove(key)
                result.insert("\(outer):\(m)/\(key)")
                absorbed.insert(m)
            }
            for m in absorbed where !alsoBare.contains(m) { result.remove("\(outer):\(m)") }
            return result
        }
    }

    /// `annex:4` → (`annex`, `4`); nil for a part that is no pin.
    private static func kindAndValue(_ part: Substring) -> (Substring, Substring)? {
        guard let colon = part.firstIndex(of: ":"), PinPrecision.pinKinds.contains(part[..<colon]) else { return nil }
        let value = part[part.index(after: colon)...]
        return value.isEmpty ? nil : (part[..<colon], value)
    }

    /// `paragraph:9-11` → `paragraph:9`, `paragraph:10`, `paragraph:11`; `annex:1/paragraph:3-4`
    /// → `annex:1/paragraph:3`, `annex:1/paragraph:4`. Other keys, and ranges longer than
    /// the limit, stay as they are.
    func expand(_ key: String) -> [String] {
        guard rangeLimit > 0, Self.isPin(key) else { return [key] }
        let slash = key.lastIndex(of: "/")
        let last = key[(slash.map { key.index(after: $0) } ?? key.startIndex)...]
        guard let colon = last.firstIndex(of: ":") else { return [key] }
        let value = last[last.index(after: colon)...]
        let ends = value.split(separator: "-", omittingEmptySubsequences: false)
        guard ends.count == 2, ends.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let low = Int(ends[0]), let high = Int(ends[1]), low < high, high - low < rangeLimit else { return [key] }
        let head = key[..<last.index(after: colon)]
        return (low...high).map { head + String($0) }
    }

    /// Keys as a message names them: numbers that follow one another under one kind are
    /// written as their range again (`paragraph:46-51`, not six keys), the rest as they are;
    /// sorted. The marks of a range's ends are left out (`PinPrecision.describe` names them).
    public static func display(_ keys: Set<String>) -> [String] {
        var out = [String]()
        var numbers = [String: [Int]]()  // `annex:1/paragraph:` → its numbers
        for key in keys where ends(of: key) == nil {
            guard isPin(key), let colon = key.lastIndex(of: ":"),
                  case let value = key[key.index(after: colon)...], !value.isEmpty, value.count < 10,
                  value.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(value) else { out.append(key); continue }
            numbers[String(key[...colon]), default: []].append(number)
        }
        for (head, list) in numbers {
            let sorted = list.sorted()
            var start = sorted[0], previous = sorted[0]
            for number in sorted.dropFirst() + [Int.min] {
                if number == previous + 1 { previous = number; continue }
                out.append(start == previous ? "\(head)\(start)" : "\(head)\(start)-\(previous)")
                start = number
                previous = number
            }
        }
        return out.sorted()
    }

    /// Whether a citation's key, as compared, is among `keys` (a range among its numbers, a
    /// kind under another kind of its groups, a symbol given its year, a clause put in its
    /// annex): where a finding about those keys stands.
    public func stands(_ key: String, among keys: Set<String>) -> Bool {
        // A symbol given its year (`S/RES/2118` as `S/RES/2118(2013)`).
        if yearOptional.contains(where: { key.hasPrefix($0) }), key.last?.isNumber == true,
           keys.contains(where: { $0.hasPrefix(key + "(") }) { return true }
        for form in expand(key) {
            if keys.contains(form) { return true }
            guard Self.isPin(form) else { continue }
            // A clause put in its annex (`article:10` as `annex:4/section:10`).
            if !form.contains("/"), let colon = form.firstIndex(of: ":"),
               let rule = within.first(where: { $0.kinds.contains(String(form[..<colon])) }),
               keys.contains(where: { k in
                   k.hasPrefix(rule.outer + ":") && rule.kinds.contains { k.hasSuffix("/" + $0 + form[colon...]) }
               }) { return true }
            let parts = form.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            for (i, part) in parts.enumerated() {
                guard let colon = part.firstIndex(of: ":") else { break }
                let kind = String(part[..<colon])
                for other in Set(groups.filter { $0.contains(kind) }.joined()) where other != kind {
                    var renamed = parts
                    renamed[i] = other + part[colon...]
                    if keys.contains(renamed.joined(separator: "/")) { return true }
                }
            }
        }
        return false
    }

    /// A pin key (`article:9(3)`, `annex:1/paragraph:3`), not a symbol (`A/RES/64/293`).
    static func isPin(_ key: String) -> Bool {
        guard let colon = key.firstIndex(of: ":") else { return false }
        return PinPrecision.pinKinds.contains(key[..<colon])
    }

    /// One place in a key where a kind of the group stands: which version, which key, which
    /// `/`-separated part; `unit` is the key up to that part with the kind left out and the
    /// sub-pins cut (`*:7` for `rule:7(2)`), so that `rule:7` and `article:7(2)` are one unit.
    private struct Place {
        var version: Int
        var key: String
        var part: Int
        var kind: String
        var unit: String
    }

    private func unify(_ versions: [Set<String>], _ group: [String]) -> [Set<String>] {
        var places = [Place]()
        for (v, keys) in versions.enumerated() {
            for key in keys.sorted() where Self.isPin(key) {
                let parts = key.split(separator: "/", omittingEmptySubsequences: false)
                for (i, part) in parts.enumerated() {
                    guard let colon = part.firstIndex(of: ":") else { break }
                    let kind = String(part[..<colon])
                    guard PinPrecision.pinKinds.contains(Substring(kind)) else { break }
                    guard group.contains(kind) else { continue }
                    let value = part[part.index(after: colon)...]
                    let stem = value.prefix { $0 != "(" }
                    let unit = (parts[..<i] + ["*:" + stem]).joined(separator: "/")
                    places.append(Place(version: v, key: key, part: i, kind: kind, unit: unit))
                }
            }
        }
        // Which versions name each unit by each kind.
        var uses = [String: [String: Set<Int>]]()
        for place in places { uses[place.unit, default: [:]][place.kind, default: []].insert(place.version) }
        var result = versions
        for place in places {
            guard let kinds = uses[place.unit], kinds.count > 1 else { continue }
            // The kind most versions use; evenly split, the group's first.
            let named = group.filter { kinds[$0] != nil }.max { kinds[$0]!.count < kinds[$1]!.count || (kinds[$0]!.count == kinds[$1]!.count && group.firstIndex(of: $0)! > group.firstIndex(of: $1)!) }!
            // A version that names the unit by two kinds of the group tells them apart.
            let own = kinds.filter { $0.value.contains(place.version) }.count
            guard place.kind != named, own == 1 else { continue }
            var parts = place.key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            parts[place.part] = named + parts[place.part].dropFirst(place.kind.count)
            let renamed = parts.joined(separator: "/")
            // The key may have been renamed already at another part.
            let current = result[place.version].contains(place.key) ? place.key : nil
            guard let current else { continue }
            result[place.version].remove(current)
            result[place.version].insert(renamed)
        }
        return result
    }
}
