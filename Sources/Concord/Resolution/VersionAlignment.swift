/// The one alignment of the language versions of a document, unit by unit: what the set
/// checks compare and what the HTML report shows side by side.
///
/// - Preambular, operative and annex paragraphs pair by order within their kind (so that a
///   renumbered operative paragraph is one difference, not a shift of every later one), with
///   their sub-items folded in; they pair only when every version has as many.
/// - Footnotes pair by what they cite: each version's footnotes are aligned with those of a
///   reference version (one with the most common number of footnotes) by an edit distance
///   over their citation keys, so that a dropped footnote is one difference.
/// - Every other paragraph (title, chapeau, headings, closing) pairs by order within its kind,
///   for display.
public struct VersionAlignment: Sendable {
    /// The versions, in language order.
    public let versions: [ResolvedDocument]

    /// A place in the structure that is the same in every version: the n-th paragraph of a
    /// kind (sub-items belong to their paragraph), or a unit with no counterpart such as a
    /// heading (by its id).
    public enum Position: Sendable, Hashable {
        case paragraph(ParagraphKind, Int)
        case other(String)
        /// A unit of a genre with labels of its own (treaties, reports), by its anchor.
        case anchor(String)

        /// `operative paragraph 12` (the 12th); a unit with no counterpart by its kind alone
        /// (`VersionAlignment.name(of:in:)` names it as a version words it).
        public var readable: String {
            switch self {
            case let .paragraph(kind, n): return "\(kind.readableName) \(n)"
            case .other: return "the text"
            case let .anchor(anchor): return VersionAlignment.readable(anchor: anchor)
            }
        }
    }

    /// How a reader names a position in version `v`: `operative paragraph 12`, or a unit
    /// without a counterpart by the version's own words (`the heading “Annex”`), never by
    /// its id.
    public func name(of position: Position, in v: Int) -> String {
        switch position {
        case .paragraph, .anchor: return position.readable
        case let .other(id): return versions[v].document.placeName(ofParagraph: id)
        }
    }

    /// One unit of one version as the checks compare it.
    public struct Unit: Sendable {
        /// `operative paragraph 12`, `footnote 5`.
        public var name: String
        /// Where it starts in the source.
        public var offset: Int
        public var keys: Set<String>
        public var citations: [Citation]
        /// The paragraph's number as written (nil for footnotes and unnumbered paragraphs).
        public var number: Int?
        /// Footnotes: the label, and where the first marker stands.
        public var label: String?
        public var marker: Position?
    }

    /// Whether the versions of one unit key differently. Versions that key alike compare
    /// alike (every reading of the comparison treats each version the same way), so the
    /// set checks leave such units, most of a set's, unread.
    static func keyDifferently(_ units: [Unit]) -> Bool {
        units.contains { $0.keys != units[0].keys }
    }

    /// For each compared paragraph kind, each version's units in order.
    public let paragraphs: [ParagraphKind: [[Unit]]]
    /// Each version's footnotes (those with a body), in order.
    public let footnotes: [[Unit]]
    /// The version whose footnotes the others are paired with.
    public let reference: Int
    /// `footnotePairs[v][r]`: the index in version v of the reference's footnote r, or nil.
    public let footnotePairs: [[Int?]]
    /// Each version's paragraph ids → their position.
    public let positions: [[String: Position]]

    /// Whether the versions are of a genre whose units carry labels (treaties, reports):
    /// their units pair by anchor (article 12 with article 12), not by order.
    public let byAnchor: Bool
    /// By anchor: each version's units (a unit without an anchor of its own counts under the
    /// unit it belongs to), and the anchors in the order they first appear.
    public let anchored: [[String: Unit]]
    public let anchorOrder: [String]
    /// By anchor: the units without an anchor of their own or of a unit they belong to (a
    /// report's masthead and title, a treaty's title, `Have agreed as follows:`), paired the
    /// way a diff pairs lines between the lines it has matched: within each stretch between
    /// two anchored units, by order, each version against the version with the most common
    /// number of such units there (edit distance over their kinds and citation keys, so that
    /// a line one version adds, such as French `Français`, is skipped rather than shifting the
    /// rest). Each entry: the versions that have the unit, and their units.
    public let unanchored: [(versions: [Int], units: [Unit])]

