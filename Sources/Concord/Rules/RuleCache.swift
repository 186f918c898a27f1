import ConcordRuleFiles
import Foundation

/// The rule cache: the rule files as decoded (from their YAML, or for the built-in rules from
/// the JSON the build made of them), stored once per set of rules with what was counted and
/// analysed from them (the reader's letter counts, each language's pre-scan table), so that a
/// run decodes only the reader's part of every language, counts and analyses nothing, and
/// compiles each language's patterns only when a document in that language appears.
///
/// One file per set of rules, `<cache folder>/rules-v3/<key>.json`, named by a 128-bit key
/// over this build of Concord (version, and the executable's identity as for the result
/// cache) and the text of every rule file of every source (built in or folders). Its first
/// line holds the key and a hash of the rest, so that a damaged file (cut short, changed) is
/// ignored: the rules are then read from their files and the entry written again. Entries
/// are written to a temporary file and renamed into place, so that two processes building
/// the same entry at once never see half a file. Only rules that compiled completely (every
/// language, every pattern) are stored. The built-in rules are stored only by a build that
/// did not make their analyses ahead (`DerivedRules` stale): otherwise the build's entry
/// (`builtIn(for:)`) holds everything a stored one would, and is read instead (`RuleSet`).
struct RuleCache: Sendable {
    /// The decoded rule files of one set of rules (`RuleCacheEntry`, shared with the build).
    typealias Decoded = RuleCacheEntry
    typealias DecodedLanguage = RuleCacheEntry.LanguageEntry

    /// The entry the build made of the built-in rules (`EmbeddedRules.entry`, by the
    /// EmbedRules plugin, with each language's `whole` in `EmbeddedRules.wholes`, and its
    /// pre-scan table and expanded patterns made ahead in `EmbeddedDerivedRules` when the build
    /// found them current), decoded once per process; nil when the build made none (a file
    /// that did not decode), when this process runs another ICU than the build's (the letter
    /// counts are ICU's), or when it is not the rules of `source` (the built-in ones) in their
    /// languages' order and names.
    static func builtIn(for source: RuleSource) -> Decoded? {
        guard source == .builtIn, var decoded = embeddedEntry, (decoded.sessions != nil) == source.contains("sessions.yml") else { return nil }
        // The build lists the languages by file name; the rules' order is the official one.
        let byCode = Dictionary(decoded.languages.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let order = source.languages()
        let languages = order.compactMap { byCode[$0.rawValue] }
        guard languages.count == decoded.languages.count, languages.count == order.count,
              languages.allSatisfy({ $0.path == source.name("languages/\($0.code).yml") && $0.whole != nil }) else { return nil }
        decoded.languages = languages
        return decoded
    }

    private static let embeddedEntry: Decoded? = {
        guard EmbeddedICUTables.icuVersion == ICU.version, let json = EmbeddedRules.entry,
              var decoded = try? JSONDecoder().decode(Decoded.self, from: Data(json.utf8)) else { return nil }
        for k in decoded.languages.indices {
            let code = decoded.languages[k].code
            decoded.languages[k].whole = EmbeddedRules.wholes[code]
            // A first run then analyses nothing: without them, working out the pre-scan
            // tables and expansions of the language it compiles was two thirds of a first
            // run's instructions (390 of 600 million for the Arabic seed rendering).
            if let derived = EmbeddedDerivedRules.languages[code] {
                (decoded.languages[k].prescan, decoded.languages[k].expansions) = (derived.prescan, derived.expansions)
            }
        }
        return decoded
    }()

    /// Entries' layout: a change to it changes the folder, so that old entries are not read.
    static let layout = "rules-v3"

    /// `<cache folder>/rules-v3`.
    let folder: URL
    /// The key of the rules of these sources for this build.
    let key: String

    init(folder: String, sources: [RuleSource]) {
        self.folder = URL(fileURLWithPath: folder).appendingPathComponent(Self.layout)
        var state = StableHash.FNV128()
        state.add(piece: "concord \(Concord.version) \(ResultCache.build) \(Self.layout)")
        for source in sources { ResultCache.addRules(source, to: &state) }
        key = state.hex
    }

    var url: URL { folder.appendingPathComponent(key + ".json") }

    /// The stored rules, or nil when there is no entry or it is damaged.
    func read() -> Decoded? {
        guard let data = try? Data(contentsOf: url), let newline = Self.newline(in: data, from: data.startIndex) else { return nil }
        let header = String(decoding: data[data.startIndex..<newline], as: UTF8.self).split(separator: " ")
        let payload = data[(newline + 1)...]
        guard header.count == 3, header[0] == "concord-rules", header[1] == key, header[2] == Self.checksum(payload) else { return nil }
        // The JSON is one line; each language's `whole`, `prescan` and `expansions` follow it,
        // in order.
        let end = Self.newline(in: data, from: payload.startIndex) ?? payload.endIndex
        guard var decoded = try? JSONDecoder().decode(Decoded.self, from: payload[payload.startIndex..<end]) else { return nil }
        var at = end == payload.endIndex ? end : end + 1
        var damaged = false
        /// The next `length` bytes as text (nil: none stored, or past the end).
        func next(_ length: Int?) -> String? {
            guard let length else { return nil }
            guard length >= 0, length <= payload.endIndex - at else { damaged = true; return nil }
            defer { at += length }
            return String(decoding: payload[at..<(at + length)], as: UTF8.self)
        }
        for k in decoded.languages.indices {
            decoded.languages[k].whole = next(decoded.languages[k].wholeBytes)
            decoded.languages[k].prescan = next(decoded.languages[k].prescanBytes)
            decoded.languages[k].expansions = next(decoded.languages[k].expansionsBytes)
            decoded.languages[k].wholeBytes = nil
            decoded.languages[k].prescanBytes = nil
            decoded.languages[k].expansionsBytes = nil
        }
        return !damaged && at == payload.endIndex ? decoded : nil
    }

    /// The index of the first line feed in `data` at or after `start` (`memchr`: `Data`'s own
    /// `firstIndex(of:)` went a byte at a time through the 56 KB of JSON).
    private static func newline(in data: Data, from start: Data.Index) -> Data.Index? {
        data.withUnsafeBytes { raw -> Data.Index? in
            let offset = start - data.startIndex
            guard offset < raw.count, let base = raw.baseAddress,
                  let found = memchr(base + offset, 0x0A, raw.count - offset) else { return nil }
            return data.startIndex + (UnsafeRawPointer(found) - base)
        }
    }

    /// Stores the rules: a temporary file in the cache folder renamed over the entry.
    /// Failures are ignored (the cache is an optimization, never a reason to fail).
    func write(_ decoded: Decoded) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys  // the same rules, the same bytes
        // Each language's `whole`, `prescan` and `expansions` after the JSON, as they are (see
        // `wholeBytes`).
        var stored = decoded
        var texts = Data()
        for k in stored.languages.indices {
            if let whole = stored.languages[k].whole {
                stored.languages[k].wholeBytes = whole.utf8.count
                texts.append(contentsOf: whole.utf8)
            }
            if let prescan = stored.languages[k].prescan {
                stored.languages[k].prescanBytes = prescan.utf8.count
                texts.append(contentsOf: prescan.utf8)
            }
            if let expansions = stored.languages[k].expansions {
                stored.languages[k].expansionsBytes = expansions.utf8.count
                texts.append(contentsOf: expansions.utf8)
            }
            stored.languages[k].whole = nil
            stored.languages[k].prescan = nil
            stored.languages[k].expansions = nil
        }
        guard var payload = try? encoder.encode(stored) else { return }
        payload.append(UInt8(ascii: "\n"))
        payload.append(texts)
        var data = Data("concord-rules \(key) \(Self.checksum(payload))\n".utf8)
        data.append(payload)
        CacheFolder.write(data, to: url)
    }

