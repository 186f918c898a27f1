/// Renders the document model that `concord extract` prints: JSON for programs, an outline
/// for people. Pure functions of the documents.
public enum ExtractRenderer {
    /// A place's fields: `line`, `column`, and for a PDF `page` first (`line` is then the
    /// line on that page).
    static func place(_ position: SourcePosition) -> [(String, JSONValue)] {
        (position.page.map { [("page", JSONValue.int($0))] } ?? []) + [("line", .int(position.line)), ("column", .int(position.column))]
    }

    /// One JSON object per document (the fields are documented in the README).
    /// `links`: the run's resolved citations of other documents (`extract --config`): a
    /// citation among them gets its `target` (document, file, anchors, line, missing).
    public static func json(_ document: Document, citations: [Citation]? = nil, links: [ResolvedLink] = []) -> JSONValue {
        let paragraphs: [JSONValue] = document.paragraphs.map { paragraph in
            let position = document.position(of: paragraph.start)
            var fields: [(String, JSONValue)] = [
                ("id", .string(paragraph.id)),
                ("kind", .string(paragraph.kind.rawValue)),
                ("number", .optional(paragraph.number)),
            ] + place(position) + [
                ("text", .string(paragraph.text.string)),
            ]
            if let label = paragraph.label { fields.append(("label", .string(label))) }
            if let parent = paragraph.parentID { fields.append(("parent", .string(parent))) }
            fields.append(("anchor", .optional(paragraph.anchor)))
            fields.append(("parentAnchor", .optional(paragraph.parentAnchor)))
            return .object(fields)
        }
        let footnotes: [JSONValue] = document.footnotes.map { footnote in
            var fields: [(String, JSONValue)] = [
                ("label", .string(footnote.label)),
                ("text", .optional(footnote.body?.text.string)),
            ]
            if let body = footnote.body {
                let position = document.position(of: body.labelRange.lowerBound)
                fields.append(("body", .object(place(position))))
            } else {
                fields.append(("body", .null))
            }
            fields.append(("markers", .array(footnote.markers.map { marker in
                let position = document.position(of: marker.sourceRange.lowerBound)
                return .object(place(position) + [("paragraph", .string(marker.paragraphID))])
            })))
            return .object(fields)
        }
        var fields: [(String, JSONValue)] = [
            ("file", .string(document.file)),
            ("language", .optional(document.language?.rawValue)),
            ("languageSource", .optional(document.languageSource?.rawValue)),
            ("format", .string(document.format.rawValue)),
            ("symbol", .optional(document.symbol)),
            ("paragraphs", .array(paragraphs)),
            ("footnotes", .array(footnotes)),
            ("genre", .string(document.genre.rawValue)),
            ("identity", .object([
                ("symbol", .optional(document.identity.symbol)),
                ("number", .optional(document.identity.number)),
                ("adopted", .optional((document.identity.adopted ?? citations.flatMap { DocumentIdentity.adoptionDate(of: document, citations: $0) })
                    .map { String($0.dropFirst("date:".count)) })),
            ])),
        ]
        if let citations {
            let ownLinks = links.filter { $0.location.file == document.file }
            fields.append(("citations", .array(citations.map { citation in
                let position = document.position(of: citation.sourceRange.lowerBound)
                let link = ownLinks.first { $0.location.line == position.line && $0.location.column == position.column && $0.written == citation.text }
                return json(citation, in: document, link: link)
            })))
        }
        return .object(fields)
    }

    public static func json(_ citation: Citation, in document: Document, link: ResolvedLink? = nil) -> JSONValue {
        let position = document.position(of: citation.sourceRange.lowerBound)
        var fields: [(String, JSONValue)] = [
            ("kind", .string(citation.kind.rawValue)),
            ("text", .string(citation.text)),
            ("key", .string(citation.key)),
        ] + place(position) + [
            ("footnote", .optional(citation.footnote)),
            ("paragraph", .optional(citation.paragraph)),
        ]
        if citation.kind == .treaty || citation.volume != nil {
            fields.append(("volume", .optional(citation.volume)))
            fields.append(("number", .optional(citation.number)))
        }
        if citation.kind == .ibid {
            fields.append(("antecedent", .optional(citation.antecedent)))
            fields.append(("antecedentFootnote", .optional(citation.antecedentFootnote)))
        }
        if let pin = citation.pin { fields.append(("pin", .string(pin))) }
        if let url = citation.url { fields.append(("url", .string(url))) }
        if citation.forthcoming { fields.append(("forthcoming", .bool(true))) }
        if !citation.notes.isEmpty { fields.append(("notes", .array(citation.notes.map { .string($0.description) }))) }
        fields.append(("rule", .string(citation.rule)))
        if let link {
            fields.append(("target", .object([
                ("document", .string(link.document)), ("file", .string(link.file)),
                ("anchors", .array(link.anchors.map(JSONValue.string))), ("line", .int(link.line)),
                ("missing", .array(link.missing.map(JSONValue.string))),
            ])))
        }
        return .object(fields)
    }

    /// An outline: each paragraph with its id and place, each footnote with its body's place
    /// and the places of its markers.
    public static func text(_ document: Document, citations: [Citation]? = nil, width: Int = 100) -> String {
        var out = "\(document.file): \(document.language?.rawValue ?? "unknown language")"
        if let source = document.languageSource { out += " (from \(source.rawValue))" }
        out += ", \(Plural.count(document.paragraphs.count, "paragraph")), \(Plural.count(document.footnotes.count, "footnote"))\n"
        let idWidth = document.paragraphs.map(\.id.count).max() ?? 2
        for paragraph in document.paragraphs {
            let position = document.position(of: paragraph.start)
            let id = paragraph.id.padding(toLength: max(idWidth, 4), withPad: " ", startingAt: 0)
            let place = position.page.map { "p\($0):\(position.line)" } ?? String(position.line)
            out += "  \(id) \(place.leftPadded(to: 5))  \(abbreviate(paragraph.text.string, width: width))\n"
        }
        if !document.footnotes.isEmpty { out += "  footnotes:\n" }
        for footnote in document.footnotes {
            var line = "    \(footnote.label.leftPadded(to: 3))  "
            if let body = footnote.body {
                line += "body \(document.position(of: body.labelRange.lowerBound))"
            } else {
                line += "no body"
            }
            let markers = footnote.markers.map { "\(document.position(of: $0.sourceRange.lowerBound)) in \($0.paragraphID)" }
            line += markers.isEmpty ? ", no marker" : ", marker " + markers.joined(separator: ", ")
            if let body = footnote.body { line += "  \(abbreviate(body.text.string, width: width - 40))" }
            out += line + "\n"
        }
        if let citations, !citations.isEmpty {
            out += "  citations:\n"
            for citation in citations {
                let place = citation.footnote.map { "fn \($0)" } ?? citation.paragraph ?? ""
                var line = "    \(document.position(of: citation.sourceRange.lowerBound))  \(place.padding(toLength: 6, withPad: " ", startingAt: 0)) \(citation.kind.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(citation.key)"
                if let antecedent = citation.antecedent { line += "  (ibid. → \(antecedent)\(citation.antecedentFootnote.map { " in fn \($0)" } ?? ""))" }
                if citation.forthcoming { line += "  (forthcoming)" }
                if !citation.notes.isEmpty { line += "  [\(citation.notes.map(\.description).joined(separator: ", "))]" }
                out += line + "\n"
            }
        }
        return out
    }

    private static func abbreviate(_ text: String, width: Int) -> String {
        guard text.count > width else { return text }
        return String(text.prefix(max(10, width - 1))) + "…"
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
