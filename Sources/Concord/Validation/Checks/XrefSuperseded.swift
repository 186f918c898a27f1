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
