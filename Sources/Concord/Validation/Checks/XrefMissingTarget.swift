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
            let citing = index.document(file: citation.file)
            let language = citing?.language
            guard let target = index.version(of: citation.key, language: language) else { continue }
            let missing = citation.pins.flatMap(DocumentAnchors.expand).filter { !target.anchors.contains($0) }
            guard !missing.isEmpty else { continue }
            let file = target.name == target.file ? "" : ", \(target.file)"
            let versionNote = target.language.map { " (\($0.rawValue) version\(file))" } ?? (file.isEmpty ? "" : " (\(target.file))")
            let message = "\(citing?.name ?? citation.file) cites \(citation.written) at \(AnchorNames.list(missing)), which \(target.name)\(versionNote) does not have"
            out.append(Self.finding(citation, message, target: target, anchor: missing.first, subject: "xref \(citation.key) \(missing.joined(separator: ","))", context: context))
        }
        return out
    }
}
