import Foundation

/// A citation of another document resolved into the repository: where it stands, what it
/// cites, and the file and anchors it reaches (for JSON, SARIF and HTML).
public struct ResolvedLink: Sendable, Hashable {
    public var location: Location
    public var written: String
    /// The target's symbol (or file) and the file of the version the pinpoint was checked in.
    public var document: String
    public var file: String
    /// The anchors cited (empty: the document as a whole) and those the target lacks.
    public var anchors: [String]
    public var missing: [String]
    /// The line of the first unit cited in `file` (1: the document as a whole).
    public var line: Int = 1

    /// The order of a report: by file, line, column, text.
    public static func ordered(_ a: ResolvedLink, _ b: ResolvedLink) -> Bool {
        (a.location.file, a.location.line, a.location.column, a.written) < (b.location.file, b.location.line, b.location.column, b.written)
    }
}

/// The repository stage: the cross-document checks over the index of the run, their findings
/// filtered as the other checks' are (severities, inline suppressions, baseline).
struct RepositoryStage {
    let pipeline: Pipeline

    /// `jobs` above 1 runs the checks side by side (this stage runs after every set is
    /// done, alone on one core otherwise); the findings are the same, in the same order.
    func findings(_ index: DocumentIndex, jobs: Int = 1) -> FindingFilter.Outcome {
        let context = CheckContext(rules: pipeline.rules)
        let checks = Checks.repository
        var perCheck = [[Finding]](repeating: [], count: checks.count)
        if jobs > 1, checks.count > 1 {
            let lock = NSLock()
            nonisolated(unsafe) var results = perCheck
            DispatchQueue.concurrentPerform(iterations: checks.count) { number in
                let found = checks[number].findings(in: index, context: context)
                lock.lock()
                results[number] = found
                lock.unlock()
            }
            perCheck = results
        } else {
            perCheck = checks.map { $0.findings(in: index, context: context) }
        }
        let found = perCheck.flatMap { $0 }.sorted(by: Finding.ordered)
        var suppressions = [String: Suppressions]()
        for entry in index.entries { if let s = entry.suppressions { suppressions[entry.document.file] = s } }
        return pipeline.filter.apply(found, suppressions: suppressions)
    }

    /// Every citation of a reported document that reaches a document of the index.
    static func links(_ index: DocumentIndex) -> [ResolvedLink] {
        var links = [ResolvedLink]()
        for entry in index.entries where entry.document.reported {
            for citation in entry.citations {
                guard let target = index.version(of: citation.key, language: entry.document.language) else { continue }
                let anchors = citation.pins
                let missing = anchors.flatMap(DocumentAnchors.expand).filter { !target.anchors.contains($0) }
                var link = ResolvedLink(location: citation.location, written: citation.written, document: target.name,
                                        file: target.file, anchors: anchors, missing: missing)
                link.line = anchors.first.flatMap { DocumentAnchors.expand($0).first }.flatMap(target.line(of:)) ?? 1
                links.append(link)
            }
        }
        return links.sorted(by: ResolvedLink.ordered)
    }
}
