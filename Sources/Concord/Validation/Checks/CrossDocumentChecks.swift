/// A check across the documents of a repository: citations of one document checked
/// against the index of all.
public protocol RepositoryCheck: Check {
    init()
    func findings(in index: DocumentIndex, context: CheckContext) -> [Finding]
}

extension RepositoryCheck {
    /// Every citation of a reported document, in file and source order.
    static func citations(_ index: DocumentIndex) -> [OutgoingCitation] {
        index.entries.filter(\.document.reported).flatMap(\.citations)
    }

    static func finding(_ citation: OutgoingCitation, _ message: String, target: IndexedDocument?, subject: String, context: CheckContext) -> Finding {
        let related = target.map { [Location(file: $0.file, line: 1, column: 1, message: "the cited document \($0.name)")] } ?? []
        return Finding(rule: id, severity: context.catalogue.severity(id), message: message, location: citation.location,
                       related: related, subject: subject)
    }
}

/// How a message names anchors: `paragraph 52`, `paragraphs 52 and 53`, `paragraph 3 of annex 2`.
enum AnchorNames {
    static func readable(_ anchor: String) -> String {
        anchor.split(separator: "/").reversed().map { part -> String in
            let pieces = part.split(separator: ":", maxSplits: 1)
            guard pieces.count == 2 else { return String(part) }
            return "\(pieces[0]) \(pieces[1])"
        }.joined(separator: " of ")
    }