    /// `article:12(3)(b)` → `article 12(3)(b)`, `annex:1/paragraph:3` → `paragraph 3 of annex 1`,
    /// `preamble:2` → `preambular paragraph 2`.
    public static func readable(anchor: String) -> String {
        let parts = anchor.split(separator: "/").reversed().map { part -> String in
            if part.hasPrefix("preamble:") { return "preambular paragraph " + part.dropFirst("preamble:".count) }
            return String(part).replacingLiteral(":", with: " ")
        }
        return parts.joined(separator: " of ")
    }

    /// The paragraph kinds compared across versions.
    public static let comparedKinds: [ParagraphKind] = [.preambular, .operative, .annex]

    public init(_ versions: [ResolvedDocument]) {
        let versions = versions.sorted { $0.language < $1.language }
        self.versions = versions
        positions = versions.map(Self.positions)
        var paragraphs = [ParagraphKind: [[Unit]]]()
        for kind in Self.comparedKinds {
            paragraphs[kind] = versions.map { Self.paragraphUnits($0, kind: kind) }
        }
        self.paragraphs = paragraphs
        let byAnchor = !versions.isEmpty && versions.allSatisfy { $0.document.genre.isLabelled && $0.document.genre == versions[0].document.genre }
        self.byAnchor = byAnchor
        var anchored = [[String: Unit]]()
        var order = [String]()
        if byAnchor {
            var known = Set<String>()
            // Each anchor's readable name, made once for the versions that share it.
            var names = [String: String]()
            for version in versions {
                let units = Self.anchorUnits(version, names: &names)
                for (anchor, _) in units.order where known.insert(anchor).inserted { order.append(anchor) }
                anchored.append(units.units)
            }
        }
        self.anchored = anchored
        anchorOrder = order
        unanchored = byAnchor ? Self.unanchoredUnits(versions) : []
        let footnotes = zip(versions, positions).map { Self.footnoteUnits($0, positions: $1) }
        self.footnotes = footnotes
        let counts = footnotes.map(\.count)
        let count = SetMajority.of(counts)?.value ?? counts.first ?? 0
        let reference = counts.firstIndex(of: count) ?? 0
        self.reference = reference
        footnotePairs = footnotes.indices.map { v in
            v == reference ? Array(0..<footnotes[reference].count).map(Optional.some)
                : Self.align(footnotes[reference].map(\.keys), footnotes[v].map(\.keys))
        }
    }

    /// Whether every version has as many paragraphs of a kind (they then pair by order).
    public func pairs(_ kind: ParagraphKind) -> Bool {
        let counts = (paragraphs[kind] ?? []).map(\.count)
        return counts.allSatisfy { $0 == counts.first }
    }

    // MARK: Building

    private static func positions(_ version: ResolvedDocument) -> [String: Position] {
        var result = [String: Position]()
        if version.document.genre.isLabelled {
            for paragraph in version.document.paragraphs {
                result[paragraph.id] = (paragraph.anchor ?? paragraph.parentAnchor).map(Position.anchor) ?? .other(paragraph.id)
            }
            return result
        }
        var order = [ParagraphKind: Int]()
        for paragraph in version.document.paragraphs {
            switch paragraph.kind {
            case .preambular, .operative, .annex:
                order[paragraph.kind, default: 0] += 1
                result[paragraph.id] = .paragraph(paragraph.kind, order[paragraph.kind]!)
            case .subparagraph:
                result[paragraph.id] = paragraph.parentID.flatMap { result[$0] } ?? .other(paragraph.id)
            default:
                result[paragraph.id] = .other(paragraph.id)
            }
        }
        return result
    }

