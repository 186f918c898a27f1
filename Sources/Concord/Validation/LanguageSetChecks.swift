/// Compares the language versions of one document: the same paragraphs, the same footnotes
/// with their markers in the same paragraphs, the same references in each. With three or
/// more versions the majority names the version that is out of line.
public struct LanguageSetChecks: Sendable {
    public struct Version: Sendable {
        public var document: Document
        public var citations: [Citation]
        public var language: String { document.language?.rawValue ?? "?" }
        public init(document: Document, citations: [Citation]) {
            self.document = document
            self.citations = citations
        }
    }

    public let catalogue: CheckCatalogue

    public init(catalogue: CheckCatalogue) {
        self.catalogue = catalogue
    }

    /// A unit of comparison in one version: a paragraph (sub-items folded into their
    /// paragraph) or a footnote.
    private struct Unit {
        var name: String          // "operative paragraph 12", "footnote 5"
        var offset: Int           // where it starts in the source
        var keys: Set<String>
        var citations: [Citation]
    }

    public func findings(_ versions: [Version]) -> [Finding] {
        let versions = versions.sorted { $0.language < $1.language }
        guard versions.count >= 2 else { return [] }
        var findings = [Finding]()
        findings += paragraphFindings(versions)
        findings += footnoteFindings(versions)
        return findings.sorted(by: Finding.ordered)
    }

    // MARK: Paragraphs

    private func paragraphUnits(_ version: Version, kind: ParagraphKind) -> [(number: Int?, unit: Unit)] {
        var units = [(number: Int?, unit: Unit)]()
        var index = [String: Int]()
        for paragraph in version.document.paragraphs {
            if paragraph.kind == kind {
                index[paragraph.id] = units.count
                let name = kind == .preambular ? "preambular paragraph \(units.count + 1)"
                    : "\(kind == .annex ? "annex" : "operative") paragraph \(paragraph.number.map(String.init) ?? "?")"
                units.append((paragraph.number, Unit(name: name, offset: paragraph.start, keys: [], citations: [])))
            } else if paragraph.kind == .subparagraph, let parent = paragraph.parentID, let i = index[parent] {
                index[paragraph.id] = i
            }
        }
        for citation in version.citations where citation.footnote == nil && citation.kind != .unknown {
            guard let id = citation.paragraph, let i = index[id] else { continue }
            units[i].unit.keys.insert(citation.key)
            units[i].unit.citations.append(citation)
        }
        return units
    }

    private func paragraphFindings(_ versions: [Version]) -> [Finding] {
        var findings = [Finding]()
        for kind in [ParagraphKind.preambular, .operative, .annex] {
            let units = versions.map { paragraphUnits($0, kind: kind) }
            let plural = kind == .preambular ? "preambular paragraphs" : kind == .annex ? "annex paragraphs" : "operative paragraphs"
            // The same number of paragraphs?
            let counts = units.map(\.count)
            if let (count, agreeing) = majority(counts.map { $0 }), counts.contains(where: { $0 != count }) {
                for (i, version) in versions.enumerated() where counts[i] != count {
                    findings.append(finding("set.paragraph-count", version: version, offset: units[i].first?.unit.offset ?? 0,
                                            message: "the \(version.language) version has \(counts[i]) \(plural); \(names(agreeing, versions)) have \(count)",
                                            related: agreeing.map { location(versions[$0], units[$0].first?.unit.offset ?? 0) },
                                            subject: "\(plural) count"))
                }
                continue  // units cannot be paired one to one
            }
            guard counts.allSatisfy({ $0 == counts[0] }) else {
                if versions.count == 2 {
                    findings.append(finding("set.paragraph-count", version: versions[1], offset: units[1].first?.unit.offset ?? 0,
                                            message: "the \(versions[1].language) version has \(counts[1]) \(plural); the \(versions[0].language) version has \(counts[0])",
                                            related: [location(versions[0], units[0].first?.unit.offset ?? 0)], subject: "\(plural) count"))
                }
                continue
            }
            // Paired by order: the same numbers, the same references.
            for position in 0..<counts[0] {
                if kind != .preambular {
                    let numbers = units.map { $0[position].number ?? -1 }
                    if let (number, agreeing) = majority(numbers) {
                        for (i, version) in versions.enumerated() where numbers[i] != number {
                            findings.append(finding("set.paragraph-count", version: version, offset: units[i][position].unit.offset,
                                                    message: "the \(version.language) version numbers \(kind == .annex ? "annex" : "operative") paragraph \(number) as \(numbers[i]); \(names(agreeing, versions)) number it \(number)",
                                                    related: agreeing.map { location(versions[$0], units[$0][position].unit.offset) },
                                                    subject: "\(kind.rawValue) #\(position + 1) number"))
                        }
                    }
                }
                findings += compare(versions, units: units.map { $0[position].unit })
            }
        }
        return findings
    }

