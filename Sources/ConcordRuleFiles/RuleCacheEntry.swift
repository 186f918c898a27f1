import Foundation

/// The decoded rule files of one set of rules as the rule cache stores them (`RuleCache` in
/// Concord; extra folders merged as `RuleSet` does), and as the build makes them of the
/// built-in rules (`EmbeddedRules.entry`, by `Plugins/EmbedRulesTool`): the same type, so that
/// a run reads the build's entry as it reads the cache's. Stored without their examples
/// (`withoutExamples`): only `concord rules` runs them, and it reads the files themselves.
package struct RuleCacheEntry: Codable {
    package var symbols: RuleFiles.Symbols
    package var treaties: RuleFiles.Treaties
    package var sessions: RuleFiles.Sessions?
    package var checks: RuleFiles.Checks
    package var languages: [LanguageEntry]
    /// The reader's letter and pair counts (`ReadingLexicon.filterFrequency`), which are
    /// counted over the rules' examples too, as key, count, key, count, … in the order of
    /// the keys (the same rules, the same bytes); nil in an entry that has its examples.
    package var filterCounts: [Int]?

    package init(symbols: RuleFiles.Symbols, treaties: RuleFiles.Treaties, sessions: RuleFiles.Sessions?,
                 checks: RuleFiles.Checks, languages: [LanguageEntry], filterCounts: [Int]? = nil) {
        (self.symbols, self.treaties, self.sessions, self.checks, self.languages, self.filterCounts) =
            (symbols, treaties, sessions, checks, languages, filterCounts)
    }

    package var filterFrequency: [UInt32: Int]? {
        guard let filterCounts, filterCounts.count % 2 == 0 else { return nil }
        var frequency = [UInt32: Int](minimumCapacity: filterCounts.count / 2)
        for k in stride(from: 0, to: filterCounts.count, by: 2) {
            guard let key = UInt32(exactly: filterCounts[k]) else { return nil }
            frequency[key] = filterCounts[k + 1]
        }
        return frequency
    }

    /// The entry as the cache stores it: the files without their examples, the counts
    /// made from them, and each language in its cached form (`LanguageEntry.cached`).
    package func withoutExamples(filterFrequency: [UInt32: Int]) -> RuleCacheEntry {
        RuleCacheEntry(symbols: symbols.withoutExamples, treaties: treaties.withoutExamples, sessions: sessions?.withoutExamples,
                       checks: checks.withoutExamples, languages: languages.map(\.cached),
                       filterCounts: filterFrequency.sorted { $0.key < $1.key }.flatMap { [Int($0.key), $0.value] })
    }

    /// One language's file and the extra folders' files for it, with the names errors give.
    ///
    /// In the cache (`cached`), `file` holds only what the reader's lexicon needs of every
    /// language (`forReader`) and `whole` the whole file and its extras as JSON text, decoded
    /// when a document in the language asks for its rules: a run decodes the patterns, words
    /// and lexicon forms of the languages it meets only (decoding all six was a tenth of a
    /// warm check of one resolution).
    package struct LanguageEntry: Codable, Sendable {
        package struct Extra: Codable, Sendable {
            package var file: RuleFiles.LanguageFile
            package var path: String
            package init(file: RuleFiles.LanguageFile, path: String) { (self.file, self.path) = (file, path) }
        }
        /// What `whole` holds.
        package struct Whole: Codable {
            package var file: RuleFiles.LanguageFile
            package var extras: [Extra]
        }
        package var code: String
        package var file: RuleFiles.LanguageFile
        package var path: String
        package var extras: [Extra]
        /// The pre-scan's analysis of the language's patterns (`Prescan.encode`), stored when
        /// no extra folder adds patterns to it, read when the language is compiled.
        package var prescan: String?
        /// The language's patterns with their placeholders expanded and their sets rewritten,
        /// as ICU compiles them and as the pre-scan reads them (`LanguageRules.encodeExpansions`),
        /// stored and read as `prescan` is: expanding them was a sixth of a warm check of one
        /// document.
        package var expansions: String?
        package var whole: String?
        /// In the stored entry, the lengths in bytes of `whole` and `prescan`, which follow the
        /// JSON as they are (a quarter of a megabyte of text that JSON would escape and the
        /// decoder unescape again at every start: most of the time reading the entry took).
        package var wholeBytes: Int?
        package var prescanBytes: Int?
        package var expansionsBytes: Int?

        package init(code: String, file: RuleFiles.LanguageFile, path: String, extras: [Extra], prescan: String? = nil,
                     whole: String? = nil, wholeBytes: Int? = nil, prescanBytes: Int? = nil) {
            (self.code, self.file, self.path, self.extras, self.prescan, self.whole, self.wholeBytes, self.prescanBytes) =
                (code, file, path, extras, prescan, whole, wholeBytes, prescanBytes)
        }

        /// As the cache stores it: without examples, the lexicon's part apart from the whole.
        package var cached: LanguageEntry {
            let whole = Whole(file: file.withoutExamples, extras: extras.map { Extra(file: $0.file.withoutExamples, path: $0.path) })
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            guard let data = try? encoder.encode(whole) else { return self }
            var entry = LanguageEntry(code: code, file: whole.file.forReader, path: path, extras: [], prescan: prescan,
                                      whole: String(decoding: data, as: UTF8.self))
            entry.expansions = expansions
            return entry
        }
    }
}
