import Foundation

/// Files of one document in several languages: grouped by name (`res-6-1.fr.txt` with
/// `res-6-1.en.txt`; `A_RES_80_13-EN.txt` with `A_RES_80_13-FR.txt`, in the same folder) or
/// given explicitly.
public struct DocumentSet: Sendable, Hashable {
    /// The folder and the name without its language (`Corpora/seed/res-6-1`).
    public var name: String
    public var files: [String]

    public init(name: String, files: [String]) {
        self.name = name
        self.files = files
    }

    /// Groups files by name; a file whose name carries no language is a set of its own, and
    /// so is a second file of a language already in its set. `patterns` (from the
    /// configuration: `{lang}/{name}.{ext}`) are tried first, on paths relative to `base`.
    public static func group(_ files: [String], patterns: [String] = [], base: String = "") -> [DocumentSet] {
        var sets = [DocumentSet]()
        var index = [String: Int]()
        var languages = [String: Set<Language>]()
        for file in files {
            guard let (stem, language) = stemAndLanguage(file, patterns: patterns, base: base) ?? stemAndLanguage(file) else {
                sets.append(DocumentSet(name: file, files: [file]))
                continue
            }
            if let i = index[stem], !languages[stem, default: []].contains(language) {
                sets[i].files.append(file)
                languages[stem, default: []].insert(language)
            } else if index[stem] == nil {
                index[stem] = sets.count
                languages[stem] = [language]
                sets.append(DocumentSet(name: stem, files: [file]))
            } else {
                sets.append(DocumentSet(name: file, files: [file]))
            }
        }
        return sets.map { DocumentSet(name: $0.name, files: $0.files.sorted()) }.sorted { $0.name < $1.name }
    }

    /// The set a configured pattern puts a file in: the pattern with the file's name and
    /// extension filled in and its language left open.
    static func stemAndLanguage(_ path: String, patterns: [String], base: String) -> (String, Language)? {
        guard !patterns.isEmpty else { return nil }
        let relative = Configuration.relative(path, to: base)
        for pattern in patterns {
            var regex = "^"
            var rest = Substring(pattern)
            while !rest.isEmpty {
                if rest.hasPrefix("{name}") { regex += "(?<name>.+?)"; rest = rest.dropFirst(6) }
                else if rest.hasPrefix("{lang}") { regex += "(?<lang>[A-Za-z]{2})"; rest = rest.dropFirst(6) }
                else if rest.hasPrefix("{ext}") { regex += "(?<ext>[^./]+)"; rest = rest.dropFirst(5) }
                else { regex += NSRegularExpression.escapedPattern(for: String(rest.first!)); rest = rest.dropFirst() }
            }
            regex += "$"
            guard let expression = try? NSRegularExpression(pattern: regex),
                  let match = expression.firstMatch(in: relative, range: NSRange(relative.startIndex..., in: relative)),
                  let langRange = Range(match.range(withName: "lang"), in: relative),
                  let language = Language(rawValue: relative[langRange].lowercased()) else { continue }
            let name = Range(match.range(withName: "name"), in: relative).map { String(relative[$0]) } ?? ""
            let ext = Range(match.range(withName: "ext"), in: relative).map { String(relative[$0]) } ?? ""
            let key = pattern.replacingOccurrences(of: "{name}", with: name).replacingOccurrences(of: "{ext}", with: ext)
                .replacingOccurrences(of: "{lang}", with: "*")
            return (key, language)
        }
        return nil
    }

