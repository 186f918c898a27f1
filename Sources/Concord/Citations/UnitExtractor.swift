import Foundation

/// Extracts the citations of one unit of text (a paragraph or a footnote body) with one
/// language's rules: symbols by the grammar, everything else by the language's patterns,
/// all over the normalized text and mapped back to the source.
struct UnitExtractor: Sendable {
    let rules: RuleSet
    let language: LanguageRules
    /// The issuing body of the document (`A`, `S`, `CTOC/COP`): what `its resolution` means.
    let issuingBody: String
    /// Whether the literal pre-scan may skip patterns that cannot match and places where no
    /// match can start (false: the plain path; the citations are the same).
    var prescan = true

    private struct Candidate {
        var kind: String
        var rule: String
        var range: Range<Int>       // in the normalized text
        var match: ICURegex.Match?
        var symbol: SymbolGrammar.Found?
    }

    func extract(_ text: MappedText) -> [Citation] {
        let normalized = NormalizedText(text.units)
        let units = normalized.units
        var candidates = [Candidate]()
        for symbol in rules.symbols.scan(units) {
            candidates.append(Candidate(kind: "symbol", rule: "symbols", range: symbol.range, match: nil, symbol: symbol))
        }
        var forthcoming = [Range<Int>]()
        // The pre-scan says which patterns can match here and, for most, the only places a
        // match can start: they are tried there instead of at every position.
        let plan = prescan ? language.prescan.plan(units) : nil
        for (index, pattern) in language.patterns.enumerated() where plan?[index].possible ?? true {
            let found = plan?[index].starts.map { pattern.regex.matches(in: units, startingOnlyAt: $0) }
                ?? pattern.regex.matches(in: units)
            for match in found where !match.range.isEmpty {
                if pattern.kind == "forthcoming" { forthcoming.append(match.range); continue }
                candidates.append(Candidate(kind: pattern.kind, rule: pattern.id, range: match.range, match: match, symbol: nil))
            }
        }
        candidates = Self.resolveOverlaps(candidates)

        var citations = [Citation]()
        var lastSymbol: Candidate?  // the latest symbol before the candidate (candidates are in start order)
        for candidate in candidates {
            defer { if candidate.kind == "symbol" { lastSymbol = candidate } }
            let original = normalized.originalRange(candidate.range)
            let sourceRange = text.sourceRange(original)
            let written = text.string(original)
            func make(_ kind: CitationKind, _ key: String) -> Citation {
                Citation(kind: kind, text: written, key: key, sourceRange: sourceRange, rule: candidate.rule)
            }
            func group(_ name: String) -> String? {
                guard let range = candidate.match?[name] else { return nil }
                return normalized.string(range)
            }
            switch candidate.kind {
            case "symbol":
                let found = candidate.symbol!
                var citation = make(.symbol, found.symbol)
                if found.series == nil { citation.notes.append("unknown-series") }
                if found.malformed { citation.notes.append("malformed") }
                if let partner = found.partner { citation.notes.append("joint:\(partner)") }
                if forthcoming.contains(where: { $0.upperBound <= candidate.range.lowerBound && candidate.range.lowerBound - $0.upperBound <= 40 }) {
                    citation.forthcoming = true
                }
                citations.append(citation)
            case "resolution", "decision":
                let kind = CitationKind(rawValue: candidate.kind)!
                let named = [group("body"), group("body2"), group("body3")].compactMap { $0 }.compactMap(language.bodyCode(for:)).first
                let own = group("own") != nil
                let keys = ReferenceKeys(grammar: rules.symbols)
                // `document CBD/COP/15/17, decision 15/4`: a decision cited right after a
                // document's symbol is that document's body's (CBD/COP).
                let afterSymbol = own || named != nil ? nil : lastSymbol.flatMap { other -> String? in
                    guard other.range.upperBound <= candidate.range.lowerBound,
                          candidate.range.lowerBound - other.range.upperBound <= 3 else { return nil }
                    return other.symbol.flatMap(Self.bodyPrefix(ofSymbol:))
                }
                for raw in numbers(inList: candidate.match?["list"], of: units) {
                    let number = ReferenceKeys.canonicalNumber(raw)
                    let body = named ?? ReferenceKeys.impliedBody(number) ?? afterSymbol ?? issuingBody
                    let (key, _) = keys.key(kind: kind, body: body, number: number)
                    citations.append(make(kind, key))
                }
            case "treaty":
                let number = group("number").flatMap { Int($0) }
                for volume in integers(in: group("vols") ?? "") {
                    var citation = make(.treaty, number.map { "treaty:\(volume)/\($0)" } ?? "treaty:\(volume)/?")
                    citation.volume = volume
                    citation.number = number
                    if let number, rules.treaties.contradicts(volume: volume, number: number) {
                        citation.notes.append("treaty-contradiction")
                    }
                    citations.append(citation)
                }
            case "ibid":
                // A pin with volume and number names the Treaty Series reference in full.
                var citation = make(.ibid, "ibid:unresolved")
                var pins = [String]()
                if let vols = group("vols") { pins.append("vol. \(vols)") }
                if let number = group("number") { pins.append("No. \(number)"); citation.number = Int(number) }
                if let para = group("para") { pins.append("para. \(paragraphKeys(para).joined(separator: ","))") }
                citation.pin = pins.isEmpty ? nil : pins.joined(separator: ", ")
                let volumes = integers(in: group("vols") ?? "")
                if volumes.isEmpty {
                    citations.append(citation)
                } else {
                    for volume in volumes {
                        var one = citation
                        one.volume = volume
                        if let number = one.number { one.key = "treaty:\(volume)/\(number)" }
                        citations.append(one)
                    }
                }
            case "paragraph":
                let isSelf = candidate.match?["self"] != nil
                for key in paragraphKeys(group("list") ?? "") {
                    var citation = make(.paragraph, "paragraph:\(key)")
                    if isSelf { citation.notes.append("self-reference") }
                    citations.append(citation)
                }
            case "article":
                let para = group("para").flatMap { parseNumber($0, ordinal: false) }
                let sub = group("sub").map { latinized(Substring($0)) }
                for article in articleNumbers(group("list") ?? "") {
                    var key = "article:\(article)"
                    if let para { key += "(\(para))" }
                    if let sub { key += "(\(sub))" }
                    citations.append(make(.article, key))
                }
            case "date":
                guard let year = group("year").flatMap({ Int($0) }), let monthText = group("month"),
                      let month = Int(monthText) ?? language.month(monthText) else { continue }
                for dayName in ["day", "day2"] {
                    guard let day = group(dayName).flatMap({ parseNumber($0, ordinal: false) }) else { continue }
                    var citation = make(.date, String(format: "date:%04d-%02d-%02d", year, month, day))
                    if !Self.dateExists(year: year, month: month, day: day) { citation.notes.append("impossible-date") }
                    citations.append(citation)
                }
            case "session":
                guard let raw = group("ordinal") ?? group("num") else { continue }
                for value in ordinals(raw) { citations.append(make(.session, "session:\(value)")) }
            default:
                continue
            }
        }
        return citations
    }

