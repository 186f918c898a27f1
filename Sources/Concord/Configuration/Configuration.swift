import Foundation
import Yams

/// A repository's settings, from `.concord.yml` in the current folder or above it (or
/// `--config`). Every key is checked: an unknown key or a bad value is an error that names
/// the key and the file.
public struct Configuration: Sendable {
    /// Where the file is; globs and folders in it are relative to its folder.
    public var file: String?
    public var include: [String] = []
    public var exclude: [String] = []
    /// File-name patterns that put language versions in one set: `{name}`, `{lang}` (a
    /// two-letter code) or `{L}` (a one-letter UN code), `{ext}`.
    public var setPatterns: [String] = []
    /// Per-rule severity; nil = off.
    public var severities: [CheckID: Severity?] = [:]
    public var ruleFolders: [String] = []
    /// Glob → issuing body code (`docs/cop/**` → CTOC/COP).
    public var issuingBodies: [(glob: String, body: String)] = []
    /// Glob → genre (`treaties/**` → treaty), where the text does not tell it.
    public var genres: [(glob: String, genre: DocumentGenre)] = []
    /// A further comment prefix that starts a suppression line in plain text (`REM`), beside
    /// the forms always read (`<!-- concord-disable rule-id -->`, and `%`, `%%`, `#`, `//`).
    public var textComment: String?
    /// Limits: file size in bytes, .docx inflated bytes, findings per file.
    public struct Limits: Sendable { public var fileSize: Int?; public var docxSize: Int?; public var findingsPerFile: Int? }
    public var limits = Limits()
    /// Folders read into the document index (for references into them) but not reported on.
    public var indexFolders: [String] = []
    /// A document's own symbol by file glob or ODS job number (`2512345`, `N2512345`), for
    /// files whose masthead and name do not give it.
    public var symbols: [(pattern: String, symbol: String)] = []
    /// `online:`: looking up symbols the repository does not hold (`--online`).
    public struct Online: Sendable {
        public var enabled = false
        public var settings = OnlineCheck.Settings()
    }
    public var online = Online()

    public init() {}

    public static let fileName = ".concord.yml"

    static let keys: [String: String] = [
        "include": "list of globs of files to check",
        "exclude": "list of globs of files not to check",
        "set-patterns": "list of file-name patterns with {name}, {lang} (or {L}, a one-letter UN code) and {ext}",
        "rules": "map of check id to error, warning, note or off",
        "rule-folders": "list of folders with extra symbols.yml, treaties.yml or languages/*.yml",
        "issuing-bodies": "map of glob to the issuing body code (A, S, E, CTOC/COP, …)",
        "genres": "map of glob to the genre of the documents: resolution, report, treaty or unknown",
        "text-comment": "a further comment prefix of suppression lines in plain text, without spaces (for example REM)",
        "index": "list of folders whose documents are read into the document index (references into them are checked) but not reported on",
        "symbols": "map of file glob or ODS job number (2512345) to the document's symbol (A/80/123)",
        "online": "map with enabled (true or false), url (a template with {symbol}), timeout (seconds), concurrency, retries (counts), cache-days (days)",
        "limits": "map with file-size, docx-size (bytes) and findings-per-file (counts), each a positive whole number",
    ]