    /// `dir/res-6-1.fr.txt` → (`dir/res-6-1`, fr); `A_RES_80_13-EN.txt` → (`A_RES_80_13`, en).
    static func stemAndLanguage(_ path: String) -> (String, Language)? {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        guard let language = Language.fromFileName(name) else { return nil }
        var parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var stem: String
        if parts.count >= 2, parts[parts.count - 1].lowercased() == language.rawValue {
            parts.removeLast()                       // devset.fr
            stem = parts.joined(separator: ".")
        } else {
            if parts.count >= 2 { parts.removeLast() }  // the extension
            if parts.count >= 2, parts[parts.count - 1].lowercased() == language.rawValue {
                parts.removeLast()                   // res-6-1.fr
                stem = parts.joined(separator: ".")
            } else {
                stem = parts.joined(separator: ".")
                for separator in ["-", "_", " "] where stem.lowercased().hasSuffix(separator + language.rawValue) {
                    stem = String(stem.dropLast(3))  // A_RES_80_13-EN
                    break
                }
                if stem.hasSuffix(")") { stem = String(stem.dropLast(5)) }  // name (RU)
            }
        }
        return (folder.isEmpty ? stem : folder + "/" + stem, language)
    }
}

/// What `concord check` found in a set of language versions of one document.
public struct SetReport: Sendable {
    public var set: DocumentSet
    public var languages: [Language]
    public var findings: [Finding]
    /// The documents and their citations, kept when a renderer shows them (HTML).
    public var versions: [LanguageSetChecks.Version] = []
}

/// The whole run: every set's findings and every file that could not be read.
public struct CheckReport: Sendable {
    public var sets: [SetReport]
    public var inputErrors: [InputError]
    public var fileCount: Int

    public var findings: [Finding] { sets.flatMap(\.findings) }

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }
}

/// Reads, extracts and checks: every document on its own, then every set of language
/// versions against itself. One unreadable file is reported and the rest still checked.
public struct Checker: Sendable {
    public let rules: RuleSet
    public let reader: DocumentReader
    /// The issuing body of a file's document when the configuration names one.
    public var issuingBody: (@Sendable (String) -> String?)?
    /// At most this many findings are reported per file; the rest are counted in one
    /// `report.findings-cut` finding.
    public var maximumFindingsPerFile = 1000

    private func capped(_ findings: [Finding]) -> [Finding] {
        var perFile = [String: Int]()
        var cut = [String: (count: Int, first: Finding)]()
        var kept = [Finding]()
        for finding in findings {
            let n = perFile[finding.location.file, default: 0]
            perFile[finding.location.file] = n + 1
            if n < maximumFindingsPerFile {
                kept.append(finding)
            } else if let previous = cut[finding.location.file] {
                cut[finding.location.file] = (previous.count + 1, previous.first)
            } else {
                cut[finding.location.file] = (1, finding)
            }
        }
        for (file, info) in cut.sorted(by: { $0.key < $1.key }) {
            var location = info.first.location
            location.message = nil
            kept.append(Finding(rule: "report.findings-cut", severity: rules.checks.severity("report.findings-cut"),
                                message: "\(info.count) more finding\(info.count == 1 ? "" : "s") in \((file as NSString).lastPathComponent) not reported (limit \(maximumFindingsPerFile) per file)",
                                location: location, subject: "findings cut"))
        }
        return kept.sorted(by: Finding.ordered)
    }

    /// Keep the documents in the report (for the HTML view).
    public var keepDocuments = false
    /// Changes a finding's severity, or drops it (nil): configuration, suppressions, baselines.
    public var adjust: @Sendable (Finding) -> Finding? = { $0 }

    public init(rules: RuleSet, reader: DocumentReader = DocumentReader()) {
        self.rules = rules
        self.reader = reader
    }

    /// What checking one file of a set gives.
    struct FileResult: Sendable {
        var version: LanguageSetChecks.Version?
        var findings: [Finding] = []
        var error: InputError?
        var suppressions: Suppressions?
    }

    /// Reads one file, extracts its citations and checks it on its own.
    func check(file: String) -> FileResult {
        do {
            let document = try reader.read(path: file)
            let citations = CitationExtractor(rules: rules).citations(in: document, issuingBody: issuingBody?(file))
            let inline = Suppressions(document, textComment: reader.textComment)
            return FileResult(version: .init(document: document, citations: citations),
                              findings: DocumentChecks(rules: rules).findings(document, citations: citations),
                              suppressions: inline.isEmpty ? nil : inline)
        } catch {
            return FileResult(error: error)
        }
    }

    /// Checks one set: each document, then the versions against each other.
    public func check(_ set: DocumentSet) -> (SetReport, [InputError]) {
        finish(set, set.files.map { check(file: $0) })
    }

