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
        // The rules' analyses made ahead (`scripts/derive-rules`), and what they were derived
        // with: the code that expands and analyses the patterns. The tool embeds the analyses
        // only when that code and the rules are those they were made from.
        let package = context.package.directoryURL
        let derived = package.appending(path: Self.derivedFile)
        let sources = Self.derivingSources(in: package)
        let inputs = files + sources + (FileManager.default.fileExists(atPath: derived.path) ? [derived] : [])
        return [.buildCommand(
            displayName: "Embedding \(files.count) rule files in \(target.name)",
            executable: try context.tool(named: "EmbedRulesTool").url,
            arguments: [rules.path, output.path, package.path, Self.derivedFile] + sources.map { Self.relative($0, to: package) }
                + ["--"] + files.map { Self.relative($0, to: rules) },
            inputFiles: inputs,
            outputFiles: [output]
        )]
    }

    /// The analyses of the built-in rules made ahead, relative to the package.
    static let derivedFile = "Sources/Concord/Derived/rules.derived"

    /// The code the analyses are derived with, relative to the package: the folders and files
    /// that expand, rewrite and analyse the patterns (LanguageRules, SetForms,
    /// NeedlessBoundaries, Prescan, DigitHead, the resolution numbers' pattern, the ICU shim,
    /// the rule files' types). An edit there makes the file stale until it is made again.
    static let derivingCode = ["Sources/Concord/Rules", "Sources/Concord/Text", "Sources/Concord/Resolution/ResolutionNumbers.swift",
                               "Sources/CICUShim", "Sources/ConcordRuleFiles"]

    /// Every file of `derivingCode`, sorted by its path.
    static func derivingSources(in package: URL) -> [URL] {
        derivingCode.flatMap { item -> [URL] in
            let url = package.appending(path: item)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return [] }
            guard isFolder.boolValue else { return [url] }
            guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else { return [] }
            return walker.compactMap { $0 as? URL }.filter { ["swift", "c", "h"].contains($0.pathExtension) }
        }
        .sorted { relative($0, to: package) < relative($1, to: package) }
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
