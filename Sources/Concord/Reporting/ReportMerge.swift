import Foundation

/// `concord merge`: the reports of shards (`concord check --shard K/N`) made into the report
/// one run over all the sets gives, byte for byte (from the same folder, with the same
/// Concord). JSON reports are the lossless form: they are read back into a `CheckReport`
/// (findings keep their fingerprints; input errors render as they did) and the union, with
/// the sets in `DocumentSet.canonicalOrder`, is rendered in any format but HTML. SARIF
/// reports merge into SARIF: results grouped by their set (`properties.concordSet`), the
/// groups in set order, the artifacts' union sorted as the renderer sorts it.
public enum ReportMerge {
    /// Why an input cannot be merged: names the file.
    public struct Failure: Error, CustomStringConvertible {
        public var file: String
        public var message: String
        public init(file: String, message: String) { self.file = file; self.message = message }
        public var description: String { "\(file): error: \(message)" }
    }

    /// A report read back.
    public enum Input {
        case json(CheckReport)
        case sarif(JSONValue)
    }

    /// Reads a report file: Concord's JSON report or its SARIF.
    public static func read(_ path: String) throws(Failure) -> Input {
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure(file: path, message: "cannot be read") }
        let value: JSONValue
        do { value = try JSONValue.parse(data) } catch { throw Failure(file: path, message: error.description) }
        if value["runs"] != nil, value["version"]?.stringValue == "2.1.0" {
            guard let runs = value["runs"]?.arrayValue, runs.count == 1,
                  runs[0]["tool"]?["driver"]?["name"]?.stringValue == "concord" else {
                throw Failure(file: path, message: "not a SARIF report of concord check (one run by concord)")
            }
            try checkVersion(runs[0]["tool"]?["driver"]?["version"]?.stringValue, path)
            return .sarif(value)
        }
        return .json(try report(fromJSON: value, file: path))
    }

    private static func checkVersion(_ version: String?, _ path: String) throws(Failure) {
        guard version == Concord.version else {
            throw Failure(file: path, message: "made by concord \(version ?? "(unknown)"); this is concord \(Concord.version): merge the reports of one version")
        }
    }

    /// A JSON report of `concord check` read back into the report it was rendered from (as
    /// far as renderers see it).
    public static func report(fromJSON value: JSONValue, file path: String) throws(Failure) -> CheckReport {
        func bad(_ what: String) -> Failure { Failure(file: path, message: "not a JSON report of concord check: \(what)") }
        guard value["tool"]?["name"]?.stringValue == "concord", let sets = value["sets"]?.arrayValue,
              let errors = value["inputErrors"]?.arrayValue, let files = value["summary"]?["files"]?.intValue else {
            throw bad("tool, summary.files, sets and inputErrors expected")
        }
        try checkVersion(value["tool"]?["version"]?.stringValue, path)
        func location(_ v: JSONValue) throws(Failure) -> Location {
            guard let file = v["file"]?.stringValue, let line = v["line"]?.intValue, let column = v["column"]?.intValue else {
                throw bad("a location without file, line and column")
            }
            var location = Location(file: file, line: line, column: column, message: v["message"]?.stringValue,
                                    paragraphBased: v["unit"]?.stringValue == "paragraph")
            location.page = v["page"]?.intValue
            return location
        }
        var reports = [SetReport]()
        for set in sets {
            guard let name = set["name"]?.stringValue, let files = set["files"]?.arrayValue?.compactMap(\.stringValue),
                  let languages = set["languages"]?.arrayValue?.compactMap({ $0.stringValue.flatMap(Language.init(rawValue:)) }),
                  let findings = set["findings"]?.arrayValue else { throw bad("a set without name, files, languages and findings") }
            var decoded = [Finding]()
            for f in findings {
                guard let rule = f["rule"]?.stringValue.flatMap(CheckID.init(rawValue:)),
                      let severity = f["severity"]?.stringValue.flatMap(Severity.init(rawValue:)),
                      let message = f["message"]?.stringValue, let fingerprint = f["fingerprint"]?.stringValue,
                      let related = f["related"]?.arrayValue else { throw bad("a finding without rule, severity, message, related and fingerprint") }
                var finding = Finding(rule: rule, severity: severity, message: message, location: try location(f),
                                      related: try related.map { v throws(Failure) in try location(v) }, subject: "")
                finding.storedFingerprint = fingerprint
                if let target = f["target"], let document = target["document"]?.stringValue, let file = target["file"]?.stringValue,
                   let line = target["line"]?.intValue {
                    finding.target = FindingTarget(document: document, file: file, anchor: target["anchor"]?.stringValue, line: line)
                }
                decoded.append(finding)
            }
            reports.append(SetReport(set: DocumentSet(name: name, files: files), languages: languages, findings: decoded))
        }
        var inputErrors = [InputError]()
        for e in errors {
            guard let file = e["file"]?.stringValue, let message = e["message"]?.stringValue else { throw bad("an input error without file and message") }
            inputErrors.append(InputError(file: file, reason: .malformed(message, line: e["line"]?.intValue)))
        }
        var report = CheckReport(sets: reports, inputErrors: inputErrors, fileCount: files)
        // What the filter stage hid (reports written before these fields had none).
        let summary = value["summary"]
        report.suppressed = summary?["suppressed"]?.intValue ?? 0
        report.turnedOff = summary?["turnedOff"]?.intValue ?? 0
        report.inBaseline = summary?["inBaseline"]?.intValue ?? 0
        for link in value["links"]?.arrayValue ?? [] {
            guard let file = link["file"]?.stringValue, let line = link["line"]?.intValue, let column = link["column"]?.intValue,
                  let text = link["text"]?.stringValue, let document = link["target"]?["document"]?.stringValue,
                  let target = link["target"]?["file"]?.stringValue,
                  let anchors = link["target"]?["anchors"]?.arrayValue?.compactMap(\.stringValue),
                  let missing = link["missing"]?.arrayValue?.compactMap(\.stringValue) else { throw bad("a link without file, line, column, text, target and missing") }
            var resolved = ResolvedLink(location: Location(file: file, line: line, column: column), written: text,
                                        document: document, file: target, anchors: anchors, missing: missing)
            resolved.line = link["target"]?["line"]?.intValue ?? 1
            report.links.append(resolved)
        }
        return report
    }

    /// The union of reports of disjoint parts: sets in canonical order, input errors in the
    /// order of their sets (then as given), file counts summed. A set in two reports is an
    /// error (the parts overlap).
    public static func merge(_ reports: [(file: String, report: CheckReport)]) throws(Failure) -> CheckReport {
        var seen = [String: String]()
        for (file, report) in reports {
            for set in report.sets {
                if let other = seen[set.set.name] {
                    throw Failure(file: file, message: "the document set \(set.set.name) is also in \(other): the reports overlap")
                }
                seen[set.set.name] = file
            }
        }
        let sets = reports.flatMap(\.report.sets).sorted { DocumentSet.canonicalOrder($0.set, $1.set) }
        var position = [String: Int]()
        for (index, set) in sets.enumerated() { for file in set.set.files where position[file] == nil { position[file] = index } }
        let errors = reports.flatMap(\.report.inputErrors).enumerated()
            .sorted { (position[$0.element.file] ?? Int.max, $0.offset) < (position[$1.element.file] ?? Int.max, $1.offset) }
            .map(\.element)
        var merged = CheckReport(sets: sets, inputErrors: errors, fileCount: reports.reduce(0) { $0 + $1.report.fileCount })
        merged.suppressed = reports.reduce(0) { $0 + $1.report.suppressed }
        merged.turnedOff = reports.reduce(0) { $0 + $1.report.turnedOff }
        merged.inBaseline = reports.reduce(0) { $0 + $1.report.inBaseline }
        merged.links = reports.flatMap(\.report.links).sorted(by: ResolvedLink.ordered)
        return merged
    }

    /// SARIF reports of disjoint parts merged into one SARIF report (the first input's run
    /// with the union of artifacts and results), and the severities of its results.
    public static func mergeSARIF(_ inputs: [(file: String, document: JSONValue)]) throws(Failure) -> (sarif: String, levels: [Severity]) {
        guard let first = inputs.first else { throw Failure(file: "concord merge", message: "no report given") }
        func run(_ document: JSONValue) -> [(String, JSONValue)] {
            guard case .object(let fields)? = document["runs"]?.arrayValue?.first else { return [] }
            return fields
        }
        let driver = first.document["runs"]?.arrayValue?.first?["tool"]
        var artifacts = [String: JSONValue]()
        var groups = [(set: String, results: [JSONValue])]()
        var seen = [String: String]()
        for (file, document) in inputs {
            guard let runObject = document["runs"]?.arrayValue?.first,
                  let results = runObject["results"]?.arrayValue, let files = runObject["artifacts"]?.arrayValue else {
                throw Failure(file: file, message: "a SARIF run without artifacts and results")
            }
            guard runObject["tool"] == driver else {
                throw Failure(file: file, message: "its rules differ from those of \(first.file): merge reports made with the same rules")
            }
            for artifact in files {
                guard let uri = artifact["location"]?["uri"]?.stringValue else { throw Failure(file: file, message: "an artifact without a URI") }
                artifacts[uri] = artifact
            }
            var order = [String]()
            var bySet = [String: [JSONValue]]()
            for result in results {
                guard let set = result["properties"]?["concordSet"]?.stringValue else {
                    throw Failure(file: file, message: "a result without properties.concordSet (written by an older concord): merge the shards' JSON reports instead")
                }
                if bySet[set] == nil { order.append(set) }
                bySet[set, default: []].append(result)
            }
            for set in order {
                if let other = seen[set] { throw Failure(file: file, message: "the document set \(set) is also in \(other): the reports overlap") }
                seen[set] = file
                groups.append((set, bySet[set]!))
            }
        }
        let sorted = groups.enumerated().sorted { ($0.element.set, $0.offset) < ($1.element.set, $1.offset) }.flatMap(\.element.results)
        var fields = run(first.document).filter { $0.0 != "properties" }
        for (index, field) in fields.enumerated() {
            if field.0 == "artifacts" { fields[index].1 = .array(artifacts.sorted { $0.key < $1.key }.map(\.value)) }
            if field.0 == "results" { fields[index].1 = .array(sorted) }
        }
        // The resolved citations of every part, in the order one run gives them.
        let links = inputs.flatMap { $0.document["runs"]?.arrayValue?.first?["properties"]?["concordLinks"]?.arrayValue ?? [] }
        if !links.isEmpty {
            func key(_ link: JSONValue) -> (String, Int, Int, String) {
                let physical = link["location"]
                return (physical?["artifactLocation"]?["uri"]?.stringValue ?? "", physical?["region"]?["startLine"]?.intValue ?? 0,
                        physical?["region"]?["startColumn"]?.intValue ?? 0, link["text"]?.stringValue ?? "")
            }
            fields.append(("properties", .object([("concordLinks", .array(links.sorted { key($0) < key($1) }))])))
        }
        guard case .object(var top) = first.document else { throw Failure(file: first.file, message: "not a SARIF object") }
        for (index, field) in top.enumerated() where field.0 == "runs" { top[index].1 = .array([.object(fields)]) }
        let levels: [Severity] = sorted.map {
            switch $0["level"]?.stringValue { case "error": .error; case "warning": .warning; default: .note }
        }
        return (JSONValue.object(top).rendered(), levels)
    }
}
