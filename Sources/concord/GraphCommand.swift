import ArgumentParser
import Concord
import Foundation

struct Graph: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dot, json
    }

    static let configuration = CommandConfiguration(
        commandName: "graph",  // named, not derived from the type at every start
        abstract: "Write the citation graph of a repository: documents as nodes, citations of one document by another as edges with their pinpoints.",
        discussion: """
        Every file given (and the configuration's index folders) is read into the document index; a node is a \
        document with its language versions, a dashed node a document cited but not held; an edge is labelled with \
        the units cited (paragraph 46-51) and is red when the cited document lacks one. DOT renders with Graphviz \
        (dot -Tsvg graph.dot > graph.svg). Exit codes: 0 written, 2 a bad command line, 3 unusable rules or configuration.
        """
    )

    @Option(name: .long, help: "dot (Graphviz) or json.")
    var format: Format = .dot

    @Option(name: .long, help: "The configuration file (default: .concord.yml in the current folder or above).")
    var config: String?

    @Option(name: .long, help: "A folder of rule files (the layout of Rules/) to use instead of the built-in rules.")
    var rules: String?

    @Option(name: .long, help: "The documents' language, overriding the file names and the text.")
    var lang: String?

    @Option(name: .long, help: "Write the graph to this file instead of standard output.")
    var output: String?

    @Flag(name: .long, help: "Look up the cited symbols the repository does not hold on the UN's resolver, as check --online does: their dashed nodes are green when it knows them, red when it does not.")
    var online = false

    @Flag(name: .long, help: "Never look anything up online, whatever the configuration says (online.enabled).")
    var offline = false

    @Option(name: .customLong("cache-dir"), help: "The folder of the online cache (default: $XDG_CACHE_HOME/concord, else ~/.cache/concord).")
    var cacheDir: String?

    @Argument(help: "Files or folders of the repository.")
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder") }
        if online && offline { throw ValidationError("--online and --offline cannot be given together") }
    }

    func run() throws {
        var options = Pipeline.Options()
        options.paths = paths
        options.language = lang
        options.rulesFolder = rules
        options.configurationFile = config
        options.outputPaths = [output].compactMap { $0 }
        options.online = offline ? false : online ? true : nil
        options.onlineCacheFolder = cacheDir
        let pipeline: Pipeline
        do { pipeline = try Pipeline(options) } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            switch error {
            case .configuration: throw ExitCode(ExitStatus.configurationError)
            default: throw ExitCode(ExitStatus.inputError)
            }
        }
        let result = pipeline.run()
        for failure in result.onlineFailures {
            FileHandle.standardError.write(Data("concord: note: \(failure.symbol) could not be looked up online (\(failure.url): \(failure.reason)); it was not marked\n".utf8))
        }
        let graph = CitationGraph(result.index ?? DocumentIndex([]))
        let text = format == .dot ? graph.dot() : graph.json() + "\n"
        if let output {
            do { try text.write(toFile: output, atomically: true, encoding: .utf8) } catch {
                FileHandle.standardError.write(Data("concord: error: \(output): cannot be written: \(error.localizedDescription)\n".utf8))
                throw ExitCode(ExitStatus.inputError)
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
