import Foundation

/// The extract stage for one unit of text (a paragraph or a footnote body) in one language:
/// symbols by the grammar, everything else by the language's patterns, over the normalized
/// text. It finds references and what their rules captured; the resolve stage
/// (`ReferenceResolver`) gives them keys.
struct UnitExtractor: Sendable {
    let rules: RuleSet
    let language: LanguageRules
    /// Whether the literal pre-scan may skip patterns that cannot match and places where no
    /// match can start (false: the plain path; the references found are the same).
    var prescan = true
    /// Whether one Hyperscan pass narrows the pre-scan's plan further (when the library is
    /// loaded; the references found are the same).
    var hyperscan = false
    /// Whether runs of another script inside the unit (`ScriptRuns`) are read with the rules
    /// of their own language too (false for the extractor of such a run).
    var readsRuns = true

    func find(_ normalized: NormalizedText) -> [FoundReference] {
        let own = find(units: normalized.units)
        guard readsRuns else { return own }
        let foreign = foreignReferences(in: normalized.units, own: own)
        guard !foreign.isEmpty else { return own }
        // In start order, as the resolve stage expects (the sort is stable).
        return (own + foreign).enumerated().sorted {
            $0.element.range.lowerBound != $1.element.range.lowerBound
                ? $0.element.range.lowerBound < $1.element.range.lowerBound : $0.offset < $1.offset
        }.map(\.element)
    }

    /// Compiles the patterns the pre-scan lets run in these units (what `find` would compile
    /// on first use), from the last unit back and each unit's last pattern first, so that a
    /// thread running `find` from the first unit meets it in the middle; stops when `stop`
    /// says so. Only the literal pre-scan is consulted (not the Hyperscan pass).
    func compilePatterns(backwardsThrough units: [[UInt16]], stop: () -> Bool) {
        guard prescan else { return }
        for unit in units.reversed() {
            let plan = language.prescan.comparablePlan(unit)
            for index in language.patterns.indices.reversed() where plan?[index].possible ?? true {
                if stop() { return }
                _ = language.patterns[index].regex
            }
        }
    }

    private func find(units: [UInt16]) -> [FoundReference] {
        var candidates = [FoundReference]()
        for symbol in rules.symbols.scan(units) {
            candidates.append(FoundReference(source: .symbol(symbol), rule: "symbols", range: symbol.range, forthcoming: false))
        }
        var forthcoming = [Range<Int>]()
        // The pre-scan says which patterns can match here and, for most, the only places a
        // match can start: they are tried there instead of at every position.
        var plan = prescan ? language.prescan.comparablePlan(units) : nil
        if plan != nil, hyperscan, plan!.contains(where: \.possible),
           let prefilter = language.hyperscan.prefilter, let ends = prefilter.ends(in: units) {
            // Hyperscan's one pass over the unit (when the pre-scan left a pattern to try): a
            // pattern with no end here cannot match; a start with no end within the
            // pattern's longest match is dropped.
            for index in plan!.indices where plan![index].possible {
                guard let patternEnds = ends[index] else { continue }
                if patternEnds.isEmpty {
                    plan![index].possible = false
                } else if let starts = plan![index].starts {
                    let kept = HyperscanPrefilter.filter(starts, ends: patternEnds, width: prefilter.widths[index])
                    plan![index].possible = !kept.isEmpty
                    plan![index].starts = kept
                }
            }
        } else if prescan, plan == nil {
            // A character the literal scan cannot compare: every pattern everywhere.
            plan = language.patterns.map { _ in (true, nil) }
        }
        for (index, pattern) in language.patterns.enumerated() where plan?[index].possible ?? true {
            for match in pattern.regex.matches(in: units, allowedBy: plan?[index]) where !match.range.isEmpty {
                if pattern.kind == .forthcoming { forthcoming.append(match.range); continue }
                candidates.append(FoundReference(source: .pattern(pattern.kind, match), rule: pattern.id, range: match.range, forthcoming: false))
            }
        }
        // `paragraph 3 of annex II to CTOC/COP/WG.4/2011/8`: the paragraph of another
        // document's annex is not one of this document's annex paragraphs; its paragraph and
        // its annex stay two pins of that document, as the repository reads them.
        candidates.removeAll { Self.isAnnexParagraph($0) && language.names(anotherDocument: $0.range, in: units) }
        candidates = Self.resolveOverlaps(candidates)
        for index in candidates.indices where candidates[index].kind == .symbol {
            let start = candidates[index].range.lowerBound
            candidates[index].forthcoming = forthcoming.contains { $0.upperBound <= start && start - $0.upperBound <= 40 }
        }
        return candidates
    }