    /// The versions of a set compared, once each file has been checked (results in the
    /// set's file order).
    func finish(_ set: DocumentSet, _ results: [FileResult]) -> (SetReport, [InputError]) {
        let versions = results.compactMap(\.version)
        var findings = results.flatMap(\.findings)
        let errors = results.compactMap(\.error)
        var suppressions = [String: Suppressions]()
        for (file, result) in zip(set.files, results) where result.suppressions != nil { suppressions[file] = result.suppressions }
        let languages = versions.compactMap(\.document.language)
        if versions.count >= 2, Set(languages).count == versions.count {
            findings += LanguageSetChecks(catalogue: rules.checks).findings(versions)
        }
        findings = findings.filter { suppressions[$0.location.file]?.silences($0) != true }
        findings = findings.compactMap(adjust).sorted(by: Finding.ordered)
        findings = capped(findings)
        let kept = keepDocuments ? versions.sorted { $0.language < $1.language } : []
        return (SetReport(set: set, languages: languages.sorted(), findings: findings, versions: kept), errors)
    }

    /// Checks every set, `jobs` at a time (Swift concurrency), and reports them in the order
    /// given whatever order they finish in. The work is scheduled per file (a set of six
    /// large versions keeps every core busy), in order, so only the sets being worked on
    /// are in memory; a set is compared as soon as its last file is done. `progress` is told
    /// of each set done.
    public func check(_ sets: [DocumentSet], jobs: Int = 1, progress: (@Sendable (Int, Int) -> Void)? = nil) -> CheckReport {
        var results = [(SetReport, [InputError])?](repeating: nil, count: sets.count)
        if jobs <= 1 || sets.reduce(0, { $0 + $1.files.count }) <= 1 {
            for (index, set) in sets.enumerated() {
                results[index] = check(set)
                progress?(index + 1, sets.count)
            }
        } else {
            let box = ResultBox(count: sets.count)
            let done = DispatchSemaphore(value: 0)
            let checker = self
            let files = sets.enumerated().flatMap { set in set.element.files.indices.map { (set.offset, $0) } }
            enum Done: Sendable {
                case file(set: Int, file: Int, FileResult)
                case set(Int, SetReport, [InputError])
            }
            Task.detached {
                await withTaskGroup(of: Done.self) { group in
                    var next = 0, running = 0, finishedSets = 0
                    var partial = [Int: [FileResult?]]()
                    func start() {
                        let (set, file) = files[next]
                        next += 1
                        running += 1
                        group.addTask { .file(set: set, file: file, checker.check(file: sets[set].files[file])) }
                    }
                    for (index, set) in sets.enumerated() where set.files.isEmpty {
                        let (report, errors) = checker.finish(set, [])
                        box.set(index, (report, errors))
                    }
                    while next < files.count, running < jobs { start() }
                    for await result in group {
                        running -= 1
                        switch result {
                        case let .file(set, file, fileResult):
                            partial[set, default: Array(repeating: nil, count: sets[set].files.count)][file] = fileResult
                            if let all = partial[set], all.allSatisfy({ $0 != nil }) {
                                partial[set] = nil
                                running += 1
                                group.addTask { let (report, errors) = checker.finish(sets[set], all.map { $0! }); return .set(set, report, errors) }
                            }
                        case let .set(index, report, errors):
                            box.set(index, (report, errors))
                            finishedSets += 1
                            progress?(finishedSets, sets.count)
                        }
                        while next < files.count, running < jobs { start() }
                    }
                }
                done.signal()
            }
            done.wait()
            results = box.values
        }
        let reports = results.compactMap { $0 }
        return CheckReport(sets: reports.map(\.0), inputErrors: reports.flatMap(\.1),
                           fileCount: sets.reduce(0) { $0 + $1.files.count })
    }
}

/// Results written by concurrent tasks, read once they are all done.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [(SetReport, [InputError])?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: (SetReport, [InputError])) {
        lock.lock(); values[index] = value; lock.unlock()
    }
}
