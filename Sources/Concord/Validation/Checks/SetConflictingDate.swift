/// The same resolution dated differently in two language versions, each consistent in
/// itself (the English cites 64/293 of 30 July 2010 in one paragraph, the French 64/293 du
/// 13 juillet 2010 in another): dates compare by key, whatever the language. A version that
/// gives one resolution two dates is `plausibility.conflicting-date`'s, not this check's;
/// the version out of line is named by the majority rule of the other set checks.
public struct SetConflictingDate: SetCheck {
    public static let id = CheckID.setConflictingDate
    public static let defaultSeverity = Severity.warning
    public static let examples = CheckExamples(
        triggering: [.init([
            ("doc.en.md", "The General Assembly,\n\n*Recalling* its resolution 64/293 of 30 July 2010,\n\n1. *Decides* to continue;\n\n2. *Requests* a report.\n"),
            ("doc.fr.md", "L'Assemblée générale,\n\n*Rappelant* sa résolution 64/293,\n\n1. *Décide* de continuer, conformément à sa résolution 64/293 du 13 juillet 2010 ;\n\n2. *Demande* un rapport.\n"),
            ("doc.es.md", "La Asamblea General,\n\n*Recordando* su resolución 64/293, de 30 de julio de 2010,\n\n1. *Decide* continuar;\n\n2. *Solicita* un informe.\n"),
        ])],
        nonTriggering: [.init([
            ("doc.en.md", "The General Assembly,\n\n*Recalling* its resolution 64/293 of 30 July 2010,\n\n1. *Decides* to continue;\n\n2. *Requests* a report.\n"),
            ("doc.fr.md", "L'Assemblée générale,\n\n*Rappelant* sa résolution 64/293,\n\n1. *Décide* de continuer, conformément à sa résolution 64/293 du 30 juillet 2010 ;\n\n2. *Demande* un rapport.\n"),
            ("doc.es.md", "La Asamblea General,\n\n*Recordando* su resolución 64/293, de 30 de julio de 2010,\n\n1. *Decide* continuar;\n\n2. *Solicita* un informe.\n"),
        ])])

    public init() {}

    public func findings(in set: VersionAlignment, context: CheckContext) -> [Finding] {
        // Per version: each resolution's one full date and where it is first given.
        var dates = [[String: (date: String, first: DatedResolution)]]()
        for version in set.versions {
            var given = [String: (date: String, first: DatedResolution)]()
            var twice = Set<String>()
            for dated in version.datedResolutions(context) {
                let key = version.citations[dated.citation].key
                guard let date = DateKey.full(version.citations[dated.date].key) else { continue }
                if let earlier = given[key], earlier.date != date { twice.insert(key) }
                if given[key] == nil { given[key] = (date, dated) }
            }
            for key in twice { given[key] = nil }
            dates.append(given)
        }
        var findings = [Finding]()
        for key in Set(dates.flatMap(\.keys)).sorted() {
            let present = set.versions.indices.filter { dates[$0][key] != nil }
            let values = present.map { dates[$0][key]!.date }
            let number = ResolvedDocument.readableNumber(key)
            func written(_ v: Int) -> String {
                let first = dates[v][key]!.first
                return "\(set.versions[v].citations[first.date].text) in \(set.versions[v].place(of: set.versions[v].citations[first.citation]))"
            }
            findings += set.disagreements(
                Self.id, context, present: present, values: values, subject: "\(key) date",
                at: { dates[$0][key]!.first.span.lowerBound },
                odd: { v, value, common, agreeing in
                    "the \(set.versions[v].language) version dates resolution \(number) \(value) (\(written(v))); \(set.names(agreeing)) \(agreeing.count == 1 ? "dates" : "date") it \(common): a resolution has one date of adoption; correct the version that is out of line"
                },
                tie: { "the versions date resolution \(number) differently: \($0); a resolution has one date of adoption" })
        }
        return findings
    }
}
