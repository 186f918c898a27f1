import ArgumentParser
import Concord
import Foundation

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",  // named, not derived from the type at every start
        abstract: "Combine the reports of shards (concord check --shard K/N) into the report one run gives.",
        discussion: """
        The inputs are the shards' JSON reports (any output format but html) or their SARIF reports (SARIF only). Run it in the folder the shards ran in, with the same concord: the output is byte for byte what one concord check over all the sets writes.         Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 a bad command line, a report that cannot be read or merged, or a file a shard could not read, 3 unusable rules.
        """
    )

    @Option(name: .long, help: "Report format: text, json, sarif, junit, github, markdown (from SARIF inputs: sarif).")
    var format: ReportFormat = .text

    @Option(name: .customLong("fail-on"), help: "The lowest severity that makes the exit code 1: error, warning or note.")
    var failOn: Severity = .error

    @Option(name: .long, help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @Option(name: .long, help: "The rules folder the shards were run with (--rules), for SARIF's rule descriptions.")
    var rules: String?

    @Argument(help: "The shards' reports (JSON, or SARIF).")
    var reports: [String] = []

    func validate() throws {
        if reports.isEmpty { throw ValidationError("give the shards' reports") }
        if format.showsDocuments { throw ValidationError("--format html needs the documents: run concord report over all the sets") }
    }

    func run() throws {
        func fail(_ message: String) -> ExitCode {
            FileHandle.standardError.write(Data((message + "\n").utf8))
            return ExitCode(ExitStatus.inputError)
        }
        var jsons = [(file: String, report: CheckReport)]()
        var sarifs = [(file: String, document: JSONValue)]()
        for path in reports {
            do {
                switch try ReportMerge.read(path) {
                case .json(let report): jsons.append((path, report))
                case .sarif(let document): sarifs.append((path, document))
                }
            } catch { throw fail(error.description) }
        }
        if !sarifs.isEmpty {
            guard jsons.isEmpty else { throw fail("concord: error: merge either JSON reports or SARIF reports, not both") }
            guard format == .sarif else {
                throw fail("concord: error: SARIF reports merge into SARIF only (--format sarif); merge the shards' JSON reports for --format \(format.rawValue)")
            }
            let merged: (sarif: String, levels: [Severity])
            do { merged = try ReportMerge.mergeSARIF(sarifs) } catch { throw fail(error.description) }
            try emit(merged.sarif, to: output)
            if merged.levels.contains(where: { $0 >= failOn }) { throw ExitCode(ExitStatus.findings) }
            return
        }
        let report: CheckReport
        do { report = try ReportMerge.merge(jsons) } catch { throw fail(error.description) }
        let ruleSet = try loadRules(rules)
        for error in report.inputErrors {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
        }
        let environment = ProcessInfo.processInfo.environment
        let colour = output == nil && isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        let context = RenderContext(checks: ruleSet.checks, root: FileManager.default.currentDirectoryPath,
                                    failOn: failOn, colour: colour, rightToLeft: ruleSet.lexicon.rightToLeft)
        try emit(format.renderer.render(report, context: context), to: output)
        if !report.inputErrors.isEmpty { throw ExitCode(ExitStatus.inputError) }
        if report.findings.contains(where: { $0.severity >= failOn }) { throw ExitCode(ExitStatus.findings) }
    }
}

extension Shard: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
