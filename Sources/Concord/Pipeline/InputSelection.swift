import Foundation

/// What a run is to check, before anything is read: the sets formed from the paths and the
/// explicit sets, what the folders held that is not checked (and why), the paths that gave
/// nothing, and warnings about the configuration.
public struct InputSelection: Sendable {
    public var sets: [DocumentSet]
    public var skipped: [SkippedFile]
    /// Paths given that gave no file to check.
    public var emptyPaths: [String]
    /// An `include` glob or a set pattern that matched nothing.
    public var warnings: [String]

    public init(sets: [DocumentSet], skipped: [SkippedFile] = [], emptyPaths: [String] = [], warnings: [String] = []) {
        self.sets = sets
        self.skipped = skipped
        self.emptyPaths = emptyPaths
        self.warnings = warnings
    }

    public var fileCount: Int { sets.reduce(0) { $0 + $1.files.count } }

    /// Nothing to check: no document was found or selected.
    public var isEmpty: Bool { fileCount == 0 }

    /// Why a path gave nothing to check, in one line: what it held instead, counted by reason.
    public func whyEmpty(_ paths: [String]) -> String {
        let names = paths.map { "'\($0)'" }.joined(separator: ", ")
        let kinds = DocumentReader.documentExtensions.sorted().map { "." + $0 }.joined(separator: ", ")
        let left = skipped.filter { file in paths.contains { Self.isUnder(file.path, $0) } }
        guard !left.isEmpty else { return "\(names) \(paths.count == 1 ? "holds" : "hold") no document (\(kinds))" }
        var counts = [String: Int]()
        for file in left { counts[file.kind, default: 0] += 1 }
        let summary = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        return "\(names) \(paths.count == 1 ? "holds" : "hold") no document to check (\(kinds)): \(left.count) skipped — \(summary); -v lists them"
    }

    static func isUnder(_ file: String, _ path: String) -> Bool {
        file == path || file.hasPrefix(path.hasSuffix("/") ? path : path + "/")
    }
}

/// A file a run read: the set it was in, its language and what decided it (for `check -v`).
public struct ReadFile: Sendable {
    public var path: String
    public var set: String
    public var language: Language?
    public var source: LanguageSource?
    /// What the path said, when it said something.
    public var name: FileName?
    public var error: InputError?

    /// `en, from the UN job number's language letter E; set dir/2512345`
    public var summary: String {
        if let error { return "not read: \(error.message)" }
        let how: String
        switch source {
        case .option?: how = "given with --lang"
        case .fileName?: how = "from " + (name?.reason ?? "the language code in the file name")
        case .frontMatter?: how = "from the front matter"
        case .text?: how = "told from the text"
        case nil: how = "not told"
        }
        return "\(language?.rawValue ?? "language unknown"), \(how); set \(set)"
    }
}
