/// Checks on one document: footnote numbering and pairing, Ibid., symbols, Treaty Series,
/// paragraph numbering, references to the document's own paragraphs, dates.
public struct DocumentChecks: Sendable {
    public let catalogue: CheckCatalogue
    let treaties: TreatyCatalogue

    public init(rules: RuleSet) {
        self.catalogue = rules.checks
        self.treaties = rules.treaties
    }

    public func findings(_ document: Document, citations: [Citation]) -> [Finding] {
        var findings = [Finding]()
        func add(_ rule: String, _ message: String, at offset: Int, subject: String) {
            findings.append(Finding(rule: rule, severity: catalogue.severity(rule), message: message,
                                    location: document.location(of: offset), subject: subject))
        }

        // Footnotes: numbering, pairing, repeats.
        var previous: Int?
        var seenBodies = Set<String>()
        var repeatedMarker = false
        for footnote in document.footnotes {
            if let body = footnote.body {
                if let value = Int(footnote.label) {
                    let expected = (previous ?? 0) + 1
                    if value > expected {
                        let missing = expected == value - 1 ? "footnote \(expected) is missing" : "footnotes \(expected) to \(value - 1) are missing"
                        add("footnote.numbering-gap", "footnote \(value) follows \(previous.map { "footnote \($0)" } ?? "the start of the document"): \(missing)",
                            at: body.labelRange.lowerBound, subject: "footnote \(value)")
                    }
                    previous = max(previous ?? 0, value)
                }
                if !seenBodies.insert(footnote.label).inserted {
                    add("footnote.duplicate-label", "a second footnote is labelled \(footnote.label)", at: body.labelRange.lowerBound,
                        subject: "footnote \(footnote.label) (second)")
                }
                if footnote.markers.isEmpty {
                    add("footnote.orphan-body", "footnote \(footnote.label) has no marker in the text", at: body.labelRange.lowerBound,
                        subject: "footnote \(footnote.label)")
                }
            } else {
                for marker in footnote.markers {
                    add("footnote.orphan-marker", "the marker of footnote \(footnote.label) has no footnote body", at: marker.sourceRange.lowerBound,
                        subject: "marker \(footnote.label)")
                }
            }
            if footnote.body != nil, footnote.markers.count > 1 {
                repeatedMarker = true
                for marker in footnote.markers.dropFirst() {
                    add("footnote.repeated-marker", "the marker of footnote \(footnote.label) is used again (in \(marker.paragraphID)) to point back at it",
                        at: marker.sourceRange.lowerBound, subject: "marker \(footnote.label) in \(marker.paragraphID)")
                }
            }
        }
        if repeatedMarker {
            // The current practice repeats the footnote's text under a new number instead.
            var texts = [String: String]()
            for footnote in document.footnotes {
                guard let body = footnote.body else { continue }
                let text = NormalizedText(body.text.units).string
                if let first = texts[text] {
                    add("footnote.mixed-practice", "footnote \(footnote.label) repeats footnote \(first) under a new number, while the document also repeats markers",
                        at: body.labelRange.lowerBound, subject: "footnote \(footnote.label)")
                } else {
                    texts[text] = footnote.label
                }
            }
        }

        // Citations: one finding per place (a multi-volume reference is several citations).
        var reported = Set<String>()
        for citation in citations {
            let place = citation.footnote.map { "footnote \($0)" } ?? citation.paragraph ?? ""
            func once(_ rule: String, _ message: String) {
                guard reported.insert("\(rule)@\(citation.sourceRange.lowerBound)").inserted else { return }
                add(rule, message, at: citation.sourceRange.lowerBound, subject: "\(citation.text) in \(place)")
            }
            for note in citation.notes {
                switch note {
                case "ibid-no-antecedent":
                    once("ibid.no-antecedent", "“\(citation.text)” in \(place) has no earlier reference to repeat")
                case "ibid-ambiguous":
                    once("ibid.ambiguous", "“\(citation.text)” in \(place) follows a footnote that cites several sources")
                case "ibid-after-unknown":
                    once("ibid.after-unknown", "“\(citation.text)” in \(place) follows a footnote whose source is not recognized")
                case "malformed":
                    once("symbol.malformed", "the symbol “\(citation.text)” in \(place) is cut short")
                case "unknown-series":
                    once("symbol.unknown-series", "the symbol \(citation.key) in \(place) starts with a series that Rules/symbols.yml does not list")
                case "treaty-contradiction":
                    let known = citation.number.flatMap { rulesVolumes($0) }
                    once("treaty.contradiction", "Treaty Series vol. \(citation.volume.map(String.init) ?? "?") is not a volume of No. \(citation.number.map(String.init) ?? "?")\(known.map { " (its volumes: \($0))" } ?? "")")
                case "impossible-date":
                    once("date.impossible", "“\(citation.text)” in \(place) is a date that does not exist")
                default:
                    break
                }
            }
        }

        // Operative and annex paragraph numbering.
        for kind in [ParagraphKind.operative, .annex] {
            var last: Int?
            var seen = Set<Int>()
            for paragraph in document.paragraphs where paragraph.kind == kind {
                guard let number = paragraph.number else { continue }
                let name = kind == .operative ? "operative paragraph" : "annex paragraph"
                if kind == .annex, number == 1 { last = nil; seen = [] }  // a new annex
                if seen.contains(number) {
                    add("paragraph.duplicate-number", "two \(name)s are numbered \(number)", at: paragraph.start, subject: "\(paragraph.id)")
                } else if let last, number > last + 1 {
                    let missing = number == last + 2 ? "\(last + 1) is missing" : "\(last + 1) to \(number - 1) are missing"
                    add("paragraph.numbering-gap", "\(name) \(number) follows \(last): \(missing)", at: paragraph.start, subject: "\(paragraph.id)")
                } else if last == nil, number > 1 {
                    add("paragraph.numbering-gap", "the first \(name) is numbered \(number)", at: paragraph.start, subject: "\(paragraph.id)")
                }
                seen.insert(number)
                last = max(last ?? 0, number)
            }
        }

        // References to the document's own paragraphs (`paragraph 25 above`).
        let operative = Set(document.paragraphs.filter { $0.kind == .operative }.compactMap(\.number))
        let annex = Set(document.paragraphs.filter { $0.kind == .annex }.compactMap(\.number))
        for citation in citations where citation.kind == .paragraph && citation.footnote == nil && citation.notes.contains("self-reference") {
            let numbers = citation.key.dropFirst("paragraph:".count).split(separator: "-").compactMap { part in
                Int(part.prefix { $0.isNumber })
            }
            for number in numbers where !operative.contains(number) && !annex.contains(number) {
                let has = operative.isEmpty ? "no numbered paragraphs" : "operative paragraphs 1 to \(operative.max()!)"
                if reported.insert("paragraph.missing-target@\(citation.sourceRange.lowerBound)").inserted {
                    add("paragraph.missing-target", "“\(citation.text)” refers to paragraph \(number), but the document has \(has)",
                        at: citation.sourceRange.lowerBound, subject: "\(citation.text) in \(citation.paragraph ?? "")")
                }
            }
        }
        return findings.sorted(by: Finding.ordered)
    }

    /// The volumes Rules/treaties.yml lists for a registration number, for messages.
    private func rulesVolumes(_ number: Int) -> String? {
        treaties.entries[number].map { $0.volumes.map(String.init).joined(separator: ", ") }
    }
}