    /// One candidate per place: of two overlapping candidates of the same kind (resolutions
    /// and decisions count as one), the longer wins; a paragraph inside an article citation
    /// (`paragraphe 2 c) de l'article 30`) is that article's pin, not a citation of its own.
    private static func resolveOverlaps(_ candidates: [Candidate]) -> [Candidate] {
        func family(_ kind: String) -> String { kind == "decision" ? "resolution" : kind }
        let sorted = candidates.sorted {
            $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.count > $1.range.count
        }
        // In start order, a candidate overlaps a kept one of its family exactly when it starts
        // before the furthest end kept so far, and lies inside a kept article exactly when
        // the furthest article end reaches past its own end: linear, whatever the number of
        // citations in one paragraph.
        var furthestEnd = [String: Int]()
        var furthestArticleEnd = Int.min
        var kept = [Candidate]()
        for candidate in sorted {
            let f = family(candidate.kind)
            if let end = furthestEnd[f], candidate.range.lowerBound < end { continue }
            if candidate.kind == "paragraph", furthestArticleEnd >= candidate.range.upperBound { continue }
            kept.append(candidate)
            furthestEnd[f] = max(furthestEnd[f] ?? Int.min, candidate.range.upperBound)
            if candidate.kind == "article" { furthestArticleEnd = max(furthestArticleEnd, candidate.range.upperBound) }
        }
        return kept
    }

    /// The body a symbol belongs to: its leading components that are all letters
    /// (`CBD/COP/15/17` → CBD/COP). The General Assembly, Council and ECOSOC series name no
    /// body of their own here: their resolutions follow the usual rules.
    static func bodyPrefix(ofSymbol found: SymbolGrammar.Found) -> String? {
        let parts = found.symbol.split(separator: "/").prefix { $0.allSatisfy { $0.isLetter } }
        guard parts.count >= 2, !["A", "S", "E"].contains(String(parts[0])) else { return nil }
        return parts.joined(separator: "/")
    }
}
