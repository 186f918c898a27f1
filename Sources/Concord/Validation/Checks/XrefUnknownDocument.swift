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
            let citing = index.document(file: citation.file)
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
