import Foundation
import PackagePlugin

/// Builds the top-level `Rules/` folder into the Concord module (`EmbeddedRules.files`), so
/// that a `concord` binary copied anywhere carries its rules and never depends on a folder
/// found at run time.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rules = context.package.directoryURL.appending(path: "Rules")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRules.swift")
        // The list is made afresh at every build, so a rule file added or removed changes the
        // command's arguments and the source is generated again; an edit changes an input file.
        let files = Self.ruleFiles(in: rules)
        return [.buildCommand(
            displayName: "Embedding \(files.count) rule files in \(target.name)",
            executable: try context.tool(named: "EmbedRulesTool").url,
            arguments: [rules.path, output.path] + files.map { Self.relative($0, to: rules) },
            inputFiles: files,
            outputFiles: [output]
        )]
    }

    /// Every `.yml` file under `Rules/`, sorted so the generated source does not depend on the
    /// order in which the file system lists them.
    static func ruleFiles(in folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "yml" }
            .sorted { relative($0, to: folder) < relative($1, to: folder) }
    }

    static func relative(_ file: URL, to folder: URL) -> String {
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        let path = file.standardizedFileURL.resolvingSymlinksInPath().path
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : file.lastPathComponent
    }
}
