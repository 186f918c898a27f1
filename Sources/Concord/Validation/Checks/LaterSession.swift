/// A General Assembly resolution of a later session than the citing resolution's own (a
/// resolution of session 81 cited by one of session 80): the own session from the document's
/// symbol (`A/RES/80/15`), or from the number in its title (`80/15.`) when the document is a
/// General Assembly resolution (its chapeau names the Assembly).
public struct LaterSession: DocumentCheck {
    public static let id = CheckID.plausibilityLaterSession
    public static let defaultSeverity = Severity.warning
    public static let examples = CheckExamples(
        triggering: [
            .markdown("80/15. Title\n\nThe General Assembly,\n\n1. *Recalls* its resolutions 79/1 and 81/2;\n"),
        ],
        nonTriggering: [
            .markdown("80/15. Title\n\nThe General Assembly,\n\n1. *Recalls* its resolutions 79/1 and 80/2;\n"),
            .markdown("The General Assembly,\n\n1. *Recalls* its resolutions 79/1 and 81/2;\n"),
            .markdown("Resolution 6/1\n\nThe Conference of the Parties,\n\n1. *Recalls* General Assembly resolutions 5/1 and 79/1;\n"),
        ])

    public init() {}

    /// The regular session of the document itself, when it is a GA resolution.
    static func ownSession(_ resolved: ResolvedDocument, _ context: CheckContext) -> Int? {
        let identity = resolved.document.identity
        if let symbol = identity.symbol {
            guard symbol.hasPrefix("A/RES/") else { return nil }
            return SessionCatalogue.session(ofKey: symbol).flatMap { Int($0) }
        }
        guard let number = identity.number, let language = resolved.document.language,
              let rules = context.languages[language],
              let chapeau = resolved.document.paragraphs.first(where: { $0.kind == .chapeau }),
              rules.bodyCode(opening: chapeau.text.string) == "A" else { return nil }
        let parts = number.split(separator: "/")
        // The Assembly numbers its resolutions session/number from its thirty-first session (1976)
        // on; a smaller first number in a title is no GA session.
        guard parts.count == 2, parts[0].count <= 3, let session = Int(parts[0]), session >= 31, Int(parts[1]) != nil else { return nil }
        return session
    }

    public func findings(in resolved: ResolvedDocument, context: CheckContext) -> [Finding] {
        guard let own = Self.ownSession(resolved, context) else { return [] }
        var names: [String: String]?
        var reported = Set<String>()
        var findings = [Finding]()
        let units = resolved.document.source.units
        for citation in resolved.citations where citation.kind == .resolution && !citation.forthcoming {
            guard let session = SessionCatalogue.session(ofKey: citation.key).flatMap({ Int($0) }), session > own,
                  citation.key != resolved.document.identity.symbol,
                  reported.insert(citation.key).inserted else { continue }
            if names == nil { names = resolved.document.placeNames() }
            let place = citation.footnote.map { "footnote \($0)" } ?? citation.paragraph.flatMap { names?[$0] } ?? "the text"
            let span = NumberToken.span(of: citation, in: units)
            findings.append(context.finding(Self.id, in: resolved.document, at: span.lowerBound,
                                            "resolution \(ResolvedDocument.readableNumber(citation.key)) in \(place) is of session \(session), later than this resolution's own session \(own): a resolution can only cite those of its own or earlier sessions (or mark one as forthcoming); the number is wrong",
                                            subject: "\(citation.key) after session \(own)"))
        }
        return findings
    }
}
