import ArgumentParser
import Concord
import Foundation

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",  // named, not derived from the type at every start
        abstract: "Compare language versions: with --aligned, line N of each file is the same segment, and its references must have the same keys in every version.",
        discussion: """
        The first file is the reference: segments where it holds a reference are compared. A segment in which \
        another version cites a key the first does not is an error; one in which versions only lack some of the \
        first's keys is a warning (often a form of reference Concord does not read in that language). \
        Exit code 1 when a segment disagrees at or above --fail-on (default warning: every disagreement).
        """
    )

    @Flag(name: .long, help: "Treat line N of every file as the same segment.")
    var aligned = false

    @Option(name: .long, help: "Report format: text (each disagreeing segment with every version's keys), json or sarif (the fields of concord check, one finding per disagreeing segment, rule set.citation-mismatch).")
    var format: CompareFormat = .text

    @Option(name: .customLong("fail-on"), help: "The lowest severity that makes the exit code 1: error (a version cites something else), warning (also: a version lacks a reference; the default) or note.")
    var failOn: Severity = .warning

    @Option(name: .long, help: "A folder of rule files (the layout of Rules/) to use instead of the built-in rules.")
    var rules: String?

    @Flag(name: .long, help: "Print only the summary line (text format).")
    var summary = false

    @Option(name: .long, help: "Compare only the segments of these 1-based lines, FROM-TO (e.g. 2001-4000): measure a held-out part of an aligned corpus apart from the part the rules were tuned on.")
    var lines: LineRange?

    @Argument(help: "Two to six files, one per language (the language from each file name).")
    var files: [String]

    func validate() throws {
        guard aligned else { throw ValidationError("only --aligned comparison is available so far") }
        guard files.count >= 2 else { throw ValidationError("give at least two files") }
    }

    /// `FROM-TO`, 1-based and inclusive.
    struct LineRange: ExpressibleByArgument {
        var range: ClosedRange<Int>
        init?(argument: String) {
            let parts = argument.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, let from = Int(parts[0]), let to = Int(parts[1]), from >= 1, from <= to else { return nil }
            range = from...to
        }
    }

    enum CompareFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif
    }

    func run() throws {
        let ruleSet = try loadRules(rules)
        var versions = [AlignedComparison.Version]()
        let reader = DocumentReader(language: nil, lexicon: ruleSet.lexicon)
        for file in files {
            do {
                versions.append(try AlignedComparison.Version(reading: file, reader: reader, rules: ruleSet))
            } catch {
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                throw ExitCode(ExitStatus.inputError)
            }
        }
        let segments = AlignedComparison(rules: ruleSet).segments(versions, lines: lines?.range)
        let found = segments.map { AlignedComparison.finding($0, versions: versions, checks: ruleSet.checks) }
        let findings = found.compactMap { $0 }
        var out = ""
        switch format {
        case .text:
            if !summary {
                for (segment, finding) in zip(segments, found) where !segment.agrees {
                    // A segment whose every difference leaves its numbers in the text is a
                    // `set.unkeyed-trace` note, not a difference of references: said so.
                    let traceOnly = finding?.rule == .setUnkeyedTrace
                    out += "\(versions[0].file):\(segment.line): "
                        + (traceOnly ? "the versions key different references, but every differing number stands in the text (set.unkeyed-trace, probably a form Concord does not read)\n"
                                     : "the versions cite different references\n")
                    for (v, (version, (keys, compared))) in zip(versions, zip(segment.keys, segment.compared)).enumerated() {
                        let traced = v < segment.traced.count && !segment.traced[v].isEmpty
                        let mark = compared == segment.compared[0] ? " " : traced && traceOnly ? "~" : "≠"
                        out += "  \(mark) \(version.language.rawValue): \(keys.joined(separator: " "))\n"
                    }
                }
            }
            let agreeing = segments.filter(\.agrees).count
            func percent(_ n: Int) -> String {
                String(format: "%.1f", segments.isEmpty ? (n == agreeing ? 100.0 : 0) : Double(n) * 100 / Double(segments.count))
            }
            let flagged = findings.filter { $0.severity >= failOn }.count
            let contradictions = findings.filter { $0.severity == .error }.count
            let total = versions[0].source.lineCount
            let span = lines.map { "lines \($0.range.lowerBound)-\(min($0.range.upperBound, total)): " } ?? ""
            out += "aligned: \(span)\(Plural.count(segments.count, "segment")) with references in \(versions[0].file); \(agreeing) agree in all \(versions.count) versions (\(percent(agreeing))%); \(flagged) flagged at \(failOn) or above (\(percent(flagged))%), \(contradictions) of them contradictions (\(percent(contradictions))%)\n"
        case .json, .sarif:
            let set = DocumentSet(name: versions.map(\.file).joined(separator: " + "), files: versions.map(\.file))
            let report = CheckReport(sets: [SetReport(set: set, languages: versions.map(\.language), findings: findings)],
                                     inputErrors: [], fileCount: versions.count)
            let context = RenderContext(checks: ruleSet.checks, root: FileManager.default.currentDirectoryPath, failOn: failOn)
            out = (format == .json ? ReportFormat.json : .sarif).renderer.render(report, context: context)
        }
        FileHandle.standardOutput.write(Data(out.utf8))
        if findings.contains(where: { $0.severity >= failOn }) { throw ExitCode(ExitStatus.findings) }
    }
}
