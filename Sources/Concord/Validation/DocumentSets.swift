import Foundation

/// Files of one document in several languages: grouped by name (`res-6-1.fr.txt` with
/// `res-6-1.en.txt`; `A_RES_80_13-EN.txt` with `A_RES_80_13-FR.txt`, in the same folder) or
/// given explicitly.
public struct DocumentSet: Sendable, Hashable {
    /// The folder and the name without its language (`Corpora/seed/res-6-1`).
    public var name: String
    public var files: [String]

    public init(name: String, files: [String]) {
        self.name = name
        self.files = files
    }

    /// Groups files by name; a file whose name carries no language is a set of its own, and
    /// so is a second file of a language already in its set.
    public static func group(_ files: [String]) -> [DocumentSet] {
        var sets = [DocumentSet]()
        var index = [String: Int]()
        var languages = [String: Set<Language>]()
        for file in files {
            guard let (stem, language) = stemAndLanguage(file) else {
                sets.append(DocumentSet(name: file, files: [file]))
                continue
            }
            if let i = index[stem], !languages[stem, default: []].contains(language) {
                sets[i].files.append(file)
                languages[stem, default: []].insert(language)
            } else if index[stem] == nil {
                index[stem] = sets.count
                languages[stem] = [language]
                sets.append(DocumentSet(name: stem, files: [file]))
            } else {
                sets.append(DocumentSet(name: file, files: [file]))
            }
        }
        return sets.map { DocumentSet(name: $0.name, files: $0.files.sorted()) }.sorted { $0.name < $1.name }
    }

    /// `dir/res-6-1.fr.txt` → (`dir/res-6-1`, fr); `A_RES_80_13-EN.txt` → (`A_RES_80_13`, en).
    static func stemAndLanguage(_ path: String) -> (String, Language)? {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        guard let language = Language.fromFileName(name) else { return nil }
        var parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var stem: String
        if parts.count >= 2, parts[parts.count - 1].lowercased() == language.rawValue {
            parts.removeLast()                       // devset.fr
            stem = parts.joined(separator: ".")
        } else {
            if parts.count >= 2 { parts.removeLast() }  // the extension
            if parts.count >= 2, parts[parts.count - 1].lowercased() == language.rawValue {
                parts.removeLast()                   // res-6-1.fr
                stem = parts.joined(separator: ".")
            } else {
                stem = parts.joined(separator: ".")
                for separator in ["-", "_", " "] where stem.lowercased().hasSuffix(separator + language.rawValue) {
                    stem = String(stem.dropLast(3))  // A_RES_80_13-EN
                    break
                }
                if stem.hasSuffix(")") { stem = String(stem.dropLast(5)) }  // name (RU)
            }
        }
        return (folder.isEmpty ? stem : folder + "/" + stem, language)
    }
}

/// What `concord check` found in a set of language versions of one document.
public struct SetReport: Sendable {
    public var set: DocumentSet
    public var languages: [Language]
    public var findings: [Finding]
}

/// The whole run: every set's findings and every file that could not be read.
public struct CheckReport: Sendable {
    public var sets: [SetReport]
    public var inputErrors: [InputError]
    public var fileCount: Int

    public var findings: [Finding] { sets.flatMap(\.findings) }

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }
}

/// Reads, extracts and checks: every document on its own, then every set of language
/// versions against itself. One unreadable file is reported and the rest still checked.
public struct Checker: Sendable {
    public let rules: RuleSet
    public let reader: DocumentReader

    public init(rules: RuleSet, reader: DocumentReader = DocumentReader()) {
        self.rules = rules
        self.reader = reader
    }

    public func check(_ sets: [DocumentSet]) -> CheckReport {
        let extractor = CitationExtractor(rules: rules)
        let documentChecks = DocumentChecks(rules: rules)
        let setChecks = LanguageSetChecks(catalogue: rules.checks)
        var reports = [SetReport]()
        var errors = [InputError]()
        var files = 0
        for set in sets {
            var versions = [LanguageSetChecks.Version]()
            var findings = [Finding]()
            for file in set.files {
                files += 1
                do {
                    let document = try reader.read(path: file)
                    let citations = extractor.citations(in: document)
                    findings += documentChecks.findings(document, citations: citations)
                    versions.append(.init(document: document, citations: citations))
                } catch {
                    errors.append(error)
                }
            }
            let languages = versions.compactMap(\.document.language)
            if versions.count >= 2, Set(languages).count == versions.count {
                findings += setChecks.findings(versions)
            }
            reports.append(SetReport(set: set, languages: languages.sorted(), findings: findings.sorted(by: Finding.ordered)))
        }
        return CheckReport(sets: reports, inputErrors: errors, fileCount: files)
    }
}