    private static func paragraphUnits(_ version: ResolvedDocument, kind: ParagraphKind) -> [Unit] {
        var units = [Unit]()
        var index = [String: Int]()
        for paragraph in version.document.paragraphs {
            if paragraph.kind == kind {
                index[paragraph.id] = units.count
                let name = kind == .preambular ? "preambular paragraph \(units.count + 1)"
                    : "\(kind.readableName) \(paragraph.number.map(String.init) ?? "?")"
                units.append(Unit(name: name, offset: paragraph.start, keys: [], citations: [], number: paragraph.number))
            } else if paragraph.kind == .subparagraph, let parent = paragraph.parentID, let i = index[parent] {
                index[paragraph.id] = i
            }
        }
        for citation in version.citations where citation.footnote == nil && citation.kind != .unknown {
            guard let id = citation.paragraph, let i = index[id] else { continue }
            units[i].keys.insert(citation.key)
            units[i].citations.append(citation)
        }
        return units
    }

    /// A labelled genre's units by anchor, with the citations of their text (and of the
    /// unlabelled text that belongs to them).
    private static func anchorUnits(_ version: ResolvedDocument, names: inout [String: String]) -> (units: [String: Unit], order: [(String, Int)]) {
        var units = [String: Unit]()
        var order = [(String, Int)]()
        var owner = [String: String]()
        for paragraph in version.document.paragraphs {
            guard let anchor = paragraph.anchor ?? paragraph.parentAnchor else { continue }
            owner[paragraph.id] = anchor
            if units[anchor] == nil {
                let name = names[anchor] ?? readable(anchor: anchor)
                names[anchor] = name
                units[anchor] = Unit(name: name, offset: paragraph.start, keys: [], citations: [], number: paragraph.number)
                order.append((anchor, order.count))
            }
        }
        for citation in version.citations where citation.footnote == nil && citation.kind != .unknown {
            guard let id = citation.paragraph, let anchor = owner[id] else { continue }
            units[anchor]!.keys.insert(citation.key)
            units[anchor]!.citations.append(citation)
        }
        return (units, order)
    }

    /// The units without anchor of a labelled genre, paired between the anchored units around
    /// them (see `unanchored`).
    private static func unanchoredUnits(_ versions: [ResolvedDocument]) -> [(versions: [Int], units: [Unit])] {
        // Each version's stretches: the anchor before them ("" at the start) → their units.
        var stretches = [[String: [(kind: ParagraphKind, unit: Unit)]]]()
        var order = [String]()
        var known = Set<String>()
        for version in versions {
            var byStretch = [String: [(kind: ParagraphKind, unit: Unit)]]()
            var index = [String: (String, Int)]()
            var last = ""
            for paragraph in version.document.paragraphs {
                if let anchor = paragraph.anchor ?? paragraph.parentAnchor { last = anchor; continue }
                if paragraph.kind == .subparagraph, let parent = paragraph.parentID, let at = index[parent] {
                    index[paragraph.id] = at
                    continue
                }
                if known.insert(last).inserted { order.append(last) }
                index[paragraph.id] = (last, byStretch[last, default: []].count)
                byStretch[last, default: []].append((paragraph.kind, Unit(name: version.document.placeName(ofParagraph: paragraph.id),
                                                                          offset: paragraph.start, keys: [], citations: [], number: paragraph.number)))
            }
            for citation in version.citations where citation.footnote == nil && citation.kind != .unknown {
                guard let id = citation.paragraph, let (stretch, i) = index[id] else { continue }
                byStretch[stretch]![i].unit.keys.insert(citation.key)
                byStretch[stretch]![i].unit.citations.append(citation)
            }
            stretches.append(byStretch)
        }
        var result = [(versions: [Int], units: [Unit])]()
        for stretch in order {
            let lists = stretches.map { $0[stretch] ?? [] }
            let counts = lists.map(\.count)
            let count = SetMajority.of(counts)?.value ?? counts.max() ?? 0
            guard let reference = counts.firstIndex(of: count) else { continue }
            // A heading pairs only with a heading, a title with a title.
            func substitute(_ a: (kind: ParagraphKind, unit: Unit), _ b: (kind: ParagraphKind, unit: Unit)) -> Int {
                a.kind != b.kind ? 1000 : (a.unit.keys == b.unit.keys ? 0 : (a.unit.keys.isDisjoint(with: b.unit.keys) ? 4 : 2))
            }
            let pairs = lists.indices.map { v in
                v == reference ? Array(0..<count).map(Optional.some) : align(lists[reference], lists[v], substitute: substitute)
            }
            for r in 0..<count {
                let present = versions.indices.filter { pairs[$0][r] != nil }
                guard present.count >= 2 else { continue }
                result.append((present, present.map { lists[$0][pairs[$0][r]!].unit }))
            }
        }
        return result
    }

