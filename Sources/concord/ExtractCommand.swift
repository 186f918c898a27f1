import ArgumentParser
import Concord
import Foundation

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",  // named, not derived from the type at every start
        abstract: "Print the document model: paragraphs with their ids, footnotes with the places of their bodies and markers.",
        discussion: "Folders are searched for .txt and .md files. Unreadable files get one error line each on standard error; the others are still printed, and the exit code is 2."
    )

    @Option(name: .long, help: "Output format: text (an outline for people) or json (one object per file; an array for several).")
    var format: OutputFormat = .text

    @Option(name: .long, help: "The documents' language (a code or name the rules know: ar, zh, en, fr, ru, es for the built-in rules), overriding the file name and the text.")
    var lang: String?

    @Option(name: .long, help: "A folder of rule files (the layout of Rules/) to use instead of the built-in rules.")
    var rules: String?

    @Option(name: .long, help: "A configuration file (.concord.yml): the files given and its index folders are read into the document index, and each citation of a held document gets its target in the JSON output.")
    var config: String?

    @Flag(name: .long, help: "Print the document model only, without citations.")
    var noCitations = false

    @Argument(help: "Files or folders to read.")
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder") }
    }

    func run() throws {
        // Without citations the rules are loaded only when given (the reader needs the
        // lexicon of their language files); the built-in lexicon serves otherwise.
        let ruleSet = noCitations && rules == nil ? nil : try loadRules(rules)
        let lexicon = ruleSet?.lexicon ?? .standard
        let reader = DocumentReader(language: try language(lang, lexicon: lexicon), lexicon: lexicon)
        var documents = [Document]()
        var failed = false
        let files = InputFiles.expand(paths)
        let extractor = noCitations ? nil : ruleSet.map { CitationExtractor(rules: $0) }
        for file in files {
            do {
                documents.append(try reader.read(path: file))
            } catch {
                failed = true
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
            }
        }
        // With a configuration, the run's document index resolves the citations of other
        // documents (as `check` does) and gives each its target.
        var links = [ResolvedLink]()
        if let config, !noCitations, format == .json {
            var options = Pipeline.Options()
            options.paths = paths
            options.language = lang
            options.rulesFolder = rules
            options.configurationFile = config
            do { links = try Pipeline(options).run().report.links } catch {
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                throw ExitCode(ExitStatus.configurationError)
            }
        }
        var output = ""
        switch format {
        case .json:
            let values = documents.map { ExtractRenderer.json($0, citations: extractor?.citations(in: $0), links: links) }
            let single = paths.count == 1 && values.count == 1 && !InputFiles.isFolder(paths[0])
            output = (single ? values[0] : .array(values)).rendered()
        case .text:
            output = documents.map { ExtractRenderer.text($0, citations: extractor?.citations(in: $0)) }.joined(separator: "\n")
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if failed { throw ExitCode(ExitStatus.inputError) }
    }
}
