/// How common each letter and pair of letters is in the languages' own words and in the
/// examples of their rules (sentences of real UN documents): the reader's title and closing
/// filters (`WordFilter` in Concord) anchor each phrase on its rarest pair. Shared by Concord,
/// which counts them when it reads rule files, and the build tool, which counts them for the
/// built-in rules (`EmbeddedRules.entry`).
package enum FilterCounts {
    /// What is counted (the words, stop words, number words before a number and the pattern
    /// examples of every language) and the phrases whose letters are looked up (the reading
    /// title words and closing phrases of every language).
    package static func corpus(of files: [RuleFiles.LanguageFile]) -> (words: [String], phrases: [String]) {
        var words = [String](), phrases = [String]()
        for file in files {
            let reading = file.reading
            phrases += (reading?.titleWords ?? []) + (reading?.closingPhrases ?? [])
            words += file.words.values.joined() + (reading?.stopWords ?? []) + (reading?.numberWordsBefore ?? [])
            for pattern in file.patterns {
                words += (pattern.examples?.match ?? []).map(\.text) + (pattern.examples?.noMatch ?? [])
            }
        }
        return (words, phrases)
    }

    /// How often each base and each pair of bases of `phrases` (lower-cased, as a filter that
    /// is not case-sensitive reads them) occurs in a list of words: the only counts such a
    /// filter looks up. `lower`: each UTF-16 unit's base letter, lower-cased (`WordFilter`'s
    /// table, from ICU). The same counts as counting every base and pair for those keys; the
    /// others are not counted (counting every pair of every rule example was 3 % of a warm
    /// start-up).
    package static func frequency(of words: [String], for phrases: [String], lower table: [UInt16]) -> [UInt32: Int] {
        var wantedBase = [Bool](repeating: false, count: 0x10000)
        var firstOfPair = [Bool](repeating: false, count: 0x10000)
        var pairs = [UInt32: Int]()
        for phrase in phrases {
            let bases = phrase.lowercased().utf16.map { table[Int($0)] }
            for base in bases { wantedBase[Int(base)] = true }
            for (a, b) in zip(bases, bases.dropFirst()) {
                firstOfPair[Int(a)] = true
                pairs[UInt32(a) << 16 | UInt32(b)] = 0
            }
        }
        var baseCounts = [Int](repeating: 0, count: 0x10000)
        for word in words {
            var previous: UInt16?
            for u in word.utf16 {
                let base = table[Int(u)]
                baseCounts[Int(base)] += 1
                if let previous, firstOfPair[Int(previous)] {
                    let key = UInt32(previous) << 16 | UInt32(base)
                    if let n = pairs[key] { pairs[key] = n + 1 }
                }
                previous = base
            }
        }
        var counts = pairs.filter { $0.value > 0 }
        for base in 0..<0x10000 where wantedBase[base] && baseCounts[base] > 0 { counts[UInt32(base)] = baseCounts[base] }
        return counts
    }
}