    private static func checksum(_ payload: Data) -> String {
        var state = StableHash.FNV128()
        state.add(piece: payload)
        return state.hex
    }
}

extension RuleCacheEntry {
    /// Whether every language holds its whole file and the analyses a run would otherwise
    /// work out (the build's entry when `DerivedRules` is current, or a stored entry).
    var holdsEveryAnalysis: Bool {
        languages.allSatisfy { $0.whole != nil && $0.prescan != nil && $0.expansions != nil }
    }
}

extension RuleCacheEntry.LanguageEntry {
    /// The language's compiled rules, the extra folders' patterns added; `lazily`, each
    /// pattern's regex compiled on first use (rules read from the cache).
    func compile(_ language: Language, lazily: Bool = false) throws(RuleError) -> LanguageRules {
        var file = self.file, extras = self.extras
        if let whole {
            guard let decoded = try? JSONDecoder().decode(Whole.self, from: Data(whole.utf8)) else {
                throw RuleError(file: path, message: "the rule cache's entry for this language cannot be read")
            }
            (file, extras) = (decoded.file, decoded.extras)
        }
        var rules = try LanguageRules(file, language: language, path: path, lazily: lazily,
                                      prescan: extras.isEmpty ? prescan.flatMap(Prescan.decode) : nil,
                                      expansions: extras.isEmpty ? expansions.flatMap(LanguageRules.decodeExpansions) : nil)
        for extra in extras {
            rules = rules.adding(try LanguageRules(extra.file, language: language, path: extra.path, lazily: lazily))
        }
        return rules
    }
}
