/// How the versions of one unit (a paragraph, a footnote, a line-aligned segment) compare
/// their pins, from the `comparison` section of `Rules/checks.yml`:
///
/// - a range is the numbers it covers: `paragraph:9-10` is `paragraph:9` and `paragraph:10`
///   (one version writes `paragraphs 9-10`, another `paragraphs 9 and 10`); a range of more
///   than `rangeLimit` numbers is compared as a range;
/// - kinds that translation traditions give the same unit (`interchangeable`: rules of
///   procedure are rules in English and Russian, articles in French, Spanish, Chinese and
///   Arabic) are one kind when their numbers agree: the kind most versions use names it.
///
/// Only the comparison sees these forms; the keys of each citation stay as written. A
/// different number is still a different reference.
public struct PinComparison: Sendable {
    /// Ranges of at most this many numbers are compared as their numbers (0: never).
    public let rangeLimit: Int
    /// Groups of pin kinds that may stand for one another, in the file's order (the first
    /// kind of a group names the unit when versions are evenly split).
    public let groups: [[String]]

    public init(rangeLimit: Int, groups: [[String]]) {
        self.rangeLimit = rangeLimit
        self.groups = groups
    }

    /// A rules folder without a `comparison` section compares keys exactly.
    public static let exact = PinComparison(rangeLimit: 0, groups: [])

    /// The keys of each version as compared: ranges spread into their numbers, then the
    /// kinds of each group made one per unit number.
    public func reconcile(_ versions: [Set<String>]) -> [Set<String>] {
        var result = versions.map { Set($0.flatMap(expand)) }
        for group in groups { result = unify(result, group) }
        return result
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
    /// sorted.
    public static func display(_ keys: Set<String>) -> [String] {
        var out = [String]()
        var numbers = [String: [Int]]()  // `annex:1/paragraph:` → its numbers
        for key in keys {
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
    /// kind under another kind of its groups): where a finding about those keys stands.
    public func stands(_ key: String, among keys: Set<String>) -> Bool {
        for form in expand(key) {
            if keys.contains(form) { return true }
            guard Self.isPin(form) else { continue }
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