    /// The references of each run of another script of several words, found with the rules
    /// of the language it is in (by script and stop words, `LanguageDetector.runLanguages`;
    /// with no stop word, the language of the script whose rules find most), except where
    /// the unit's own rules found a reference of the same kind: every key of the unit's own
    /// language is kept. Symbols are the grammar's in any language, found with the unit's.
    private func foreignReferences(in units: [UInt16], own: [FoundReference]) -> [FoundReference] {
        var found = [FoundReference]()
        guard let script = rules.lexicon.languages[language.language]?.script else { return [] }
        var runs = ScriptRuns.runs(units, otherThan: script)
        if runs.isEmpty, script != "Latin" {
            // A unit without one letter of its own script (an untranslated date line,
            // `Geneva, 3 June 2015`, in the Russian file) is one run however few its words:
            // nothing in it is of the file's language. (A Latin-script file's units are told
            // by their stop words.)
            let whole = ScriptRuns.runs(units, otherThan: script, minimumWords: 1)
            if whole.count == 1, whole[0].range == ScriptRuns.trimmed(units) { runs = whole }
        }
        guard !runs.isEmpty else { return [] }
        let ownReach = Reach(own)
        for run in runs {
            let slice = units[run.range]
            let runUnits = Array(slice)
            let (languages, decided) = LanguageDetector.runLanguages(slice, script: run.script, lexicon: rules.lexicon)
            var best = [FoundReference]()
            var bestLanguage: Language?
            for candidate in languages {
                // A language none of whose patterns may match in the run would find nothing
                // but symbols there (left to the unit's own rules): its rules are not compiled
                // for it, and it cannot be the run's best.
                if prescan, !self.rules.languages.mayMatch(candidate, in: runUnits) { continue }
                guard let rules = self.rules.languages[candidate] else { continue }
                let reader = UnitExtractor(rules: self.rules, language: rules, prescan: prescan, hyperscan: hyperscan, readsRuns: false)
                let references = reader.find(units: runUnits).filter { $0.kind != .symbol }
                if bestLanguage == nil || references.count > best.count { best = references; bestLanguage = candidate }
                if decided { break }
            }
            guard let bestLanguage else { continue }
            for var reference in best {
                reference.shift(by: run.range.lowerBound)
                reference.language = bestLanguage
                if !ownReach.clashes(with: reference) { found.append(reference) }
            }
        }
        return found
    }

    /// Whether a reference overlaps one of the unit's own of its family, or is a paragraph
    /// inside one of its article pins: by the furthest end of the own references that start
    /// before a place (sorted once, searched by halves), so that a unit with many of both
    /// stays fast.
    struct Reach {
        /// Per family: the starts in order, and the furthest end of those up to each.
        var byFamily = [CitationKind: (starts: [Int], reach: [Int])]()
        var pins: (starts: [Int], reach: [Int]) = ([], [])