    // MARK: Footnotes

    private func footnoteUnits(_ version: Version) -> [(label: String, marker: String?, unit: Unit)] {
        // Paragraph ids → the unit names the other versions share (operative by order).
        var paragraphName = [String: String]()
        var order: [ParagraphKind: Int] = [:]
        var parentName = [String: String]()
        for paragraph in version.document.paragraphs {
            switch paragraph.kind {
            case .preambular, .operative, .annex:
                order[paragraph.kind, default: 0] += 1
                let name = "\(paragraph.kind.idPrefix)#\(order[paragraph.kind]!)"
                paragraphName[paragraph.id] = name
                parentName[paragraph.id] = name
            case .subparagraph:
                paragraphName[paragraph.id] = paragraph.parentID.flatMap { parentName[$0] } ?? paragraph.id
            default:
                paragraphName[paragraph.id] = paragraph.id
            }
        }
        return version.document.footnotes.compactMap { footnote in
            guard let body = footnote.body else { return nil }
            let citations = version.citations.filter { $0.footnote == footnote.label && $0.kind != .unknown }
            let marker = footnote.markers.first.map { paragraphName[$0.paragraphID] ?? $0.paragraphID }
            return (footnote.label, marker, Unit(name: "footnote \(footnote.label)", offset: body.labelRange.lowerBound,
                                                 keys: Set(citations.map(\.key)), citations: citations))
        }
    }

