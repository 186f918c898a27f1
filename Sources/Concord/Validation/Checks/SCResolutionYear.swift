/// A Security Council resolution whose year contradicts the other Security Council
/// resolutions the document cites: numbers and years rise together, so `1325 (2009)` beside
/// `1820 (2008)` cannot both be right. The one that disagrees with most others is named.
public struct SCResolutionYear: DocumentCheck {
    public static let id = CheckID.plausibilitySCYear
    public static let defaultSeverity = Severity.warning
    public static let examples = CheckExamples(
        triggering: [
            .markdown("The General Assembly,\n\n1. *Recalls* Security Council resolutions 1325 (2000), 1820 (2008) and 1888 (2007);\n"),
            CheckExamples.Example([("doc.fr.md", "L'Assemblée générale,\n\n1. *Rappelle* la résolution 1820 (2008) du Conseil de sécurité ;\n\n2. *Rappelle également* la résolution 1612 (2009) du Conseil de sécurité ;\n")]),
            CheckExamples.Example([("doc.zh.md", "大会，\n\n1. 回顾安全理事会第1325(2009)号决议；\n\n2. 又回顾安全理事会第1820(2008)号决议和第1888(2009)号决议；\n")]),
        ],
        nonTriggering: [
            .markdown("The General Assembly,\n\n1. *Recalls* Security Council resolutions 1325 (2000), 1820 (2008), 1888 (2009) and 1889 (2009);\n\n2. *Recalls also* Security Council resolution 1325 (2000);\n"),
            CheckExamples.Example([("doc.fr.md", "L'Assemblée générale,\n\n1. *Rappelle* la résolution 1820 (2008) du Conseil de sécurité ;\n\n2. *Rappelle également* la résolution 1612 (2005) du Conseil de sécurité ;\n")]),
            CheckExamples.Example([("doc.zh.md", "大会，\n\n1. 回顾安全理事会第1325(2000)号决议；\n\n2. 又回顾安全理事会第1820(2008)号决议和第1888(2009)号决议；\n")]),
        ])

    public init() {}

    struct Cited {
        var number: Int
        var year: Int
        var citation: Citation
        func contradicts(_ other: Cited) -> Bool {
            number == other.number ? year != other.year
                : (number < other.number) != (year <= other.year) && year != other.year
        }
    }

    static func parse(_ key: String) -> (Int, Int)? {
        guard key.hasPrefix("S/RES/"), key.hasSuffix(")") else { return nil }
        let rest = key.dropFirst("S/RES/".count).dropLast()
        let parts = rest.split(separator: "(")
        guard parts.count == 2, parts[1].count == 4, let number = Int(parts[0]), let year = Int(parts[1]),
              parts[0].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return (number, year)
    }

    public func findings(in resolved: ResolvedDocument, context: CheckContext) -> [Finding] {
        // Each resolution once per year it is cited with, at its first place.
        var seen = Set<[Int]>()
        var cited = [Cited]()
        for citation in resolved.citations.sorted(by: { $0.sourceRange.lowerBound < $1.sourceRange.lowerBound }) {
            guard citation.kind == .resolution, let (number, year) = Self.parse(citation.key),
                  seen.insert([number, year]).inserted else { continue }
            cited.append(Cited(number: number, year: year, citation: citation))
        }
        guard cited.count > 1 else { return [] }
        // Keep the largest set that agrees (numbers and years rising together, one year per
        // number: a longest non-decreasing subsequence, O(n log n)); the others are the odd ones.
        let order = cited.indices.sorted { (cited[$0].number, cited[$0].year) < (cited[$1].number, cited[$1].year) }
        var tails = [Int](), tailIndex = [Int](), parent = [Int?](repeating: nil, count: cited.count)
        var start = 0
        while start < order.count {
            var end = start
            while end < order.count, cited[order[end]].number == cited[order[start]].number { end += 1 }
            // One number's years are placed against the state before the number, so that two
            // years of one number never chain.
            let updates = order[start..<end].map { index -> (Int, Int) in
                let year = cited[index].year
                var low = 0, high = tails.count
                while low < high { let mid = (low + high) / 2; if tails[mid] <= year { low = mid + 1 } else { high = mid } }
                parent[index] = low > 0 ? tailIndex[low - 1] : nil
                return (low, index)
            }
            for (position, index) in updates {
                if position == tails.count { tails.append(cited[index].year); tailIndex.append(index) }
                else if cited[index].year < tails[position] { tails[position] = cited[index].year; tailIndex[position] = index }
            }
            start = end
        }
        var keep = Set<Int>()
        var cursor = tailIndex.last
        while let index = cursor { keep.insert(index); cursor = parent[index] }
        let remaining = cited.indices.filter { keep.contains($0) }.map { cited[$0] }.sorted { $0.number < $1.number }
        let numbers = remaining.map(\.number)
        let odd = cited.indices.filter { !keep.contains($0) }.map { index -> (Cited, [Cited]) in
            let one = cited[index]
            // The neighbours it contradicts (else the first of the others that it does).
            let at = Neighbourhood.lowerBound(numbers, one.number)
            let around = [at > 0 ? remaining[at - 1] : nil, at < remaining.count ? remaining[at] : nil,
                          at + 1 < remaining.count && remaining[at].number == one.number ? remaining[at + 1] : nil].compactMap { $0 }
            let against = around.filter { one.contradicts($0) }
            return (one, against.isEmpty ? remaining.first { one.contradicts($0) }.map { [$0] } ?? [] : against)
        }
        let units = resolved.document.source.units
        var names: [String: String]?
        return odd.map { one, against in
            let citation = one.citation
            let at = Neighbourhood.lowerBound(numbers, one.number)
            let below = at > 0 ? remaining[at - 1] : nil
            let same = at < remaining.count && remaining[at].number == one.number ? remaining[at] : nil
            let next = at + (same == nil ? 0 : 1)
            let above = next < remaining.count ? remaining[next] : nil
            let expected: String
            if let same {
                expected = "resolution \(one.number) is cited elsewhere as \(one.number) (\(same.year))"
            } else {
                let range = [below.map { "\($0.number) (\($0.year))" }, above.map { "\($0.number) (\($0.year))" }].compactMap { $0 }.joined(separator: " and ")
                let low = below?.year, high = above?.year
                let allowed = switch (low, high) {
                case let (low?, high?): low == high ? "\(low)" : "\(low) to \(high)"
                case let (low?, nil): "\(low) or later"
                case let (nil, high?): "\(high) or earlier"
                case (nil, nil): "one of the years it is cited with elsewhere"
                }
                expected = "given \(range), its year can only be \(allowed)"
            }
            let conflicts = against.map { "\($0.number) (\($0.year))" }.joined(separator: ", ")
            if names == nil, citation.footnote == nil { names = resolved.document.placeNames() }
            let place = citation.footnote.map { "footnote \($0)" } ?? citation.paragraph.flatMap { names?[$0] } ?? "the text"
            let message = "Security Council resolution \(one.number) (\(one.year)) in \(place) contradicts \(conflicts) cited in the same document: \(expected)"
            let unitID = citation.footnote.map { "footnote \($0)" } ?? citation.paragraph ?? ""
            return context.finding(Self.id, in: resolved.document, at: NumberToken.span(of: citation, in: units).lowerBound, message,
                                   related: against.map { resolved.document.location(of: NumberToken.span(of: $0.citation, in: units).lowerBound) },
                                   subject: "\(citation.key) in \(unitID)")
        }
    }
}
