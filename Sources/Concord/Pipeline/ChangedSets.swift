import Foundation

/// The document sets a change touches (`concord check --changed FILE…`, the pre-commit hook):
/// a commit that changes one language version must be checked with the other versions, or
/// the checks between versions see a set of one and find nothing.
public struct ChangedSets: Sendable {
    /// Every set a changed document belongs to, whole (the versions that were not changed
    /// too), in `DocumentSet.group`'s order.
    public var sets: [DocumentSet]
    /// Changed files that are not documents and are left alone: other extensions, READMEs,
    /// hidden files, files the configuration does not select, and names that carry no
    /// language when the configuration has no `include` list that names them.
    public var ignored: [String]
    /// The folder searched for the other versions.
    public var root: String
}

extension Pipeline {
    /// The sets `changed` belongs to. The other versions are found by the naming rules and
    /// the configuration's `set-patterns` (through `DocumentSet.group`, exactly as a check
    /// of the whole folder would group them) among the documents under `searchRoot()`: the
    /// configuration's folder, else the root of the git repository, else the current folder.
    /// Paths are given as the changed files were (relative to the current folder), the other
    /// versions relative to the current folder when they are under it. A changed file that
    /// no longer exists (deleted) is not checked, but its set's other versions are.
    public func sets(changed: [String]) -> ChangedSets {
        let current = (FileManager.default.currentDirectoryPath as NSString).standardizingPath
        let root = searchRoot(from: current)
        let lexicon = rules.lexicon
        func absolute(_ path: String) -> String {
            ((path.hasPrefix("/") ? path : (current as NSString).appendingPathComponent(path)) as NSString).standardizingPath
        }
        func display(_ path: String) -> String {
            let full = absolute(path)
            return full.hasPrefix(current + "/") ? String(full.dropFirst(current.count + 1)) : full
        }
        func hasLanguage(_ path: String) -> Bool {
            DocumentSet.fromPattern(path, patterns: configuration.setPatterns, base: configuration.base, lexicon: lexicon) != nil
                || FileName.parse(path, lexicon: lexicon) != nil
        }

        var documents = [String](), ignored = [String]()
        var seen = Set<String>()
        for path in changed {
            let file = display(path)
            guard seen.insert(file).inserted else { continue }
            let isDocument = Self.isDocumentName(file, known: lexicon.known) && configuration.selects(file)
                && (hasLanguage(file) || !configuration.include.isEmpty)
            if isDocument { documents.append(file) } else { ignored.append(path) }
        }
        guard !documents.isEmpty else { return ChangedSets(sets: [], ignored: ignored, root: root) }

        // Every document under the root that could be a version of a set, grouped as a check
        // of the whole root would group them; then the sets the changed documents touch (a
        // deleted one touches the set it would be in: `DocumentSet.sets(touching:in:)`, as
        // for --changed-since).
        var candidates = [String]()
        for file in InputFiles.expand([root]).map(display) {
            guard Self.isDocumentName(file, known: lexicon.known), configuration.selects(file), hasLanguage(file) else { continue }
            candidates.append(file)
        }
        let all = DocumentSet.group(candidates, patterns: configuration.setPatterns, base: configuration.base, lexicon: lexicon)
        let sets = DocumentSet.sets(touching: documents, in: all, patterns: configuration.setPatterns, base: configuration.base,
                                    lexicon: lexicon)
        return ChangedSets(sets: sets, ignored: ignored, root: root)
    }

    /// Where the other versions of a changed file are looked for: the configuration's folder,
    /// else the root of the git repository `folder` is in, else `folder` itself.
    public func searchRoot(from folder: String) -> String {
        if let file = configuration.file {
            return (((file.hasPrefix("/") ? file : (folder as NSString).appendingPathComponent(file)) as NSString)
                .deletingLastPathComponent as NSString).standardizingPath
        }
        var url = URL(fileURLWithPath: folder).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(".git").path) { return url.path }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return folder }
            url = parent
        }
    }

    /// Whether a file's name is a document's: a document extension (`.txt`, `.md`,
    /// `.markdown`, `.docx`, `.pdf`) or a language as its extension (`devset.fr`); never a README
    /// (`README.md`, `README.fr.md`, `readme.txt`) or a hidden file.
    public static func isDocumentName(_ path: String, known: Set<Language> = ReadingLexicon.standard.known) -> Bool {
        let name = PathText.lastComponent(path)
        let lower = name.lowercased()
        if lower.hasPrefix(".") || lower == "readme" || lower.hasPrefix("readme.") { return false }
        let ext = PathText.pathExtension(lower)
        if DocumentReader.documentExtensions.contains(ext) { return true }
        return ext.count == 2 && Language(rawValue: ext).map(known.contains) == true
    }
}