    private static func footnoteUnits(_ version: ResolvedDocument, positions: [String: Position]) -> [Unit] {
        version.document.footnotes.compactMap { footnote in
            guard let body = footnote.body else { return nil }
            let citations = version.citations.filter { $0.footnote == footnote.label && $0.kind != .unknown }
            let marker = footnote.markers.first.map { positions[$0.paragraphID] ?? .other($0.paragraphID) }
            return Unit(name: "footnote \(footnote.label)", offset: body.labelRange.lowerBound, keys: Set(citations.map(\.key)),
                        citations: citations, label: footnote.label, marker: marker)
        }
    }

    /// Pairs two sequences of footnotes by their keys (an edit-distance alignment): equal
    /// key sets pair for free, different ones at a cost, skipping one costs more.
    static func align(_ reference: [Set<String>], _ other: [Set<String>]) -> [Int?] {
        align(reference, other) { a, b in a == b ? 0 : (a.isDisjoint(with: b) ? 4 : 2) }
    }

    /// The same alignment with another cost of pairing two units (skipping one costs 3).
    static func align<T>(_ reference: [T], _ other: [T], substitute: (T, T) -> Int) -> [Int?] {
        let n = reference.count, m = other.count
        var cost = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in 0...n { cost[i][0] = i * 3 }
        for j in 0...m { cost[0][j] = j * 3 }
        if n > 0 && m > 0 {
            for i in 1...n {
                for j in 1...m {
                    cost[i][j] = min(cost[i - 1][j - 1] + substitute(reference[i - 1], other[j - 1]), cost[i - 1][j] + 3, cost[i][j - 1] + 3)
                }
            }
        }
        var pairs = [Int?](repeating: nil, count: n)
        var i = n, j = m
        while i > 0 && j > 0 {
            if cost[i][j] == cost[i - 1][j - 1] + substitute(reference[i - 1], other[j - 1]) { pairs[i - 1] = j - 1; i -= 1; j -= 1 }
            else if cost[i][j] == cost[i - 1][j] + 3 { i -= 1 }
            else { j -= 1 }
        }
        return pairs
    }

    /// Where a position starts in a version, for a finding about a unit it lacks.
    public func offset(of position: Position, in version: Int) -> Int? {
        guard case let .paragraph(kind, n) = position, let units = paragraphs[kind]?[version], n >= 1, n <= units.count else { return nil }
        return units[n - 1].offset
    }
}

/// The most common value among the versions and the versions that hold it, when at least two
/// hold it and more than hold any other value: the majority that names the version out of
/// line.
public enum SetMajority {
    public static func of<T: Hashable>(_ values: [T]) -> (value: T, holders: [Int])? {
        var groups = [T: [Int]]()
        for (i, value) in values.enumerated() { groups[value, default: []].append(i) }
        let sorted = groups.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.value[0] < $1.value[0] }
        guard let best = sorted.first, best.value.count >= 2 else { return nil }
        if sorted.count > 1, sorted[1].value.count == best.value.count { return nil }
        return (best.key, best.value)
    }
}

