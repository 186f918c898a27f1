import Foundation

/// The files a list of paths names: files as given, folders walked (sorted, so output is
/// the same on every machine) for the document extensions; hidden files and folders skipped.
public enum InputFiles {
    public static func expand(_ paths: [String]) -> [String] {
        paths.flatMap { listing($0).files }
    }

    /// What one path gives: the files to read, and what a folder held that is not read, with
    /// the reason (so that a run that finds nothing can say why).
    public static func listing(_ path: String) -> (files: [String], skipped: [SkippedFile]) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return walk(path)
        }
        return ([path], [])  // missing files are reported by the reader
    }

    private static func walk(_ folder: String) -> (files: [String], skipped: [SkippedFile]) {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return ([], []) }
        var files = [String](), skipped = [SkippedFile]()
        while let relative = enumerator.nextObject() as? String {
            let name = PathText.lastComponent(relative)
            let full = folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
            let isFolder = isFolder(full)
            if name.hasPrefix(".") {
                if isFolder { enumerator.skipDescendants() }
                skipped.append(SkippedFile(path: full, reason: isFolder ? .hiddenFolder : .hidden))
                continue
            }
            if isFolder { continue }
            let ext = PathText.pathExtension(name).lowercased()
            guard DocumentReader.documentExtensions.contains(ext) else {
                skipped.append(SkippedFile(path: full, reason: .notADocument(ext)))
                continue
            }
            if name.lowercased() == "readme.md" { skipped.append(SkippedFile(path: full, reason: .readme)); continue }
            files.append(full)
        }
        return (files.sorted(), skipped.sorted { $0.path < $1.path })
    }
}

extension InputFiles {
    public static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

/// A file found under a folder given to Concord that is not checked, and why.
public struct SkippedFile: Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// Its extension is not one of `DocumentReader.documentExtensions`.
        case notADocument(String)
        case hidden
        /// A hidden folder: not searched.
        case hiddenFolder
        /// `README.md`: the folder's notes, not a document.
        case readme
        /// Matched by an `exclude` glob of the configuration.
        case excluded(glob: String, configuration: String)
        /// The configuration has `include` globs and none matches.
        case notIncluded(configuration: String)
        /// The report this run writes (`> out.txt`, `--output`, `--write-baseline`).
        case output
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// Why, in a few words.
    public var why: String {
        switch reason {
        case .notADocument(let ext):
            let kinds = DocumentReader.documentExtensions.sorted().map { "." + $0 }.joined(separator: ", ")
            return "not a document (\(ext.isEmpty ? "no extension" : "." + ext); a folder is searched for \(kinds); name a file to read it as text)"
        case .hidden: return "hidden"
        case .hiddenFolder: return "a hidden folder, not searched"
        case .readme: return "a README"
        case let .excluded(glob, configuration): return "excluded by '\(glob)' in \(configuration)"
        case .notIncluded(let configuration): return "not matched by any include glob of \(configuration)"
        case .output: return "the report this run writes"
        }
    }

    public var description: String { "\(path): \(why)" }

    /// A short name of the reason, to count skipped files by it.
    public var kind: String {
        switch reason {
        case .notADocument: return "not a document"
        case .hidden, .hiddenFolder: return "hidden"
        case .readme: return "a README"
        case .excluded: return "excluded by the configuration"
        case .notIncluded: return "not included by the configuration"
        case .output: return "the run's own report"
        }
    }
}
