import ConcordRuleFiles
import Foundation

/// Where a set of rule files comes from: the files built into Concord from the repository's
/// `Rules/` folder, or a folder of the same layout on disk (`--rules DIR`, `rule-folders`).
/// Files are named by their path relative to the Rules folder: `symbols.yml`,
/// `languages/en.yml`.
public enum RuleSource: Sendable, Hashable, CustomStringConvertible {
    case builtIn
    case folder(URL)

    /// What `concord rules` says the rules are: `built in (Concord 0.1.0)` or the folder.
    public var description: String {
        switch self {
        case .builtIn: "built in (Concord \(Concord.version))"
        case .folder(let url): url.path
        }
    }

    /// The name an error or a failing example gives a file: the built-in ones as `Rules/…`,
    /// so that a developer knows which file of the repository to open; a folder's by its path.
    public func name(_ relative: String) -> String {
        switch self {
        case .builtIn: "Rules/" + relative
        case .folder(let url): url.appendingPathComponent(relative).path
        }
    }

    /// The languages this source holds a file for (`languages/xx.yml`): the official ones in
    /// their order, then the others by code. The one place that says which languages the
    /// rules hold, for the base rules and the extra folders alike: a language is one file.
    public func languages() -> [Language] {
        let names: [String]
        switch self {
        case .builtIn:
            names = EmbeddedRules.files.keys.filter { $0.hasPrefix("languages/") }.map { String($0.dropFirst("languages/".count)) }
        case .folder(let url):
            names = (try? FileManager.default.contentsOfDirectory(atPath: url.appendingPathComponent("languages").path)) ?? []
        }
        let codes = names.filter { $0.hasSuffix(".yml") && !$0.hasPrefix(".") && !$0.contains("/") }.map { String($0.dropLast(4)) }
        let official = Language.official.filter { codes.contains($0.rawValue) }
        let others = codes.filter { code in !official.contains { $0.rawValue == code } }.sorted()
        return official + others.map(Language.init(ruleFile:))
    }

    public func contains(_ relative: String) -> Bool {
        switch self {
        case .builtIn: EmbeddedRules.files[relative] != nil
        case .folder(let url): FileManager.default.fileExists(atPath: url.appendingPathComponent(relative).path)
        }
    }

    /// A file's text; an error naming the file when it is missing or unreadable.
    func text(_ relative: String) throws(RuleError) -> String {
        switch self {
        case .builtIn:
            // Only a build from a repository whose Rules/ lacks the file gets here.
            guard let text = EmbeddedRules.files[relative] else {
                throw RuleError(file: name(relative), message: "is not among the rules built into Concord")
            }
            return text
        case .folder(let url):
            do {
                return try String(contentsOf: url.appendingPathComponent(relative), encoding: .utf8)
            } catch {
                throw RuleError(file: name(relative), message: "cannot be read: \(error.localizedDescription)")
            }
        }
    }

    /// A file decoded; errors name the file. A built-in file comes from the JSON the build
    /// made of it (`EmbeddedRules.decoded`: the same values, decoded in a fraction of the
    /// time); its YAML is decoded only when the build could not decode it (and the error is
    /// then reported here, as for a folder's file).
    /// (`built`: the build's JSON, by file; a test gives another.)
    func decode<T: Decodable>(_ type: T.Type, _ relative: String, built: [String: String] = EmbeddedRules.decoded) throws(RuleError) -> T {
        if case .builtIn = self, let json = built[relative],
           let value = try? JSONDecoder().decode(T.self, from: Data(json.utf8)) {
            return value
        }
        return try RuleFiles.decode(type, from: try text(relative), file: name(relative))
    }

    /// An error when the source is a folder that does not exist, so that a mistyped
    /// `--rules` or `rule-folders` entry is named as such rather than as its first file.
    func checkExists(_ what: String) throws(RuleError) {
        guard case .folder(let url) = self else { return }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw RuleError(file: url.path, message: "\(what) does not exist or is not a folder")
        }
    }
}