// MARK: Rows, for the side-by-side view

extension VersionAlignment {
    /// One version's text in a row.
    public struct Cell: Sendable {
        public var text: MappedText
        /// Where the unit starts in the source (its number or label included).
        public var start: Int
        public var citations: [Citation]
        /// The unit's sub-items.
        public var extra: [MappedText] = []
        public var markers: [Range<Int>] = []
    }

    /// A unit and its counterpart in each version.
    public struct Row: Sendable {
        /// Stable within the set: `operative#12` (the 12th), `fn#5`.
        public var key: String
        /// `pp3`, `op12`, `annex 2`, `fn 5`.
        public var label: String
        /// Version index → its cell; a version without the unit has none.
        public var cells: [Int: Cell]
    }

    /// Every unit in document order (paragraphs in the order they first appear, sub-items
    /// folded into their paragraph), then the footnotes as the checks pair them: the
    /// reference version's in order, then those no other version has.
    public func rows() -> [Row] {
        var rows = [String: Row]()
        var order = [String]()
        for (v, version) in versions.enumerated() {
            var counters = [ParagraphKind: Int]()
            var parentKey = [String: String]()
            for paragraph in version.document.paragraphs {
                if paragraph.kind == .subparagraph, let parent = paragraph.parentID, let key = parentKey[parent] {
                    if var cell = rows[key]?.cells[v] {
                        cell.extra.append(paragraph.text)
                        cell.citations += version.citations.filter { $0.paragraph == paragraph.id }
                        cell.markers += paragraph.markers.map(\.sourceRange)
                        rows[key]!.cells[v] = cell
                    }
                    parentKey[paragraph.id] = key
                    continue
                }
                counters[paragraph.kind, default: 0] += 1
                let n = counters[paragraph.kind]!
                var key = "\(paragraph.kind.rawValue)#\(n)"
                var label: String
                if byAnchor, let anchor = paragraph.anchor { key = "@" + anchor }
                switch paragraph.kind {
                case .preambular: label = "pp\(n)"
                case .operative: label = "op\(paragraph.number.map(String.init) ?? "\(n)")"
                case .annex: label = "annex \(paragraph.number.map(String.init) ?? "\(n)")"
                default: label = paragraph.kind.rawValue
                }
                if byAnchor, let anchor = paragraph.anchor { label = Self.readable(anchor: anchor) }
                parentKey[paragraph.id] = key
                if rows[key] == nil { rows[key] = Row(key: key, label: label, cells: [:]); order.append(key) }
                rows[key]!.cells[v] = Cell(text: paragraph.text, start: paragraph.start,
                                           citations: version.citations.filter { $0.paragraph == paragraph.id && $0.footnote == nil },
                                           markers: paragraph.markers.map(\.sourceRange))
            }
        }
        var result = order.map { rows[$0]! }
        // Footnotes: the pairs the checks use.
        let bodies = versions.map { $0.document.footnotes.filter { $0.body != nil } }
        func cell(_ v: Int, _ index: Int) -> Cell {
            let footnote = bodies[v][index]
            return Cell(text: footnote.body!.text, start: footnote.body!.labelRange.lowerBound,
                        citations: versions[v].citations.filter { $0.footnote == footnote.label })
        }
        for r in bodies[reference].indices {
            let label = bodies[reference][r].label
            var row = Row(key: "fn#\(label)", label: "fn \(label)", cells: [:])
            for v in versions.indices { if let index = footnotePairs[v][r] { row.cells[v] = cell(v, index) } }
            result.append(row)
        }
        for v in versions.indices where v != reference {
            for index in bodies[v].indices where !footnotePairs[v].contains(index) {
                let label = bodies[v][index].label
                result.append(Row(key: "fn#\(label)-\(versions[v].language)", label: "fn \(label) (\(versions[v].language))", cells: [v: cell(v, index)]))
            }
        }
        return result
    }
}