        init(_ own: [FoundReference]) {
            func table(_ references: [FoundReference]) -> (starts: [Int], reach: [Int]) {
                let sorted = references.map(\.range).sorted { $0.lowerBound < $1.lowerBound }
                var reach = [Int](), furthest = Int.min
                for range in sorted { furthest = max(furthest, range.upperBound); reach.append(furthest) }
                return (sorted.map(\.lowerBound), reach)
            }
            for (family, references) in Dictionary(grouping: own, by: { UnitExtractor.family($0.kind) }) {
                byFamily[family] = table(references)
            }
            pins = table(own.filter { $0.kind.isPin && $0.kind != .paragraph })
        }

        /// The furthest end of the references of a table that start before `limit` (or at it).
        static func furthest(_ table: (starts: [Int], reach: [Int]), startingBefore limit: Int, orAt: Bool) -> Int? {
            var low = 0, high = table.starts.count
            while low < high {
                let mid = (low + high) / 2
                if table.starts[mid] < limit || (orAt && table.starts[mid] == limit) { low = mid + 1 } else { high = mid }
            }
            return low == 0 ? nil : table.reach[low - 1]
        }

        func clashes(with reference: FoundReference) -> Bool {
            let range = reference.range
            if let table = byFamily[UnitExtractor.family(reference.kind)],
               let end = Self.furthest(table, startingBefore: range.upperBound, orAt: false), end > range.lowerBound { return true }
            if reference.kind == .paragraph, let end = Self.furthest(pins, startingBefore: range.lowerBound, orAt: true),
               end >= range.upperBound { return true }
            return false
        }
    }

    /// A paragraph named with its annex (`paragraph 2 of annex I`, `附件一第2段`): an annex
    /// pattern's match that read a paragraph number.
    static func isAnnexParagraph(_ reference: FoundReference) -> Bool {
        guard case .pattern(let kind, let match) = reference.source, kind.citationKind == .annex else { return false }
        return match["para"] != nil || match["para2"] != nil
    }

    /// Kinds that stand for one another where they overlap: resolutions and decisions;
    /// articles, rules, chapters, annexes, sections and parts.
    static func family(_ kind: CitationKind) -> CitationKind {
        kind == .decision ? .resolution : (kind.isPin && kind != .paragraph ? .article : kind)
    }

    /// One candidate per place: of two overlapping candidates of the same kind (resolutions
    /// and decisions count as one), the longer wins; a paragraph inside an article citation
    /// (`paragraphe 2 c) de l'article 30`, `rule 7, paragraph 2`) is that article's (rule's) pin,
    /// not a citation of its own; articles, rules, chapters, annexes, sections and parts count as one kind.
    private static func resolveOverlaps(_ candidates: [FoundReference]) -> [FoundReference] {
        let sorted = candidates.sorted {
            $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.count > $1.range.count
        }
        // In start order, a candidate overlaps a kept one of its family exactly when it starts
        // before the furthest end kept so far, and lies inside a kept article exactly when
        // the furthest article end reaches past its own end: linear, whatever the number of
        // citations in one paragraph.
        var furthestEnd = [CitationKind: Int]()
        var furthestArticleEnd = Int.min
        var kept = [FoundReference]()
        for candidate in sorted {
            let f = Self.family(candidate.kind)
            if let end = furthestEnd[f], candidate.range.lowerBound < end { continue }
            if candidate.kind == .paragraph, furthestArticleEnd >= candidate.range.upperBound { continue }
            kept.append(candidate)
            furthestEnd[f] = max(furthestEnd[f] ?? Int.min, candidate.range.upperBound)
            if candidate.kind.isPin, candidate.kind != .paragraph { furthestArticleEnd = max(furthestArticleEnd, candidate.range.upperBound) }
        }
        return kept
    }
}

extension FoundReference {
    /// The same reference in a text that holds its text at `offset` (a run's references,
    /// found in the run alone, placed in the unit).
    mutating func shift(by offset: Int) {
        range = (range.lowerBound + offset)..<(range.upperBound + offset)
        if case .pattern(let kind, var match) = source {
            match.groups = match.groups.map { $0.map { ($0.lowerBound + offset)..<($0.upperBound + offset) } }
            source = .pattern(kind, match)
        }
    }
}
