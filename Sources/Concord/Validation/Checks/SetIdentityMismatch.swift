/// The versions do not say they are the same document: a different own number in the title
/// (`Resolution 6/1` in five versions, `Resolution 6/8` in one), a different own symbol, or
/// a different date of adoption.
public struct SetIdentityMismatch: SetCheck {
    public static let id = CheckID.setIdentityMismatch
    public static let defaultSeverity = Severity.error
    public static let examples = CheckExamples(
        triggering: [.init([
            ("doc.en.md", "Resolution 6/1\n\nThe Conference of the Parties,\n\n1. *Requests* a report.\n"),
            ("doc.fr.md", "Résolution 6/1\n\nLa Conférence des Parties,\n\n1. *Demande* un rapport.\n"),
            ("doc.es.md", "Resolución 6/8\n\nLa Conferencia de las Partes,\n\n1. *Solicita* un informe.\n"),
        ])],
        nonTriggering: [.init([
            ("doc.en.md", "Resolution 6/1\n\nThe Conference of the Parties,\n\n1. *Requests* a report.\n"),
            ("doc.fr.md", "Résolution 6/1\n\nLa Conférence des Parties,\n\n1. *Demande* un rapport.\n"),
            ("doc.es.md", "Resolución 6/1\n\nLa Conferencia de las Partes,\n\n1. *Solicita* un informe.\n"),
        ])])

    public init() {}

    public func findings(in set: VersionAlignment, context: CheckContext) -> [Finding] {
        let documents = set.versions.map(\.document)
        func start(_ d: Document, _ kind: ParagraphKind) -> Int {
            d.paragraphs.first { $0.kind == kind }?.start ?? d.paragraphs.first?.start ?? 0
        }
        let fields: [(name: String, values: [String?], offsets: [Int])] = [
            ("own number", documents.map(\.identity.number), documents.map { start($0, .title) }),
            ("symbol", documents.map(\.identity.symbol), documents.map { _ in 0 }),
            ("date of adoption", documents.map { $0.identity.adopted.map { String($0.dropFirst("date:".count)) } },
             documents.map { start($0, .closing) }),
        ]
        var findings = [Finding]()
        for field in fields {
            let present = set.versions.indices.filter { field.values[$0] != nil }
            guard present.count >= 2 else { continue }
            let values = present.map { field.values[$0]! }
            guard values.contains(where: { $0 != values[0] }) else { continue }
            if let (common, agreeing) = SetMajority.of(values) {
                let verb = agreeing.count == 1 ? "gives" : "give"
                for (i, v) in present.enumerated() where values[i] != common {
                    findings.append(set.finding(Self.id, context, version: v, offset: field.offsets[v],
                                                message: "the \(set.versions[v].language) version gives its \(field.name) as \(values[i]); \(set.names(agreeing.map { present[$0] })) \(verb) \(common)",
                                                related: agreeing.map { set.location(present[$0], field.offsets[present[$0]]) },
                                                subject: field.name))
                }
            } else {
                let last = present.count - 1
                let description = present.indices.map { "\(set.versions[present[$0]].language) \(values[$0])" }.joined(separator: ", ")
                findings.append(set.finding(Self.id, context, version: present[last], offset: field.offsets[present[last]],
                                            message: "the versions give different \(field.name)s: \(description)",
                                            related: present.dropLast().map { set.location($0, field.offsets[$0]) },
                                            subject: field.name))
            }
        }
        return findings
    }
}
