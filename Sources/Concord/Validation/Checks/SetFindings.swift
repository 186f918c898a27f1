/// What the set checks share: naming versions, summarising keys, places in the versions.
extension VersionAlignment {
    /// `en, fr, ru`: the versions at these indices, by language.
    func names(_ indices: [Int]) -> String {
        indices.map { versions[$0].language }.sorted().joined(separator: ", ")
    }

    /// A place in version `v`, named for a related location.
    func location(_ v: Int, _ offset: Int) -> Location {
        versions[v].document.location(of: offset, message: "the \(versions[v].language) version")
    }

    func finding(_ id: CheckID, _ context: CheckContext, version v: Int, offset: Int, message: String,
                 related: [Location], subject: String) -> Finding {
        context.finding(id, in: versions[v].document, at: offset, message, related: related, subject: subject)
    }

    /// One value per version in `present` (a date, a count of titles) that must agree: by the
    /// majority rule, a finding on each version out of line (`odd(version, its value, the
    /// common value, the versions agreeing)`), related to the agreeing ones; with no majority,
    /// one finding on the last version (`tie(description)`, `en 2010-07-30, fr 2011-07-30`),
    /// related to the others. `at(version)` is where the finding stands.
    func disagreements<T: Hashable & CustomStringConvertible>(
        _ id: CheckID, _ context: CheckContext, present: [Int], values: [T], subject: String,
        at: (Int) -> Int, odd: (Int, T, T, [Int]) -> String, tie: (String) -> String) -> [Finding] {
        guard present.count >= 2, values.contains(where: { $0 != values[0] }) else { return [] }
        if let (common, agreeing) = SetMajority.of(values) {
            let holders = agreeing.map { present[$0] }
            return present.indices.filter { values[$0] != common }.map { i in
                finding(id, context, version: present[i], offset: at(present[i]),
                        message: odd(present[i], values[i], common, holders),
                        related: holders.map { location($0, at($0)) }, subject: subject)
            }
        }
        let description = present.indices.map { "\(versions[present[$0]].language) \(values[$0])" }.joined(separator: ", ")
        let last = present[present.count - 1]
        return [finding(id, context, version: last, offset: at(last), message: tie(description),
                        related: present.dropLast().map { location($0, at($0)) }, subject: subject)]
    }

    /// `A/RES/64/293, treaty:2225/39574 and 3 more`, or `nothing`. With `ranges`, numbers that
    /// follow one another under one kind are named as their range (`paragraph:46-51`: the
    /// keys as compared, `PinComparison.display`).
    static func summary(_ keys: Set<String>, ranges: Bool = false) -> String {
        if keys.isEmpty { return "nothing" }
        let sorted = ranges ? PinComparison.display(keys) : keys.sorted()
        return sorted.prefix(4).joined(separator: ", ") + (sorted.count > 4 ? " and \(sorted.count - 4) more" : "")
    }

    /// The pairs of units the citation comparison looks at, in order: each compared
    /// paragraph kind whose counts agree (by position) — in a labelled genre each anchor, then
    /// the units without anchor paired between them —, then the footnotes paired with the
    /// reference's (those present in at least two versions).
    func comparedUnits() -> [(versions: [Int], units: [Unit])] {
        var result = [(versions: [Int], units: [Unit])]()
        if byAnchor {
            // Labelled genres: article 12 with article 12, wherever it stands.
            for anchor in anchorOrder {
                let present = versions.indices.filter { anchored[$0][anchor] != nil }
                guard present.count >= 2 else { continue }
                result.append((present, present.map { anchored[$0][anchor]! }))
            }
            // Then the units without anchor, paired between the anchored ones.
            return result + unanchored
        }
        for kind in Self.comparedKinds where pairs(kind) {
            let units = paragraphs[kind]!
            for position in 0..<(units.first?.count ?? 0) {
                result.append((Array(versions.indices), units.map { $0[position] }))
            }
        }
        return result
    }

    /// Version `v`'s texts by compared unit: each paragraph unit under the offset the
    /// alignment gives it (the start of its first paragraph; the paragraphs at one position
    /// are one unit, in document order, each with its id), each footnote body under its label.
    /// What `set.number-mismatch` and `set.unkeyed-trace` read their numbers from.
    func unitTexts(_ v: Int) -> (paragraphs: [Int: [(id: String, text: MappedText)]], footnotes: [String: MappedText]) {
        let document = versions[v].document
        var firstOffset = [Position: Int]()
        var paragraphs = [Int: [(id: String, text: MappedText)]]()
        for paragraph in document.paragraphs {
            guard let position = positions[v][paragraph.id] else { continue }
            let start = firstOffset[position] ?? paragraph.start
            firstOffset[position] = start
            paragraphs[start, default: []].append((paragraph.id, paragraph.text))
        }
        var footnotes = [String: MappedText]()
        for footnote in document.footnotes {
            if let body = footnote.body { footnotes[footnote.label] = body.text }
        }
        return (paragraphs, footnotes)
    }

    func pairedFootnotes() -> [(reference: Int, versions: [Int], units: [Unit])] {
        (0..<footnotes[reference].count).compactMap { r in
            let present = versions.indices.filter { footnotePairs[$0][r] != nil }
            guard present.count >= 2 else { return nil }
            return (r, present, present.map { footnotes[$0][footnotePairs[$0][r]!] })
        }
    }
}
