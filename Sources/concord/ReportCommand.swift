import ArgumentParser
import Concord
import Foundation

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",  // named, not derived from the type at every start
        abstract: "Write a self-contained HTML page that shows each document set's language versions side by side, with citations and findings.",
        discussion: "The same as `concord check --format html --output OUT.html PATH…` (with the same --config, --set, --baseline and --rules); the exit code is check's."
    )

    @Option(name: .long, help: "The page to write.")
    var html: String

    @Option(name: .long, help: "A folder of rule files (the layout of Rules/) to use instead of the built-in rules.")
    var rules: String?

    @Option(name: .long, help: "The configuration file (default: .concord.yml in the current folder or above).")
    var config: String?

    @Option(name: .customLong("set"), parsing: .upToNextOption, help: "Files that are language versions of one document, whatever their names.")
    var explicitSet: [String] = []

    @Option(name: .long, help: "Show only findings that are not in this baseline (written by concord check --write-baseline).")
    var baseline: String?

    @Argument(help: "Files or folders to show.")
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty && explicitSet.isEmpty { throw ValidationError("give at least one file or folder") }
    }

    func run() throws {
        var arguments = ["--format", "html", "--output", html]
        if let rules { arguments += ["--rules", rules] }
        if let config { arguments += ["--config", config] }
        if let baseline { arguments += ["--baseline", baseline] }
        arguments += paths
        if !explicitSet.isEmpty { arguments += ["--set"] + explicitSet }
        let check = try Check.parse(arguments)
        try check.run()
    }
}