    static func list(_ anchors: [String]) -> String {
        let names = anchors.map(readable)
        if names.count <= 1 { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}

/// A citation names a paragraph, sub-paragraph or annex of another document of the repository
/// that the document does not have.
public struct XrefMissingTarget: RepositoryCheck {
    public static let id = CheckID.xrefMissingTarget
    public static let defaultSeverity = Severity.error
    static let target = "---\nsymbol: CTOC/COP/WG.4/2011/8\n---\n\nRapport\n\n1. Le Groupe de travail s’est réuni.\n\n2. Il a adopté son rapport.\n"
    public static let examples = CheckExamples(
        triggering: [CheckExamples.Example([("report.fr.md", target),
                                            ("doc.en.md", "The General Assembly,\n\n1. *Takes note* of paragraph 7 of CTOC/COP/WG.4/2011/8;\n")])],
        nonTriggering: [CheckExamples.Example([("report.fr.md", target),
                                               ("doc.en.md", "The General Assembly,\n\n1. *Takes note* of paragraph 2 of CTOC/COP/WG.4/2011/8;\n")])])

    public init() {}

    public func findings(in index: DocumentIndex, context: CheckContext) -> [Finding] {
        var out = [Finding]()
        for citation in Self.citations(index) where !citation.pins.isEmpty {
            let citing = index.documents.first { $0.file == citation.file }
            let language = citing?.language
            guard let target = index.version(of: citation.key, language: language) else { continue }
            let missing = citation.pins.flatMap(DocumentAnchors.expand).filter { !target.anchors.contains($0) }
            guard !missing.isEmpty else { continue }
            let file = target.name == target.file ? "" : ", \(target.file)"
            let versionNote = target.language.map { " (\($0.rawValue) version\(file))" } ?? (file.isEmpty ? "" : " (\(target.file))")
            let message = "\(citing?.name ?? citation.file) cites \(citation.written) at \(AnchorNames.list(missing)), which \(target.name)\(versionNote) does not have"
            out.append(Self.finding(citation, message, target: target, subject: "xref \(citation.key) \(missing.joined(separator: ","))", context: context))
        }
        return out
    }
}

/// A citation of a document whose revision is held (`X` when `X/Rev.1` is in the
/// repository), or of a paragraph that a held corrigendum replaced.
public struct XrefSuperseded: RepositoryCheck {
    public static let id = CheckID.xrefSuperseded
    public static let defaultSeverity = Severity.warning
    static func report(_ symbol: String) -> String { "---\nsymbol: \(symbol)\n---\n\nRapport\n\n1. Le Groupe de travail s’est réuni.\n\n2. Il a adopté son rapport.\n" }
    public static let examples = CheckExamples(
        triggering: [CheckExamples.Example([("r.fr.md", report("CTOC/COP/2012/7")), ("r1.ru.md", report("CTOC/COP/2012/7/Rev.1")),
                                            ("doc.en.md", "The General Assembly,\n\n1. *Takes note* of CTOC/COP/2012/7;\n")])],
        nonTriggering: [CheckExamples.Example([("r.fr.md", report("CTOC/COP/2012/7")), ("r1.ru.md", report("CTOC/COP/2012/7/Rev.1")),
                                               ("doc.en.md", "The General Assembly,\n\n1. *Takes note* of CTOC/COP/2012/7/Rev.1;\n")])])

    public init() {}

    public func findings(in index: DocumentIndex, context: CheckContext) -> [Finding] {
        var out = [Finding]()
        for citation in Self.citations(index) {
            guard SymbolKey.amendment(citation.key) == nil, let cited = index.documents(key: citation.key).first else { continue }
            if let revision = index.amendments(of: citation.key, kind: "REV").last {
                let message = "\(citation.written) has been revised: the repository holds \(revision.document.name) (\(revision.document.file)); cite the revision"
                out.append(Self.finding(citation, message, target: revision.document, subject: "xref-rev \(citation.key)", context: context))
                continue
            }
            let pins = Set(citation.pins.flatMap(DocumentAnchors.expand))
            guard !pins.isEmpty else { continue }
            for corrigendum in index.amendments(of: citation.key, kind: "CORR") {
                let replaced = pins.intersection(corrigendum.document.corrects).sorted()
                guard !replaced.isEmpty else { continue }
                let message = "\(AnchorNames.list(replaced)) of \(cited.name), cited here, was replaced by \(corrigendum.document.name) (\(corrigendum.document.file)); check the citation against the corrected text"
                out.append(Self.finding(citation, message, target: corrigendum.document, subject: "xref-corr \(citation.key) \(replaced.joined(separator: ","))", context: context))
            }
        }
        return out
    }
}

/// A symbol of a series the repository holds (`CTOC/COP/WG.4/2011/*`) that no document of
/// the repository has: often a typo.
public struct XrefUnknownDocument: RepositoryCheck {
    public static let id = CheckID.xrefUnknownDocument
    public static let defaultSeverity = Severity.note
    static let target = "---\nsymbol: CTOC/COP/WG.4/2011/8\n---\n\nRapport\n\n1. Le Groupe de travail s’est réuni.\n"
    public static let examples = CheckExamples(
        triggering: [CheckExamples.Example([("report.fr.md", target),
                                            ("doc.en.md", "The General Assembly,\n\n1. *Takes note* of CTOC/COP/WG.4/2011/9;\n")])],
        nonTriggering: [CheckExamples.Example([("report.fr.md", target),
                                               ("doc.en.md", "The General Assembly,\n\n1. *Takes note* of CTOC/COP/WG.4/2011/8 and A/64/293;\n")])])

    public init() {}

    public func findings(in index: DocumentIndex, context: CheckContext) -> [Finding] {
        var out = [Finding]()
        for citation in Self.citations(index) where citation.kind == .symbol && index.documents(key: citation.key).isEmpty {
            let base = SymbolKey.base(citation.key)
            // A revision or corrigendum of a held document is no unknown document.
            if base != citation.key, !index.documents(key: base).isEmpty { continue }
            let held = index.documents(inSeriesOf: citation.key)
            // `--online`: the resolver's answer decides (a failure leaves the offline rule).
            switch index.online[citation.key] {
            case .found?:
                continue
            case .missing?:
                let names = Array(Set(held.compactMap(\.symbol))).sorted()
                let close = DidYouMean.closest(to: citation.written, among: names, within: 2)
                var message = "\(citation.written) is not in the repository, and \(index.onlineURLs[citation.key] ?? "the resolver") does not know it"
                if let close { message += " (did you mean \(close)?)" }
                out.append(Self.finding(citation, message, target: close.flatMap { c in held.first { $0.symbol == c } },
                                        subject: "xref-unknown \(citation.key) online", context: context))
                continue
            case .failed?, nil:
                break
            }
            guard !held.isEmpty else { continue }
            // A document that lists the other documents of its own series (a report's list of
            // documents before the meeting) does not expect them to be held.
            let citing = index.documents.first { $0.file == citation.file }
            if let own = citing?.symbol, SymbolKey.series(SymbolKey.key(own)) == SymbolKey.series(citation.key) { continue }
            var symbols = [String: IndexedDocument]()
            for document in held { if let symbol = document.symbol, symbols[symbol] == nil { symbols[symbol] = document } }
            let names = symbols.keys.sorted()
            let close = DidYouMean.closest(to: citation.written, among: names, within: 2)
            let series = SymbolKey.series(citation.key) ?? citation.key
            var message = "\(citation.written) is in a series the repository holds (\(names.joined(separator: ", "))) but no document of the repository has this symbol"
            if let close { message += " (did you mean \(close)?)" }
            out.append(Self.finding(citation, message, target: close.flatMap { symbols[$0] }, subject: "xref-unknown \(citation.key) \(series)", context: context))
        }
        return out
    }
}