    /// The configuration file that applies to a folder: `.concord.yml` there or above.
    public static func find(from folder: String) -> String? {
        var url = URL(fileURLWithPath: folder).standardizedFileURL
        while true {
            let candidate = url.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    public static func load(_ path: String) throws(RuleError) -> Configuration {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw RuleError(file: path, message: "cannot be read: \(error.localizedDescription)")
        }
        let value: Any?
        do { value = try Yams.load(yaml: text) } catch {
            throw RuleError(file: path, message: "not valid YAML: \(error)")
        }
        var configuration = Configuration()
        configuration.file = path
        guard let value else { return configuration }
        guard let map = value as? [String: Any] else {
            throw RuleError(file: path, message: "the file must be a map of settings (\(keys.keys.sorted().joined(separator: ", ")))")
        }
        func strings(_ key: String) throws(RuleError) -> [String] {
            guard let raw = map[key] else { return [] }
            guard let list = raw as? [Any], list.allSatisfy({ $0 is String }) else {
                throw RuleError(file: path, message: "'\(key)' must be a \(keys[key]!)")
            }
            return list as! [String]
        }
        for key in map.keys.sorted() where keys[key] == nil {
            let close = keys.keys.sorted().first { DidYouMean.distance($0, key) <= 2 }
            throw RuleError(file: path, message: "unknown key '\(key)'\(close.map { " (did you mean '\($0)'?)" } ?? "") — the keys are \(keys.keys.sorted().joined(separator: ", "))")
        }
        configuration.include = try strings("include")
        configuration.exclude = try strings("exclude")
        configuration.setPatterns = try strings("set-patterns")
        for pattern in configuration.setPatterns where !(pattern.contains("{name}") && (pattern.contains("{lang}") || pattern.contains("{L}"))) {
            throw RuleError(file: path, message: "set-patterns: '\(pattern)' must contain {name} and {lang} (or {L})")
        }
        configuration.ruleFolders = try strings("rule-folders")
        if let raw = map["rules"] {
            guard let rules = raw as? [String: Any] else { throw RuleError(file: path, message: "'rules' must be a \(keys["rules"]!)") }
            for (name, level) in rules.sorted(by: { $0.key < $1.key }) {
                guard let id = CheckID(named: name) else {
                    throw RuleError(file: path, message: "rules: unknown check '\(name)' (concord rules lists them)")
                }
                let word = (level as? String) ?? ((level as? Bool) == false ? "off" : "")
                if word == "off" { configuration.severities[id] = .some(nil); continue }
                guard let severity = Severity(rawValue: word) else {
                    throw RuleError(file: path, message: "rules: '\(name)' must be error, warning, note or off, not '\(level)'")
                }
                configuration.severities[id] = .some(severity)
            }
        }
        if let raw = map["issuing-bodies"] {
            guard let bodies = raw as? [String: Any], bodies.values.allSatisfy({ $0 is String }) else {
                throw RuleError(file: path, message: "'issuing-bodies' must be a \(keys["issuing-bodies"]!)")
            }
            configuration.issuingBodies = bodies.map { ($0.key, $0.value as! String) }.sorted { $0.glob < $1.glob }
        }
        if let raw = map["genres"] {
            guard let genres = raw as? [String: Any], genres.values.allSatisfy({ $0 is String }) else {
                throw RuleError(file: path, message: "'genres' must be a \(keys["genres"]!)")
            }
            var result = [(glob: String, genre: DocumentGenre)]()
            for (glob, value) in genres.sorted(by: { $0.key < $1.key }) {
                guard let genre = DocumentGenre(rawValue: value as! String) else {
                    throw RuleError(file: path, message: "genres: '\(glob)' must be resolution, report, treaty or unknown, not '\(value)'")
                }
                result.append((glob, genre))
            }
            configuration.genres = result
        }
        configuration.indexFolders = try strings("index")
        if let raw = map["symbols"] {
            guard let table = raw as? [String: Any], table.values.allSatisfy({ $0 is String }) else {
                throw RuleError(file: path, message: "'symbols' must be a \(keys["symbols"]!)")
            }
            configuration.symbols = table.map { ($0.key, $0.value as! String) }.sorted { $0.pattern < $1.pattern }
        }
        if let raw = map["online"] {
            guard let online = raw as? [String: Any] else { throw RuleError(file: path, message: "'online' must be a \(keys["online"]!)") }
            for (key, value) in online.sorted(by: { $0.key < $1.key }) {
                func number() throws(RuleError) -> Double {
                    guard let n = (value as? Double) ?? (value as? Int).map(Double.init), n >= 0, !(value is Bool) else {
                        throw RuleError(file: path, message: "online: '\(key)' must be a number of at least 0, not '\(value)'")
                    }
                    return n
                }
                switch key {
                case "enabled":
                    guard let flag = value as? Bool else { throw RuleError(file: path, message: "online: 'enabled' must be true or false, not '\(value)'") }
                    configuration.online.enabled = flag
                case "url":
                    guard let url = value as? String, url.contains("{symbol}") else {
                        throw RuleError(file: path, message: "online: 'url' must be a URL template with {symbol}, not '\(value)'")
                    }
                    configuration.online.settings.urlTemplate = url
                case "timeout": configuration.online.settings.timeout = max(0.1, try number())
                case "concurrency": configuration.online.settings.concurrency = max(1, Int(try number()))
                case "retries": configuration.online.settings.retries = Int(try number())
                case "cache-days": configuration.online.settings.expiry = try number() * 24 * 3600
                default:
                    throw RuleError(file: path, message: "online: unknown key '\(key)' — the keys are cache-days, concurrency, enabled, retries, timeout, url")
                }
            }
        }
        if let raw = map["limits"] {
            guard let limits = raw as? [String: Any] else { throw RuleError(file: path, message: "'limits' must be a \(keys["limits"]!)") }
            for (key, value) in limits.sorted(by: { $0.key < $1.key }) {
                guard ["file-size", "docx-size", "findings-per-file"].contains(key) else {
                    throw RuleError(file: path, message: "limits: unknown key '\(key)' — the keys are docx-size, file-size, findings-per-file")
                }
                guard let number = value as? Int, number > 0 else {
                    throw RuleError(file: path, message: "limits: '\(key)' must be a positive whole number, not '\(value)'")
                }
                switch key {
                case "file-size": configuration.limits.fileSize = number
                case "docx-size": configuration.limits.docxSize = number
                default: configuration.limits.findingsPerFile = number
                }
            }
        }
        if let raw = map["text-comment"] {
            guard let comment = raw as? String, !comment.isEmpty, !comment.contains(where: \.isWhitespace) else {
                throw RuleError(file: path, message: "'text-comment' must be a \(keys["text-comment"]!)")
            }
            configuration.textComment = comment
        }
        return configuration
    }

    /// The folder globs, set patterns and rule folders are relative to: the configuration
    /// file's folder, as an absolute path (a relative `--config .concord.yml` has the folder
    /// `""`, which is the current folder, not the root), or the current folder.
    public var base: String {
        guard let file else { return FileManager.default.currentDirectoryPath }
        return URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent().path
    }

    /// Whether a file is to be checked: included (or no include list) and not excluded.
    public func selects(_ path: String) -> Bool {
        rejection(of: path) == nil
    }

    /// Why the configuration leaves a file out: not matched by any `include` glob, or
    /// matched by an `exclude` glob (named); nil when the file is to be checked.
    public func rejection(of path: String) -> SkippedFile.Reason? {
        guard !include.isEmpty || !exclude.isEmpty else { return nil }
        let relative = Self.relative(path, to: base)
        let name = file ?? Self.fileName
        if !include.isEmpty, !include.contains(where: { Glob.matches($0, relative) }) { return .notIncluded(configuration: name) }
        if let glob = exclude.first(where: { Glob.matches($0, relative) }) { return .excluded(glob: glob, configuration: name) }
        return nil
    }

    /// The `include` globs that match none of these files.
    public func unmatchedIncludes(_ paths: [String]) -> [String] {
        // (Without include globs there is nothing to report: making every path relative cost
        // a fifth of a 690-file run's start, before any file was read.)
        guard !include.isEmpty else { return [] }
        let relative = paths.map { Self.relative($0, to: base) }
        return include.filter { glob in !relative.contains { Glob.matches(glob, $0) } }
    }

    public func issuingBody(for path: String) -> String? {
        guard !issuingBodies.isEmpty else { return nil }
        let relative = Self.relative(path, to: base)
        return issuingBodies.first { Glob.matches($0.glob, relative) }?.body
    }

    /// The genre the configuration gives a file's document, nil when it gives none.
    public func genre(for path: String) -> DocumentGenre? {
        guard !genres.isEmpty else { return nil }
        let relative = Self.relative(path, to: base)
        return genres.first { Glob.matches($0.glob, relative) }?.genre
    }

    /// The symbol the `symbols:` table gives a file: by glob (relative to this file's
    /// folder), or by the ODS job number of its name (`2512345E.txt` → `2512345`).
    public func symbol(for path: String, lexicon: ReadingLexicon) -> String? {
        guard !symbols.isEmpty else { return nil }
        let relative = Self.relative(path, to: base)
        if let hit = symbols.first(where: { Glob.matches($0.pattern, relative) }) { return hit.symbol }
        // A glob that leaves this folder (`../treaty/convention.*.txt`, for a folder of the
        // `index:` list beside it) is matched as the absolute path it names.
        if relative.hasPrefix("/"), let hit = symbols.first(where: {
            $0.pattern.hasPrefix("../") && Glob.matches(((base as NSString).appendingPathComponent($0.pattern) as NSString).standardizingPath, relative)
        }) { return hit.symbol }
        let file = PathText.lastComponent(path)
        if let name = FileName.inName(file, lexicon: lexicon), name.convention == .jobNumber {
            let digits = String(name.key.filter(\.isNumber))
            return symbols.first { $0.pattern == name.key || $0.pattern == digits }?.symbol
        }
        return nil
    }

    /// The `index:` folders as paths: relative to the current folder when inside it (so that
    /// reports name them as they name the files checked), else absolute.
    public var indexPaths: [String] {
        let current = (FileManager.default.currentDirectoryPath as NSString).standardizingPath
        return indexFolders.map { folder in
            let path = URL(fileURLWithPath: folder, relativeTo: URL(fileURLWithPath: base + "/")).standardizedFileURL.path
            return path.hasPrefix(current + "/") ? String(path.dropFirst(current.count + 1)) : path
        }
    }

    static func relative(_ path: String, to base: String) -> String {
        let absolute = path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        let standardized = (absolute as NSString).standardizingPath
        let root = (base as NSString).standardizingPath
        return standardized.hasPrefix(root + "/") ? String(standardized.dropFirst(root.count + 1)) : standardized
    }

    /// The commented default that `concord init` writes.
    public static let template = """
    # Concord's settings for this repository. Paths and globs are relative to this file.
    # Every key is optional; an unknown key or a bad value is an error (exit code 3).

    # Files to check (globs; ** crosses folders). Without include, every .txt, .md, .docx and .pdf
    # under the paths given on the command line.
    # include:
    #   - "resolutions/**/*.docx"
    exclude:
      - "**/drafts/**"

    # File names that make language versions of one document, besides the built-in ones
    # (res-6-1.fr.txt, A_RES_80_13-FR.txt, 2512345E.txt, A_RES_80_1_E.txt, E/res.txt,
    # english/res.txt): {name} the document, {lang} its two-letter language code, {L} its
    # one-letter UN code (E, F, S, R, C, A). A pattern that matches no file is a warning.
    # set-patterns:
    #   - "{name}/{lang}.{ext}"
    #   - "{name}{L}.{ext}"

    # Severity of a check: error, warning, note, or off (concord rules lists the checks).
    rules:
      footnote.repeated-marker: note
    #   symbol.unknown-series: off

    # Extra rule folders (symbols.yml, treaties.yml, languages/xx.yml) added to Concord's.
    # rule-folders:
    #   - "concord-rules"

    # The issuing body of the documents in a folder: what "its resolution" means there.
    # issuing-bodies:
    #   "cop/**": CTOC/COP

    # The genre of the documents in a folder, where the text does not tell it (resolution,
    # report, treaty — conventions, charters, rules of procedure —, or unknown).
    # genres:
    #   "treaties/**": treaty

    # Suppressing a finding in a document, for the rare intentional exception: a line of its
    # own, never read as text of the document, in Markdown and plain text alike:
    #   <!-- concord-disable rule-id -->   (to the end of the file, or up to
    #   <!-- concord-enable rule-id -->), <!-- concord-disable-next-line rule-id -->
    # In plain text the same words may also follow %, %%, # or //, or this prefix:
    # text-comment: "REM"
    # An id that is not a check is an error (suppression.unknown-check).

    """
}

/// Glob patterns: `*` within a folder name, `**` across folders (`**/` also none), `?` one
/// character. Matched directly on the path's characters (no regular expression).
enum Glob {
    static func matches(_ pattern: String, _ path: String) -> Bool {
        matches(Array(pattern.unicodeScalars)[...], Array(path.unicodeScalars)[...])
    }

    private static func matches(_ p: ArraySlice<Unicode.Scalar>, _ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let c = p.first else { return s.isEmpty }
        if c == "*" {
            let rest = p.dropFirst()
            if rest.first == "*" {
                let after = rest.dropFirst()
                if after.first == "/" {
                    // `**/`: no folder, or any folders ending in `/`.
                    let tail = after.dropFirst()
                    if matches(tail, s) { return true }
                    return s.indices.contains { s[$0] == "/" && matches(tail, s[($0 + 1)...]) }
                }
                return (s.startIndex...s.endIndex).contains { matches(after, s[$0...]) }
            }
            var i = s.startIndex
            while true {
                if matches(rest, s[i...]) { return true }
                if i == s.endIndex || s[i] == "/" { return false }
                i += 1
            }
        }
        guard let first = s.first else { return false }
        if c == "?" { return first != "/" && matches(p.dropFirst(), s.dropFirst()) }
        return c == first && matches(p.dropFirst(), s.dropFirst())
    }
}
