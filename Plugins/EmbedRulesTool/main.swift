// Writes a Swift source holding the rule files' texts (run by the EmbedRules plugin):
//   EmbedRulesTool RULES_FOLDER OUTPUT.swift PACKAGE DERIVED_FILE SOURCE... -- RELATIVE_PATH...
// with each file decoded (with Yams, into ConcordRuleFiles' types) and encoded again as JSON,
// which a run decodes in a fraction of the time the YAML takes (parsing the YAML was a fifth
// of a first run's CPU time); the rules as the rule cache stores them, with the reader's
// letter counts, which a run without a cache entry reads as it would the cache's (decoding
// every file with its examples and counting was a quarter of such a run); and the tables
// Concord derives from ICU alone, made here with the ICU the build links (deriving them was a
// sixth of it).
import CICUShim
import ConcordRuleFiles
import Foundation
import Yams

let arguments = CommandLine.arguments
guard arguments.count >= 5, let separator = arguments.firstIndex(of: "--") else {
    FileHandle.standardError.write(Data("usage: EmbedRulesTool RULES_FOLDER OUTPUT.swift PACKAGE DERIVED_FILE SOURCE... -- RELATIVE_PATH...\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1])
let output = URL(fileURLWithPath: arguments[2])
let package = URL(fileURLWithPath: arguments[3])
let derivedFile = arguments[4]
/// The code the rules' analyses are derived with, relative to the package (`derivingCode`).
let derivingSources = Array(arguments[5..<separator])
/// The rule files, relative to the rules folder.
let ruleFiles = Array(arguments[(separator + 1)...])

/// A Swift string literal of the text, on one line: the texts hold quotes, backslashes and
/// `#` (regular expressions), which rule out a raw or multi-line literal without guessing a
/// delimiter.
func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F:
            out += "\\u{\(String(scalar.value, radix: 16))}"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

/// The file decoded as Concord decodes it (`RuleSource.decode`); nil for a file Concord does
/// not read (`RuleFiles.type(of:)`), or one that does not decode: Concord then reads its YAML
/// at run time, and reports the error there, with the file's name, as for a rules folder.
func decodedValue(_ relative: String, _ text: String) -> (any Codable)? {
    func decode<T: Codable>(_ type: T.Type) -> (any Codable)? {
        guard let value = try? YAMLDecoder().decode(T.self, from: text) else {
            FileHandle.standardError.write(Data("warning: Rules/\(relative) does not decode; Concord will read its YAML at run time\n".utf8))
            return nil
        }
        return value
    }
    return RuleFiles.type(of: relative).flatMap { decode($0) }
}

/// A value as JSON text, keys sorted (the same rules, the same bytes).
func json(_ value: any Encodable) -> String? {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
}

var entries = "", decoded = ""
var values = [String: any Codable]()
for relative in ruleFiles {
    let url = folder.appendingPathComponent(relative)
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
        FileHandle.standardError.write(Data("\(url.path): error: cannot be read as UTF-8 text\n".utf8))
        exit(1)
    }
    entries += "        \(literal(relative)): \(literal(text)),\n"
    if let value = decodedValue(relative, text), let json = json(value) {
        values[relative] = value
        decoded += "        \(literal(relative)): \(literal(json)),\n"
    }
}

/// ICU's tables as `DerivedTables` names them, each as runs (`TableRuns`); a table ICU
/// cannot give is left out (Concord derives it at run time, as without this).
/// Also gives the reader's table of lower-cased base letters (nil: ICU could not give it).
func icuTables() -> (runs: String, lower: [UInt16]?) {
    var lower = [UInt16](repeating: 0xFFFF, count: 0x10000), same = lower, fold = lower
    var categories = [UInt8](repeating: 0, count: 0x10000)
    var tables = [(String, [UInt16])]()
    var letters: [UInt16]?
    if concord_base_letter_tables(&lower, &same, Int64(lower.count)) == 0 {
        tables.append(("base-letters", lower + same))
        letters = lower
    }
    if concord_case_fold_table(&fold, Int32(fold.count)) == 0 { tables.append(("case-fold", fold)) }
    if concord_letter_number_table(&categories, Int32(categories.count)) == 0 {
        tables.append(("letter-number", categories.map { UInt16($0) }))
    }
    return (tables.map { "        \(literal($0.0)): \(literal(TableRuns.encode($0.1))),\n" }.joined(), letters)
}

var version = [CChar](repeating: 0, count: 32)
concord_icu_version(&version, 32)
let icuVersion = String(decoding: version.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
let (tables, lowerLetters) = icuTables()

/// The built-in rules as the rule cache stores them (`RuleCacheEntry`, its letter counts made
/// with this ICU's base letters), as JSON without each language's `whole`, and the wholes by
/// language code: Concord reads them as it reads a cache entry, where the wholes follow the
/// JSON unescaped. Nil when a file the rules need did not decode, or a language file does
/// not say the language it is named for (Concord then reads the files and reports it).
func cacheEntry(_ values: [String: any Codable], lower lowerLetters: [UInt16]?) -> (json: String, wholes: [(String, String)])? {
    guard let lowerLetters, let symbols = values["symbols.yml"] as? RuleFiles.Symbols,
          let treaties = values["treaties.yml"] as? RuleFiles.Treaties,
          let checks = values["checks.yml"] as? RuleFiles.Checks else { return nil }
    let sessions: RuleFiles.Sessions?
    if ruleFiles.contains("sessions.yml") {
        guard let decoded = values["sessions.yml"] as? RuleFiles.Sessions else { return nil }
        sessions = decoded
    } else {
        sessions = nil
    }
    var languages = [RuleCacheEntry.LanguageEntry]()
    for relative in ruleFiles where relative.hasPrefix("languages/") && RuleFiles.type(of: relative) != nil {
        let code = String(relative.dropFirst("languages/".count).dropLast(".yml".count))
        guard let file = values[relative] as? RuleFiles.LanguageFile, file.language == code else { return nil }
        languages.append(RuleCacheEntry.LanguageEntry(code: code, file: file, path: "Rules/" + relative, extras: []))
    }
    let corpus = FilterCounts.corpus(of: languages.map(\.file))
    let frequency = FilterCounts.frequency(of: corpus.words, for: corpus.phrases, lower: lowerLetters)
    var entry = RuleCacheEntry(symbols: symbols, treaties: treaties, sessions: sessions, checks: checks, languages: languages)
        .withoutExamples(filterFrequency: frequency)
    var wholes = [(String, String)]()
    for k in entry.languages.indices {
        guard let whole = entry.languages[k].whole else { return nil }
        wholes.append((entry.languages[k].code, whole))
        entry.languages[k].whole = nil
    }
    return json(entry).map { ($0, wholes) }
}
/// The tables Concord derives from Swift's own Unicode functions (`LowercaseTable`), made with
/// the runtime this tool runs: the toolchain that builds Concord, whose standard library a
/// statically linked `concord` carries (`DerivedTables.embeddedLowercaseWords`).
func swiftTables() -> String {
    let (low, high) = LowercaseTable.halves(LowercaseTable.derived())
    return [("lowercase-words-low", low), ("lowercase-words-high", high)]
        .map { "        \(literal($0.0)): \(literal(TableRuns.encode($0.1))),\n" }.joined()
}

let entry = cacheEntry(values, lower: lowerLetters)
let wholes = entry?.wholes.map { "        \(literal($0.0)): \(literal($0.1)),\n" }.joined() ?? ""

/// What the rules' analyses made ahead are derived from: the rule files, the code that derives
/// them (`derivingSources`) and the ICU version, each by its name and bytes, as 32 hexadecimal
/// digits (FNV-1a, 64 bits, over the pieces, and again over them in reverse order). Only
/// names relative to the package go in, so that every clone of the same files gives the same.
func derivationFingerprint() -> String {
    var pieces = [Data(("concord derived rules 1 ICU " + icuVersion).utf8)]
    for relative in ruleFiles.sorted() {
        pieces.append(Data(("Rules/" + relative).utf8))
        pieces.append((try? Data(contentsOf: folder.appendingPathComponent(relative))) ?? Data())
    }
    for relative in derivingSources {
        pieces.append(Data(relative.utf8))
        pieces.append((try? Data(contentsOf: package.appendingPathComponent(relative))) ?? Data())
    }
    func fnv(_ pieces: [Data]) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for piece in pieces {
            // Each piece after its length: ("ab", "c") and ("a", "bc") differ.
            for byte in withUnsafeBytes(of: UInt64(piece.count).littleEndian, Array.init) + piece {
                hash = (hash ^ UInt64(byte)) &* 0x100000001b3
            }
        }
        return hash
    }
    return [fnv(pieces), fnv(pieces.reversed())].map { value in
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }.joined()
}

/// The analyses in the derived file (`concord derive-rules`: a line `concord-derived-rules
/// FINGERPRINT`, then per language a line `CODE PRESCAN_BYTES EXPANSIONS_BYTES` followed by
/// those bytes and a line feed), when its fingerprint is this build's; else nil, and why.
func derivedAnalyses(fingerprint: String) -> (languages: [(code: String, prescan: String, expansions: String)]?, state: String) {
    guard let data = FileManager.default.contents(atPath: package.appendingPathComponent(derivedFile).path) else { return (nil, "missing") }
    let bytes = [UInt8](data)
    var at = 0
    func line() -> [Substring]? {
        guard let end = bytes[at...].firstIndex(of: 0x0A) else { return nil }
        defer { at = end + 1 }
        return String(decoding: bytes[at..<end], as: UTF8.self).split(separator: " ")
    }
    guard let header = line(), header.count == 2, header[0] == "concord-derived-rules" else { return (nil, "damaged") }
    guard header[1] == fingerprint else { return (nil, "stale") }
    var languages = [(code: String, prescan: String, expansions: String)]()
    while at < bytes.count {
        guard let fields = line(), fields.count == 3, let prescan = Int(fields[1]), let expansions = Int(fields[2]),
              prescan >= 0, expansions >= 0, prescan + expansions < bytes.count - at,
              bytes[at + prescan + expansions] == 0x0A else { return (nil, "damaged") }
        languages.append((String(fields[0]), String(decoding: bytes[at..<(at + prescan)], as: UTF8.self),
                          String(decoding: bytes[(at + prescan)..<(at + prescan + expansions)], as: UTF8.self)))
        at += prescan + expansions + 1
    }
    return (languages, "current")
}

let fingerprint = derivationFingerprint()
let (derivedLanguages, derivedState) = derivedAnalyses(fingerprint: fingerprint)
if derivedState != "current" {
    FileHandle.standardError.write(Data("""
        warning: \(derivedFile) is \(derivedState == "stale" ? "derived from other rules or code" : derivedState): a run without a \
        cache folder analyses the rules itself (slower, the same results); run scripts/derive-rules\n
        """.utf8))
}
let derived = (derivedLanguages ?? []).map {
    "        \(literal($0.code)): (prescan: \(literal($0.prescan)), expansions: \(literal($0.expansions))),\n"
}.joined()

let source = """
// Generated by the EmbedRules build plugin (Plugins/EmbedRules) from the top-level Rules/
// folder at build time. Do not edit: edit Rules/ and build again.

/// The rule files built into Concord, by their path relative to `Rules/`.
enum EmbeddedRules {
    static let files: [String: String] = \(entries.isEmpty ? "[:]" : "[\n" + entries + "    ]")
    /// The files that decode, as the build decoded them, encoded as JSON (`RuleSource.decode`).
    static let decoded: [String: String] = \(decoded.isEmpty ? "[:]" : "[\n" + decoded + "    ]")
    /// The rules as the rule cache stores them (`RuleCacheEntry`), each language's `whole`
    /// apart in `wholes`; nil when a file did not decode (`RuleCache.builtIn`).
    static let entry: String? = \(entry.map { literal($0.json) } ?? "nil")
    static let wholes: [String: String] = \(wholes.isEmpty ? "[:]" : "[\n" + wholes + "    ]")
}

/// The built-in rules' pre-scan tables and expanded patterns, made ahead by `concord
/// derive-rules` (`scripts/derive-rules`) into `\(derivedFile)`: by language code, as the rule
/// cache stores them. Embedded only when that file was made from these rules, with this code
/// and this ICU (`state` "current"; else "stale", "missing" or "damaged", and none is).
enum EmbeddedDerivedRules {
    /// What this build's rules, deriving code and ICU give (`concord derive-rules` writes it).
    static let fingerprint = \(literal(fingerprint))
    static let state = \(literal(derivedState))
    static let languages: [String: (prescan: String, expansions: String)] = \(derived.isEmpty ? "[:]" : "[\n" + derived + "    ]")
}

/// Tables derived from ICU alone, made by the build with the ICU it links
/// (`DerivedTables.embedded`): by name, as runs (`TableRuns`).
enum EmbeddedICUTables {
    /// The version of the ICU they were made with (`ICU.version`); another ICU at run time,
    /// and they are not used.
    static let icuVersion = \(literal(icuVersion))
    static let runs: [String: String] = \(tables.isEmpty ? "[:]" : "[\n" + tables + "    ]")
}

/// Tables derived from Swift's own Unicode functions, made by the build with the toolchain's
/// runtime (`DerivedTables.embeddedLowercaseWords`): by name, as runs (`TableRuns`).
enum EmbeddedSwiftTables {
    static let runs: [String: String] = [
\(swiftTables())    ]
}

"""
do {
    try source.write(to: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("\(output.path): error: cannot be written: \(error)\n".utf8))
    exit(1)
}
