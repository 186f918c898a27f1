/// The resolve stage for one unit of text: turns the references the extract stage found into
/// citations with language-independent keys — numbers read in digits or words, issuing
/// bodies from the words or from the symbol before, resolution and decision symbols built
/// from `Rules/symbols.yml`, Treaty Series pairs checked against `Rules/treaties.yml`.
struct ReferenceResolver: Sendable {
    let rules: RuleSet
    let language: LanguageRules
    /// The issuing body of the document (`A`, `S`, `CTOC/COP`): what `its resolution` means.
    let issuingBody: String

    func citations(_ unit: FoundUnit) -> [Citation] {
        let normalized = unit.normalized
        let text = unit.text
        let units = normalized.units
        var citations = [Citation]()
        var lastSymbol: (range: Range<Int>, found: SymbolGrammar.Found)?  // the latest symbol before the reference (they are in start order)
        var others = [Language: ReferenceResolver]()
        for candidate in unit.references {
            defer { if case .symbol(let found) = candidate.source { lastSymbol = (candidate.range, found) } }
            // A reference found in a run of another language (an English phrase in a Chinese
            // sentence) is keyed with that language's words: its bodies, numbers, months.
            if let other = candidate.language, other != language.language, let otherRules = rules.languages[other] {
                let resolver = others[other] ?? ReferenceResolver(rules: rules, language: otherRules, issuingBody: issuingBody)
                others[other] = resolver
                var own = candidate
                own.language = nil
                citations += resolver.citations(FoundUnit(owner: unit.owner, text: unit.text, normalized: normalized, references: [own]))
                continue
            }
            let original = normalized.originalRange(candidate.range)
            let sourceRange = text.sourceRange(original)
            let written = text.string(original)
            func make(_ kind: CitationKind, _ key: String) -> Citation {
                Citation(kind: kind, text: written, key: key, sourceRange: sourceRange, rule: candidate.rule)
            }
            let match: ICURegex.Match?
            switch candidate.source {
            case .symbol(let found):
                var citation = make(.symbol, found.symbol)
                if found.series == nil { citation.notes.append(.unknownSeries) }
                if found.malformed { citation.notes.append(.malformed) }
                if let partner = found.partner { citation.notes.append(.joint(partner: partner)) }
                citation.forthcoming = candidate.forthcoming
                citations.append(citation)
                continue
            case .pattern(_, let found):
                match = found
            }
            func group(_ name: String) -> String? {
                guard let range = match?[name] else { return nil }
                return normalized.string(range)
            }
            switch candidate.kind {
            case .symbol, .unknown:
                continue
            case .resolution, .decision:
                let kind = candidate.kind
                let named = [group("body"), group("body2"), group("body3")].compactMap { $0 }.compactMap(language.bodyCode(for:)).first
                let own = group("own") != nil
                let keys = ReferenceKeys(grammar: rules.symbols)
                // `document CBD/COP/15/17, decision 15/4`: a decision cited right after a
                // document's symbol is that document's body's (CBD/COP).
                let afterSymbol = own || named != nil ? nil : lastSymbol.flatMap { other -> String? in
                    guard other.range.upperBound <= candidate.range.lowerBound,
                          candidate.range.lowerBound - other.range.upperBound <= 3 else { return nil }
                    return Self.bodyPrefix(ofSymbol: other.found)
                }
                for raw in numbers(inList: match?["list"], of: units) {
                    for number in language.resolutionNumbers.canonical(raw) {
                        let body = ReferenceKeys.body(named ?? ReferenceKeys.impliedBody(number) ?? afterSymbol ?? issuingBody, for: number)
                        let (key, _) = keys.key(kind: kind, body: body, number: number)
                        citations.append(make(kind, key))
                    }
                }
            case .treaty:
                let number = group("number").flatMap { Int($0) }
                for volume in integers(in: group("vols") ?? "") {
                    var citation = make(.treaty, number.map { "treaty:\(volume)/\($0)" } ?? "treaty:\(volume)/?")
                    citation.volume = volume
                    citation.number = number
                    if let number, rules.treaties.contradicts(volume: volume, number: number) {
                        citation.notes.append(.treatyContradiction)
                    }
                    citations.append(citation)
                }
            case .ibid:
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
            case .paragraph:
                let isSelf = match?["self"] != nil
                let direction = direction(group("self"))
                // `the preceding paragraph`: keyed once the document's paragraphs are known.
                if match?["preceding"] != nil {
                    var citation = make(.paragraph, "paragraph:preceding")
                    citation.notes.append(.selfReference)
                    citations.append(citation)
                    continue
                }
                // `subparagraph (b) of paragraph 26` (the letter named first): paragraph:26(b);
                // `subparagraphs (a) and (l) of paragraph 2`: one key per letter.
                let sub = group("sub").flatMap { subItem($0, afterLetter: false) }.map { "(\($0))" } ?? ""
                let subs = group("sublist").map { subLabels($0).map { "(\($0))" } } ?? [sub]
                // A list without digits is of ordinal words (Arabic الفقرة السابعة = paragraph 7,
                // read with the language's number-words).
                var keys = paragraphKeys(group("list") ?? "")
                if keys.isEmpty, let list = group("list") { keys = pinNumbers(list) }
                for key in keys {
                  for sub in subs {
                    var citation = make(.paragraph, "paragraph:\(key)\(sub)")
                    if isSelf { citation.notes.append(.selfReference) }
                    if let direction { citation.notes.append(direction) }
                    citations.append(citation)
                  }
                }
            case .article, .rule, .chapter, .annex, .section, .part:
                // A heading (`Article 12`, `Chapter I` as a line of its own) names the unit it
                // opens: it is no reference. A heading carries no paragraph or sub-paragraph pin
                // (`article 163, paragraph 7` alone on a line is a reference).
                if Self.isWholeUnit(candidate.range, of: units),
                   !["para", "para2", "sub", "sub2", "subsub", "paralist", "sublist"].contains(where: { match?[$0] != nil }) { continue }
                // One canonical pin whatever the language's order of words: `KIND:N(para)(sub)(subsub)`.
                var pin = ""
                if let para = (group("para") ?? group("para2")).flatMap({ pinNumber($0) }) { pin += "(\(para))" }
                if let sub = (group("sub") ?? group("sub2")).flatMap({ subItem($0, afterLetter: false) }) { pin += "(\(sub))" }
                if let subsub = group("subsub").flatMap({ subItem($0, afterLetter: true) }) { pin += "(\(subsub))" }
                let direction = direction(group("self"))
                let isSelf = match?["self"] != nil
                // A pin whose pattern says it is another text's (the group `external`: the section
                // sign `§ 308` cites a national code, never the document itself).
                let external = match?["external"] != nil || (!isSelf && names(anotherDocument: candidate.range, in: units))
                let kind = candidate.kind
                // `paragraph 2 of annex I`, `annex I, paragraph 2`: the annex's paragraph,
                // `annex:1/paragraph:2`. `paragraph 1 of the annex` names no annex
                // (`annex:the`): the document's one annex, once the resolve stage knows them.
                if kind == .annex, let para = (group("para") ?? group("para2")).flatMap({ pinNumber($0) }) {
                    let sub = (group("sub") ?? group("sub2")).flatMap { subItem($0, afterLetter: false) }.map { "(\($0))" } ?? ""
                    for annex in (group("list") ?? group("list2")).map({ pinNumbers($0) }) ?? ["the"] {
                        var citation = make(.annex, "annex:\(annex)/paragraph:\(para)\(sub)")
                        if isSelf { citation.notes.append(.selfReference) }
                        if !external { citation.notes.append(.internalReference) }
                        if let direction { citation.notes.append(direction) }
                        citations.append(citation)
                    }
                    continue
                }
                // `paragraphs 1 and 2 of this article`: the unit that holds the reference
                // (`this`, named once the resolve stage knows it), one key per paragraph.
                let items = match?["this"] != nil ? ["this"]
                    : kind == .section ? sectionPaths(group("list") ?? "") : pinNumbers(group("list") ?? group("list2") ?? "")
                var pins = group("paralist").map { list in numeralRuns(list).map { "(\($0))" + pin } } ?? [pin]
                // `subparagraphs (a) and (l) of paragraph 2 of article 5`: one pin per letter.
                if let subs = group("sublist").map(subLabels), !subs.isEmpty {
                    pins = pins.flatMap { pin in subs.map { pin + "(\($0))" } }
                }
                // `section 10 of annex 4`: the annex's section, `annex:4/section:10`.
                if kind == .annex, let inner = group("section") {
                    let sections = sectionPaths(inner)
                    if !sections.isEmpty { pins = pins.flatMap { pin in sections.map { pin + "/section:\($0)" } } }
                }
                for item in items {
                  for pin in pins {
                    var citation = make(kind, "\(kind.rawValue):\(item)\(pin)")
                    if isSelf { citation.notes.append(.selfReference) }
                    if !external { citation.notes.append(.internalReference) }
                    if let direction { citation.notes.append(direction) }
                    citations.append(citation)
                  }
                }
            case .date:
                // A date written without its year (`12 de marzo`) is keyed `date:--03-12`: the set
                // comparisons match it to a version's full date of the same day and month.
                let year = group("year").flatMap { Int($0) }
                guard year != nil || match?["year"] == nil, let monthText = group("month"),
                      let month = Int(monthText) ?? language.month(monthText) else { continue }
                for dayName in ["day", "day2"] {
                    guard let day = group(dayName).flatMap({ parseNumber($0) }) else { continue }
                    let key = "date:" + ReferenceKeys.isoDate(year: year, month: month, day: day)
                    var citation = make(.date, key)
                    if !Self.dateExists(year: year ?? 2000, month: month, day: day) { citation.notes.append(.impossibleDate) }
                    citations.append(citation)
                }
            case .session:
                guard let raw = group("ordinal") ?? group("num") else { continue }
                var values = ordinals(raw)
                // `fifty-fourth to fifty-seventh sessions`: every session of the range, as a
                // version that lists them names them (a long range: its two ends).
                if let last = (group("ordinal2") ?? group("num2")).flatMap({ ordinals($0).last }),
                   let first = values.last, last > first {
                    values += last - first <= Self.longestSessionRange ? Array((first + 1)...last) : [last]
                }
                for value in values { citations.append(make(.session, "session:\(value)")) }
            }
        }
        return citations
    }


