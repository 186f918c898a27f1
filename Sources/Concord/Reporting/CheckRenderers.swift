import Foundation

/// Renders a check report for people: compiler-style lines grouped by document set, then a
/// one-line summary. Pure functions of the report.
public enum TextReport {
    public struct Style: Sendable {
        public var colour: Bool
        public init(colour: Bool) { self.colour = colour }
    }

    public static func render(_ report: CheckReport, minimum: Severity = .note, style: Style = Style(colour: false)) -> String {
        var out = ""
        func paint(_ text: String, _ code: String) -> String { style.colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        for set in report.sets {
            let shown = set.findings.filter { $0.severity >= minimum }
            guard !shown.isEmpty else { continue }
            let languages = set.languages.map(\.rawValue).joined(separator: ", ")
            out += paint("\(set.set.name)\(languages.isEmpty ? "" : " (\(languages))")", "1") + "\n"
            for finding in shown {
                let severity: String
                switch finding.severity {
                case .error: severity = paint("error", "1;31")
                case .warning: severity = paint("warning", "1;33")
                case .note: severity = paint("note", "1;36")
                }
                out += "\(finding.location.display): \(severity): \(finding.message) [\(finding.rule)]\n"
            }
        }
        out += summary(report) + "\n"
        return out
    }

    /// `concord: 1 error, 0 warnings, 0 notes in 5 files (1 document set); 1 file could not be
    /// read; 3 findings not shown (2 in the baseline, 1 suppressed inline)`: the files are
    /// the documents read; what could not be read and what the filter hid are said apart.
    public static func summary(_ report: CheckReport) -> String {
        let count = Plural.count
        var line = "concord: \(count(report.count(.error), "error")), \(count(report.count(.warning), "warning")), \(count(report.count(.note), "note"))"
        line += " in \(count(report.fileCount, "file")) (\(count(report.sets.count, "document set")))"
        if !report.inputErrors.isEmpty { line += "; \(count(report.inputErrors.count, "file")) could not be read" }
        if report.hidden > 0 {
            let reasons = [(report.inBaseline, "in the baseline"), (report.suppressed, "suppressed inline"),
                           (report.turnedOff, "of checks set to off")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
            line += "; \(count(report.hidden, "finding")) not shown (\(reasons.joined(separator: ", ")))"
        }
        return line
    }
}

/// The check report as JSON (fields documented in the README).
public enum JSONReport {
    public static func render(_ report: CheckReport) -> String {
        func location(_ l: Location) -> JSONValue {
            var fields: [(String, JSONValue)] = [("file", .string(l.file))] + (l.page.map { [("page", JSONValue.int($0))] } ?? [])
                + [("line", .int(l.line)), ("column", .int(l.column))]
            if l.paragraphBased { fields.append(("unit", .string("paragraph"))) }
            if let message = l.message { fields.append(("message", .string(message))) }
            return .object(fields)
        }
        let sets: [JSONValue] = report.sets.map { set in
            .object([
                ("name", .string(set.set.name)),
                ("files", .array(set.set.files.map(JSONValue.string))),
                ("languages", .array(set.languages.map { .string($0.rawValue) })),
                ("findings", .array(set.findings.map { finding in
                    .object([
                        ("rule", .string(finding.rule.rawValue)),
                        ("severity", .string(finding.severity.rawValue)),
                        ("message", .string(finding.message)),
                        ("file", .string(finding.location.file)),
                    ] + (finding.location.page.map { [("page", JSONValue.int($0))] } ?? []) + [
                        ("line", .int(finding.location.line)),
                        ("column", .int(finding.location.column)),
                    ] + (finding.location.paragraphBased ? [("unit", JSONValue.string("paragraph"))] : []) + [
                        ("related", .array(finding.related.map(location))),
                        ("fingerprint", .string(Fingerprint.of(finding))),
                    ] + (finding.target.map { [("target", RepositoryLinks.json($0))] } ?? []))
                })),
            ])
        }
        var links = [(String, JSONValue)]()
        if !report.links.isEmpty { links.append(("links", .array(report.links.map(RepositoryLinks.json)))) }
        return JSONValue.object([
            ("tool", .object([("name", .string("concord")), ("version", .string(Concord.version))])),
            ("summary", .object([
                ("errors", .int(report.count(.error))), ("warnings", .int(report.count(.warning))),
                ("notes", .int(report.count(.note))), ("files", .int(report.fileCount)), ("sets", .int(report.sets.count)),
                ("unreadable", .int(report.inputErrors.count)), ("suppressed", .int(report.suppressed)),
                ("turnedOff", .int(report.turnedOff)), ("inBaseline", .int(report.inBaseline)),
            ])),
            ("sets", .array(sets)),
            ("inputErrors", .array(report.inputErrors.map { error in
                .object([("file", .string(error.file)), ("line", .optional(error.line)), ("message", .string(error.message))])
            })),
        ] + links).rendered()
    }
}

/// The resolved citations of other documents (`CheckReport.links`) in JSON and SARIF: where
/// the citation stands, as written, the document and file it reaches, the anchors cited and
/// those the document lacks.
enum RepositoryLinks {
    static func fields(_ link: ResolvedLink, file: JSONValue) -> [(String, JSONValue)] {
        [
            ("text", .string(link.written)),
            ("target", .object([
                ("document", .string(link.document)),
                ("file", file),
                ("anchors", .array(link.anchors.map(JSONValue.string))),
                ("line", .int(link.line)),
            ])),
            ("missing", .array(link.missing.map(JSONValue.string))),
        ]
    }

    /// A finding's target: document, file, anchor (null: the whole document), line.
    static func json(_ target: FindingTarget) -> JSONValue {
        .object([("document", .string(target.document)), ("file", .string(target.file)),
                 ("anchor", target.anchor.map(JSONValue.string) ?? .null), ("line", .int(target.line))])
    }

    static func json(_ link: ResolvedLink) -> JSONValue {
        .object([("file", .string(link.location.file)), ("line", .int(link.location.line)), ("column", .int(link.location.column))]
                + fields(link, file: .string(link.file)))
    }
}

/// A fingerprint that keeps a finding's identity when lines move: the rule, the file's
/// name, and what the finding is about (FNV-1a, 64 bits).
public enum Fingerprint {
    public static func of(_ finding: Finding) -> String {
        if let stored = finding.storedFingerprint { return stored }
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in "\(finding.rule.rawValue)|\(PathText.lastComponent(finding.location.file))|\(finding.subject)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// The check report as SARIF 2.1.0, for code scanning: rule metadata from Rules/checks.yml,
/// relative URIs against %SRCROOT%, related locations in the other language versions,
/// partial fingerprints, columns in Unicode code points.
public enum SARIFReport {
    public static func render(_ report: CheckReport, checks: CheckCatalogue, root: String) -> String {
        let rules = checks.checks
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        func level(_ severity: Severity) -> String { severity == .error ? "error" : severity == .warning ? "warning" : "note" }
        func artifact(_ file: String) -> JSONValue {
            let relative = relativePath(file, to: root)
            if relative.hasPrefix("/") {
                return .object([("uri", .string(URL(fileURLWithPath: relative).absoluteString))])
            }
            return .object([("uri", .string(relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? relative)),
                            ("uriBaseId", .string("%SRCROOT%"))])
        }
        func physical(_ l: Location) -> JSONValue {
            .object([
                ("artifactLocation", artifact(l.file)),
                // A PDF's place is a page, a line on it and a column: SARIF's region has no
                // page, so it goes into the region's property bag.
                ("region", .object([("startLine", .int(l.line)), ("startColumn", .int(l.column))]
                    + (l.page.map { [("properties", JSONValue.object([("page", .int($0))]))] } ?? []))),
            ])
        }
        let results: [JSONValue] = report.sets.flatMap { set in set.findings.map { (set.set.name, $0) } }.map { setName, finding in
            var fields: [(String, JSONValue)] = [
                ("ruleId", .string(finding.rule.rawValue)),
            ]
            if let index = ruleIndex[finding.rule] { fields.append(("ruleIndex", .int(index))) }
            fields += [
                ("level", .string(level(finding.severity))),
                ("message", .object([("text", .string(finding.message))])),
                ("locations", .array([.object([("physicalLocation", physical(finding.location))])])),
            ]
            if !finding.related.isEmpty {
                fields.append(("relatedLocations", .array(finding.related.enumerated().map { i, l in
                    var related: [(String, JSONValue)] = [("id", .int(i + 1)), ("physicalLocation", physical(l))]
                    if let message = l.message { related.append(("message", .object([("text", .string(message))]))) }
                    return .object(related)
                })))
            }
            fields.append(("partialFingerprints", .object([("concordFinding/v1", .string(Fingerprint.of(finding)))])))
            // The set, so that `concord merge` can order the results of shards as one run does.
            fields.append(("properties", .object([("concordSet", .string(setName))])))
            return .object(fields)
        }
        let driverRules: [JSONValue] = rules.map { rule in
            let id = rule.id.rawValue
            let name = id.split(separator: ".").map { $0.split(separator: "-").map { $0.capitalized }.joined() }.joined()
            return .object([
                ("id", .string(id)),
                ("name", .string(name)),
                ("shortDescription", .object([("text", .string(String(rule.description.prefix { $0 != "." }) + "."))])),
                ("fullDescription", .object([("text", .string(rule.description))])),
                ("help", .object([("text", .string(rule.description))])),
                ("defaultConfiguration", .object([("level", .string(level(rule.severity)))])),
            ])
        }
        // By URI (what `concord merge` sees), once each.
        let artifacts = Dictionary(report.sets.flatMap(\.set.files).map { file in
            let value = artifact(file)
            return (value["uri"]?.stringValue ?? file, value)
        }, uniquingKeysWith: { first, _ in first }).sorted { $0.key < $1.key }.map(\.value)
        return JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string("concord")),
                    ("version", .string(Concord.version)),
                    ("rules", .array(driverRules)),
                ]))])),
                ("columnKind", .string("unicodeCodePoints")),
                ("artifacts", .array(artifacts.map { .object([("location", $0)]) })),
                ("results", .array(results)),
            ] + (report.links.isEmpty ? [] : [("properties", JSONValue.object([
                ("concordLinks", .array(report.links.map { link in
                    .object([("location", physical(link.location))] + RepositoryLinks.fields(link, file: artifact(link.file)))
                })),
            ]))]))])),
        ]).rendered()
    }

    static func relativePath(_ file: String, to root: String) -> String {
        let absolute = file.hasPrefix("/") ? file : (root as NSString).appendingPathComponent(file)
        let standardized = (absolute as NSString).standardizingPath
        let base = (root as NSString).standardizingPath + "/"
        return standardized.hasPrefix(base) ? String(standardized.dropFirst(base.count)) : standardized
    }
}