    private func footnoteFindings(_ versions: [Version]) -> [Finding] {
        var findings = [Finding]()
        let notes = versions.map(footnoteUnits)
        let counts = notes.map(\.count)
        // The reference: a version with the most common number of footnotes.
        let (count, agreeingCount) = majority(counts) ?? (counts[0], [0])
        let reference = counts.firstIndex(of: count) ?? 0
        let others = versions.count > 2 ? names(agreeingCount, versions) : "the \(versions[reference].language) version"
        let have = agreeingCount.count > 1 ? "have" : "has"
        // Pair each version's footnotes with the reference's (a dropped footnote must not
        // shift every later one).
        var pairs = [[Int?]]()  // pairs[v][r] = index in version v of reference footnote r
        for (v, mine) in notes.enumerated() {
            if v == reference { pairs.append(Array(0..<notes[reference].count)); continue }
            let aligned = align(notes[reference].map(\.unit.keys), mine.map(\.unit.keys))
            pairs.append(aligned.pairs)
            let missing = (0..<notes[reference].count).filter { aligned.pairs[$0] == nil }
            let extra = (0..<mine.count).filter { !aligned.pairs.contains($0) }
            if !missing.isEmpty || !extra.isEmpty || mine.count != notes[reference].count {
                let version = versions[v]
                var parts = [String]()
                for r in missing {
                    let ref = notes[reference][r]
                    parts.append("footnote \(ref.label) of the others (\(summary(ref.unit.keys))) is missing")
                }
                for e in extra { parts.append("its footnote \(mine[e].label) (\(summary(mine[e].unit.keys))) is not in the others") }
                let offset = missing.first.flatMap { r -> Int? in
                    // Where the missing footnote's marker would be: the same paragraph.
                    guard let marker = notes[reference][r].marker else { return nil }
                    return paragraphOffset(versions[v], name: marker)
                } ?? extra.first.map { mine[$0].unit.offset } ?? mine.first?.unit.offset ?? 0
                findings.append(finding("set.footnote-count", version: version, offset: offset,
                                        message: "the \(version.language) version has \(mine.count) footnotes; \(others) \(have) \(notes[reference].count)\(parts.isEmpty ? "" : ": " + parts.joined(separator: "; "))",
                                        related: versions.indices.filter { $0 != v }.map { o in
                                            let label = missing.first.map { notes[reference][$0].label }
                                            let unit = notes[o].first { $0.label == label }?.unit ?? notes[o].first?.unit
                                            return location(versions[o], unit?.offset ?? 0)
                                        },
                                        subject: "footnotes"))
            }
        }
        for r in 0..<notes[reference].count {
            let present = (0..<versions.count).filter { pairs[$0][r] != nil }
            guard present.count >= 2 else { continue }
            let units = present.map { notes[$0][pairs[$0][r]!] }
            findings += compare(present.map { versions[$0] }, units: units.map(\.unit))
            // The marker in the same paragraph?
            let markers = units.map { $0.marker ?? "" }
            if let (marker, agreeing) = majority(markers), !marker.isEmpty {
                for (i, v) in present.enumerated() where markers[i] != marker && !markers[i].isEmpty {
                    let version = versions[v]
                    let footnote = version.document.footnotes.first { $0.label == units[i].label }
                    let offset = footnote?.markers.first?.sourceRange.lowerBound ?? units[i].unit.offset
                    findings.append(finding("set.marker-moved", version: version, offset: offset,
                                            message: "in the \(version.language) version the marker of footnote \(units[i].label) stands in \(readable(markers[i])); \(names(agreeing.map { present[$0] }, versions)) have it in \(readable(marker))",
                                            related: agreeing.map { j in
                                                let other = versions[present[j]]
                                                let mark = other.document.footnotes.first { $0.label == units[j].label }?.markers.first?.sourceRange.lowerBound
                                                return location(other, mark ?? units[j].unit.offset)
                                            },
                                            subject: "marker of footnote \(notes[reference][r].label)"))
                }
            }
        }
        return findings
    }

    // MARK: Comparison of one unit across versions

    private func compare(_ versions: [Version], units: [Unit]) -> [Finding] {
        let keys = units.map(\.keys)
        guard keys.contains(where: { $0 != keys[0] }) else { return [] }
        if let (common, agreeing) = majority(keys) {
            return versions.indices.filter { keys[$0] != common }.map { i in
                let version = versions[i]
                let extra = keys[i].subtracting(common), missing = common.subtracting(keys[i])
                let others = names(agreeing, versions)
                let verb = agreeing.count == 1 ? "cites" : "cite"
                let message: String
                if !extra.isEmpty, !missing.isEmpty {
                    message = "the \(version.language) version cites \(summary(extra)) in \(units[i].name); \(others) \(verb) \(summary(missing))"
                } else if !missing.isEmpty {
                    message = "the \(version.language) version does not cite \(summary(missing)) in \(units[i].name), as \(others) do"
                } else {
                    message = "the \(version.language) version cites \(summary(extra)) in \(units[i].name), which \(others) do not"
                }
                let at = units[i].citations.first { extra.contains($0.key) }?.sourceRange.lowerBound ?? units[i].offset
                return finding("set.citation-mismatch", version: version, offset: at, message: message,
                               related: agreeing.map { location(versions[$0], units[$0].offset) },
                               subject: "\(units[i].name) citations")
            }
        }
        // No majority (two versions, or a tie): one finding that names every version.
        let description = versions.indices.map { "\(versions[$0].language) cites \(summary(keys[$0]))" }.joined(separator: "; ")
        let last = versions.count - 1
        return [finding("set.citation-mismatch", version: versions[last], offset: units[last].offset,
                        message: "the versions cite different references in \(units[last].name): \(description)",
                        related: (0..<last).map { location(versions[$0], units[$0].offset) },
                        subject: "\(units[last].name) citations")]
    }

