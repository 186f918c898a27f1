import ArgumentParser
import Concord
import Foundation

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a self-contained HTML page that shows each document set's language versions side by side, with citations and findings.",
        discussion: "The same as `concord check --format html --output OUT.html PATH…`; the exit code is check's."
    )

    @Option(name: .long, help: "The page to write.")
    var html: String

    @Option(name: .long, help: "A folder of rule files (the layout of Rules/) to use instead of the built-in rules.")
    var rules: String?

    @Argument(help: "Files or folders to show.")
    var paths: [String]

    func run() throws {
        var arguments = ["--format", "html", "--output", html]
        if let rules { arguments += ["--rules", rules] }
        let check = try Check.parse(arguments + paths)
        try check.run()
    }
}