    /// The most sessions a range (`54th to 57th sessions`) is keyed one by one.
    static let longestSessionRange = 20

    /// Whether a match is all the text of its unit, but for spaces and closing punctuation.
    static func isWholeUnit(_ range: Range<Int>, of units: [UInt16]) -> Bool {
        func ignorable(_ u: UInt16) -> Bool {
            guard let scalar = Unicode.Scalar(u) else { return false }
            return scalar.properties.isWhitespace || ".:-–—".unicodeScalars.contains(scalar)
        }
        return units[..<range.lowerBound].allSatisfy(ignorable) && units[range.upperBound...].allSatisfy(ignorable)
    }

    /// The body a symbol belongs to: its leading components that are all letters
    /// (`CBD/COP/15/17` → CBD/COP). The General Assembly, Council and ECOSOC series name no
    /// body of their own here: their resolutions follow the usual rules.
    static func bodyPrefix(ofSymbol found: SymbolGrammar.Found) -> String? {
        bodyPrefix(ofSymbol: found.symbol)
    }

    static func bodyPrefix(ofSymbol symbol: String) -> String? {
        let parts = symbol.split(separator: "/").prefix { $0.allSatisfy { $0.isLetter } }
        guard parts.count >= 2, !["A", "S", "E"].contains(String(parts[0])) else { return nil }
        return parts.joined(separator: "/")
    }
}
