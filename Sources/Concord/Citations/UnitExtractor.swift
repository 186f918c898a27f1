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

    func find(_ normalized: NormalizedText) -> [FoundReference] {
        let units = normalized.units
        var candidates = [FoundReference]()
        for symbol in rules.symbols.scan(units) {
            candidates.append(FoundReference(source: .symbol(symbol), rule: "symbols", range: symbol.range, forthcoming: false))
        }
        var forthcoming = [Range<Int>]()
        // The pre-scan says which patterns can match here and, for most, the only places a
        // match can start: they are tried there instead of at every position.
        var plan = prescan ? language.prescan.comparablePlan(units) : nil
        if plan != nil, hyperscan, let prefilter = language.hyperscan.prefilter, let ends = prefilter.ends(in: units) {
            // Hyperscan's one pass over the unit: a pattern with no end here cannot match; a
            // start with no end within the pattern's longest match is dropped.
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
            let found = plan?[index].starts.map { pattern.regex.matches(in: units, startingOnlyAt: $0) }
                ?? pattern.regex.matches(in: units)
            for match in found where !match.range.isEmpty {
                if pattern.kind == .forthcoming { forthcoming.append(match.range); continue }
                candidates.append(FoundReference(source: .pattern(pattern.kind, match), rule: pattern.id, range: match.range, forthcoming: false))
            }
        }
        candidates = Self.resolveOverlaps(candidates)
        for index in candidates.indices where candidates[index].kind == .symbol {
            let start = candidates[index].range.lowerBound
            candidates[index].forthcoming = forthcoming.contains { $0.upperBound <= start && start - $0.upperBound <= 40 }
        }
        return candidates
    }

    /// One candidate per place: of two overlapping candidates of the same kind (resolutions
    /// and decisions count as one), the longer wins; a paragraph inside an article citation
    /// (`paragraphe 2 c) de l'article 30`, `rule 7, paragraph 2`) is that article's (rule's) pin,
    /// not a citation of its own; articles, rules, chapters, annexes, sections and parts count as one kind.
    private static func resolveOverlaps(_ candidates: [FoundReference]) -> [FoundReference] {
        func family(_ kind: CitationKind) -> CitationKind {
            kind == .decision ? .resolution : (kind.isPin && kind != .paragraph ? .article : kind)
        }
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
            let f = family(candidate.kind)
            if let end = furthestEnd[f], candidate.range.lowerBound < end { continue }
            if candidate.kind == .paragraph, furthestArticleEnd >= candidate.range.upperBound { continue }
            kept.append(candidate)
            furthestEnd[f] = max(furthestEnd[f] ?? Int.min, candidate.range.upperBound)
            if candidate.kind.isPin, candidate.kind != .paragraph { furthestArticleEnd = max(furthestArticleEnd, candidate.range.upperBound) }
        }
        return kept
    }
}