    // MARK: Helpers

    /// The most common value and the indices that hold it, when it is held by at least two
    /// versions and by more than any other value.
    private func majority<T: Hashable>(_ values: [T]) -> (T, [Int])? {
        var groups = [T: [Int]]()
        for (i, value) in values.enumerated() { groups[value, default: []].append(i) }
        let sorted = groups.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.value[0] < $1.value[0] }
        guard let best = sorted.first, best.value.count >= 2 else { return nil }
        if sorted.count > 1, sorted[1].value.count == best.value.count { return nil }
        return (best.key, best.value)
    }

    /// Pairs two sequences of footnotes by their keys (an edit-distance alignment): equal
    /// key sets pair for free, different ones at a cost, skipping one costs more.
    private func align(_ reference: [Set<String>], _ other: [Set<String>]) -> (pairs: [Int?], cost: Int) {
        let n = reference.count, m = other.count
        var cost = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in 0...n { cost[i][0] = i * 3 }
        for j in 0...m { cost[0][j] = j * 3 }
        if n > 0 && m > 0 {
            for i in 1...n {
                for j in 1...m {
                    let a = reference[i - 1], b = other[j - 1]
                    let substitute = a == b ? 0 : (a.isDisjoint(with: b) ? 4 : 2)
                    cost[i][j] = min(cost[i - 1][j - 1] + substitute, cost[i - 1][j] + 3, cost[i][j - 1] + 3)
                }
            }
        }
        var pairs = [Int?](repeating: nil, count: n)
        var i = n, j = m
        while i > 0 && j > 0 {
            let a = reference[i - 1], b = other[j - 1]
            let substitute = a == b ? 0 : (a.isDisjoint(with: b) ? 4 : 2)
            if cost[i][j] == cost[i - 1][j - 1] + substitute { pairs[i - 1] = j - 1; i -= 1; j -= 1 }
            else if cost[i][j] == cost[i - 1][j] + 3 { i -= 1 }
            else { j -= 1 }
        }
        return (pairs, cost[n][m])
    }

    private func paragraphOffset(_ version: Version, name: String) -> Int? {
        var order: [ParagraphKind: Int] = [:]
        for paragraph in version.document.paragraphs where [.preambular, .operative, .annex].contains(paragraph.kind) {
            order[paragraph.kind, default: 0] += 1
            if "\(paragraph.kind.idPrefix)#\(order[paragraph.kind]!)" == name { return paragraph.start }
        }
        return nil
    }

    private func readable(_ name: String) -> String {
        // "op#12" → "operative paragraph 12"
        let parts = name.split(separator: "#")
        guard parts.count == 2 else { return name }
        switch parts[0] {
        case "pp": return "preambular paragraph \(parts[1])"
        case "op": return "operative paragraph \(parts[1])"
        case "an": return "annex paragraph \(parts[1])"
        default: return name
        }
    }

    private func summary(_ keys: Set<String>) -> String {
        if keys.isEmpty { return "nothing" }
        let sorted = keys.sorted()
        return sorted.prefix(4).joined(separator: ", ") + (sorted.count > 4 ? " and \(sorted.count - 4) more" : "")
    }

    private func names(_ indices: [Int], _ versions: [Version]) -> String {
        indices.map { versions[$0].language }.sorted().joined(separator: ", ")
    }

    private func location(_ version: Version, _ offset: Int) -> Location {
        version.document.location(of: offset, message: "the \(version.language) version")
    }

    private func finding(_ rule: String, version: Version, offset: Int, message: String, related: [Location], subject: String) -> Finding {
        Finding(rule: rule, severity: catalogue.severity(rule), message: message,
                location: version.document.location(of: offset), related: related, subject: subject)
    }
}
