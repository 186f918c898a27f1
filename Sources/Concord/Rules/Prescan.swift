import CICUShim
import Dispatch

/// The literal pre-scan: what each pattern needs in a text before it can match and what its
/// matches start with, and one Aho–Corasick pass over a unit that says which patterns can
/// match there and where. Most paragraphs cite nothing most patterns look for (no
/// `paragraph`, no month name, no `Treaty Series`): those patterns never run over them; the
/// others are tried only where a match can start, not at every position. This is exact — a
/// pattern is skipped only when the text lacks something every match of it contains, a
/// place only when no match can start there — and `CitationExtractor(prescan: false)` runs
/// every pattern everywhere (tests compare the two on the corpus, the fuzzer on anything).
///
/// All this is read from the compiled pattern itself, not declared in the rule files: an
/// editor who changes a pattern cannot make the pre-scan wrong.
struct Prescan: Sendable {
    /// A literal string (case-folded UTF-16, ignorable marks left out), and whether the
    /// pattern requires that no letter or number stands just before or after it (word forms
    /// are written between `(?<![\p{L}\p{N}])` and `(?![\p{L}\p{N}])`): `dec` inside
    /// `decides` does not count.
    struct Literal: Hashable, Sendable {
        var units: [UInt16]
        var wordStart = false
        var wordEnd = false

        /// The units' bytes at once, then the two flags: hashed unit by unit, as the
        /// synthesized hash does, the literals' sets of the analysis cost 1.5 % more of a
        /// start-up without a cache folder. Equal literals have equal bytes: the same hash.
        func hash(into hasher: inout Hasher) {
            units.withUnsafeBytes { hasher.combine(bytes: $0) }
            hasher.combine(UInt8((wordStart ? 1 : 0) | (wordEnd ? 2 : 0)))
        }

        /// An order for literals (ids are given in it, so the scanner is deterministic).
        static func precedes(_ a: Literal, _ b: Literal) -> Bool {
            if a.units != b.units { return a.units.lexicographicallyPrecedes(b.units) }
            return (a.wordStart ? 1 : 0, a.wordEnd ? 1 : 0) < (b.wordStart ? 1 : 0, b.wordEnd ? 1 : 0)
        }
    }

    /// Something a match needs: any of these literals, or a digit.
    struct Clause: Hashable, Sendable {
        var literals: Set<Literal> = []
        var digit = false
        /// For what a match starts with: whether a digit may start it with a letter or digit
        /// just before it. False when every digit it may start with comes right after `\b` or
        /// `(?<![\p{L}\p{N}])` (`\b(?<day>\d{1,2})`): then a digit inside a number or word
        /// (`2005`'s `0`) cannot start a match.
        var digitInWord = false

        /// How selective the clause is: its shortest literal; a digit counts as three units
        /// (rarer in prose than any one letter or two, commoner than a word).
        var strength: Int {
            let shortest = literals.map(\.units.count).min() ?? Int.max
            return digit ? min(3, shortest) : shortest
        }

        mutating func formUnion(_ other: Clause) {
            literals.formUnion(other.literals)
            digit = digit || other.digit
            digitInWord = digitInWord || other.digitInWord
        }
    }

    /// Per pattern: clauses that must all hold (empty: the pattern always runs).
    let needs: [[(literals: [Int32], digit: Bool)]]
    private let scanner: LiteralScanner
    /// Per literal: the patterns whose matches may start with it (empty for the others).
    private let startingWith: FlatLists
    /// The clauses of every pattern numbered one after the other: per literal, the clauses it
    /// satisfies; the clauses a digit satisfies; per clause, its pattern; per pattern, how many
    /// clauses it has. A unit's scan marks the clauses of the literals it found, instead of
    /// every pattern's clauses being tried against the literals found (that was most of the
    /// plan's time beside the scan).
    private let satisfiedBy: FlatLists
    private let digitClauses: [Int32]
    private let clausePattern: [Int32]
    private let clauseCounts: [Int32]

    init(patterns: [String]) {
        self.init(table: Self.table(patterns: patterns))
    }

    /// What the analysis of a language's patterns gives, in plain arrays: the rule cache
    /// stores it, so that a run does not read every pattern again (that was a twentieth of
    /// a warm start-up).
    struct Table: Sendable, Equatable {
        /// The literals (case-folded UTF-16), in id order.
        var literals: [[UInt16]]
        /// Per literal: 1 when it must start a word, 2 when it must end one (or both).
        var wordEdges: [UInt8]
        /// Per pattern, per clause: the ids of the literals of which one must be present…
        var needs: [[[Int32]]]
        /// … or whether a digit does.
        var needDigits: [[Bool]]
        /// Per pattern: the literals a match must start with (empty when not known, then
        /// `startKnown` is false), and whether a digit may start it.
        var starts: [[Int32]]
        var startKnown: [Bool]
        var startDigits: [Bool]
        /// Per pattern: whether a digit may start a match only at the start of a word
        /// (`Clause.digitInWord` false).
        var startDigitsAtWordStart: [Bool]
        /// The literals whose places are wanted (starts of some pattern), ascending.
        var positional: [Int32]
        /// Per pattern whose matches may start with a digit: what such a match starts with
        /// (`DigitHead`), when its reading tells.
        var digitHeads: [DigitHead?] = []
        /// Per pattern whose start is one of `starts` only after a few characters of a known
        /// set (`Lead`: Arabic clitics before a keyword): those characters (case-folded,
        /// ascending); empty for the others. A match may start at a literal's place or at
        /// any place before it from which only these characters (or ignorable marks) lead
        /// to it.
        var startReach: [[UInt16]] = []

        /// Whether the table fits `count` patterns and its ids its literals (a damaged or
        /// foreign table is not used).
        func fits(_ count: Int) -> Bool {
            let literalCount = Int32(literals.count)
            func valid(_ ids: [Int32]) -> Bool { ids.allSatisfy { $0 >= 0 && $0 < literalCount } }
            return wordEdges.count == literals.count && needs.count == count && needDigits.count == count
                && starts.count == count && startKnown.count == count && startDigits.count == count
                && startDigitsAtWordStart.count == count && digitHeads.count == count && startReach.count == count
                && zip(needs, needDigits).allSatisfy { $0.count == $1.count }
                && needs.allSatisfy { $0.allSatisfy(valid) } && starts.allSatisfy(valid) && valid(positional)
        }
    }

    /// The table as one line of decimal numbers: the rule cache stores it as one string and
    /// reads it only for the languages a run meets (decoding the arrays through Codable cost
    /// more than the analysis itself).
    var encodedTable: String { Self.encode(table) }

    static func encode(_ table: Table) -> String {
        var numbers = [Int]()
        numbers.append(table.literals.count)
        for (units, edges) in zip(table.literals, table.wordEdges) {
            numbers.append(units.count)
            numbers += units.map(Int.init)
            numbers.append(Int(edges))
        }
        numbers.append(table.needs.count)
        for (clauses, digits) in zip(table.needs, table.needDigits) {
            numbers.append(clauses.count)
            for (ids, digit) in zip(clauses, digits) {
                numbers.append(ids.count)
                numbers += ids.map(Int.init)
                numbers.append(digit ? 1 : 0)
            }
        }
        for k in table.starts.indices {
            numbers.append(table.startKnown[k] ? 1 : 0)
            numbers.append(table.startDigits[k] ? (table.startDigitsAtWordStart[k] ? 2 : 1) : 0)
            numbers.append(table.starts[k].count)
            numbers += table.starts[k].map(Int.init)
            if let head = table.digitHeads[k] {
                numbers.append(1)
                numbers += head.encoded
            } else {
                numbers.append(0)
            }
            numbers.append(table.startReach[k].count)
            numbers += table.startReach[k].map(Int.init)
        }
        numbers.append(table.positional.count)
        numbers += table.positional.map(Int.init)
        return numbers.map(String.init).joined(separator: " ")
    }

    /// The table `encode` wrote; nil when the text is not one (cut short, damaged).
    static func decode(_ text: String) -> Table? {
        var numbers = [Int]()
        numbers.reserveCapacity(text.utf8.count / 3)
        var current = 0, inNumber = false
        // (Its bytes read through a buffer: the string's own view went a byte at a time
        // through its index checks.)
        var text = text
        let read = text.withUTF8 { bytes -> Bool in
            for byte in bytes {
                if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                    guard current < Int(Int32.max) else { return false }
                    current = current * 10 + Int(byte - UInt8(ascii: "0"))
                    inNumber = true
                } else if byte == UInt8(ascii: " "), inNumber {
                    numbers.append(current)
                    current = 0
                    inNumber = false
                } else {
                    return false
                }
            }
            return true
        }
        guard read else { return nil }
        if inNumber { numbers.append(current) }
        var k = 0
        func next() -> Int? {
            guard k < numbers.count else { return nil }
            defer { k += 1 }
            return numbers[k]
        }
        func run(_ count: Int) -> [Int]? {
            guard count >= 0, k + count <= numbers.count else { return nil }
            defer { k += count }
            return Array(numbers[k..<(k + count)])
        }
        var table = Table(literals: [], wordEdges: [], needs: [], needDigits: [], starts: [], startKnown: [], startDigits: [],
                          startDigitsAtWordStart: [], positional: [], startReach: [])
        guard let literalCount = next() else { return nil }
        for _ in 0..<max(0, literalCount) {
            guard let length = next(), let units = run(length), let edges = next(),
                  units.allSatisfy({ $0 <= 0xFFFF }), edges <= 3 else { return nil }
            table.literals.append(units.map { UInt16($0) })
            table.wordEdges.append(UInt8(edges))
        }
        guard let patternCount = next() else { return nil }
        for _ in 0..<max(0, patternCount) {
            guard let clauseCount = next() else { return nil }
            var clauses = [[Int32]](), digits = [Bool]()
            for _ in 0..<max(0, clauseCount) {
                guard let count = next(), let ids = run(count), let digit = next() else { return nil }
                clauses.append(ids.map { Int32($0) })
                digits.append(digit == 1)
            }
            table.needs.append(clauses)
            table.needDigits.append(digits)
        }
        for _ in 0..<max(0, patternCount) {
            guard let known = next(), let digit = next(), let count = next(), let ids = run(count) else { return nil }
            table.startKnown.append(known == 1)
            table.startDigits.append(digit == 1 || digit == 2)
            table.startDigitsAtWordStart.append(digit == 2)
            table.starts.append(ids.map { Int32($0) })
            guard let hasHead = next() else { return nil }
            if hasHead == 1 {
                guard let numbers = run(DigitHead.encodedCount), let head = DigitHead(encoded: numbers[...]) else { return nil }
                table.digitHeads.append(head)
            } else {
                guard hasHead == 0 else { return nil }
                table.digitHeads.append(nil)
            }
            guard let reachCount = next(), let reach = run(reachCount), reach.allSatisfy({ $0 <= 0xFFFF }) else { return nil }
            table.startReach.append(reach.map { UInt16($0) })
        }
        guard let positionalCount = next(), let positional = run(positionalCount), k == numbers.count else { return nil }
        table.positional = positional.map { Int32($0) }
        return table
    }

    /// What one pattern needs and starts with (`analyze`), and what a match starting with a
    /// digit starts with (`DigitHead`).
    /// `lead`: when `starts` is not known, what a match starts with after a few characters
    /// of a known set (`lead(of:)`), when the pattern says so.
    typealias Analysis = (needs: [Clause], starts: Clause?, head: DigitHead?, lead: Lead?)

    static func analysis(of pattern: String) -> Analysis {
        let (needs, starts) = analyze(pattern)
        return (needs, starts, starts?.digit == true ? DigitHead.of(pattern) : nil, starts == nil ? lead(of: pattern) : nil)
    }

    /// Each pattern's analysis, in the patterns' order, the patterns read on every core: one
    /// after the other, a language's patterns took a sixth of a start-up without a cache
    /// folder, on the thread a document waits for. Each reading is on its own (a pure
    /// function of its pattern), so the analyses are those of one after the other.
    static func analyses(of patterns: [String]) -> [Analysis] {
        guard patterns.count > 1 else { return patterns.map(analysis) }
        let buffer = UnsafeMutableBufferPointer<Analysis?>.allocate(capacity: patterns.count)
        buffer.initialize(repeating: nil)
        defer { buffer.deinitialize(); buffer.deallocate() }
        // Each iteration writes its own element, and all are done before they are read.
        nonisolated(unsafe) let results = buffer
        DispatchQueue.concurrentPerform(iterations: patterns.count) { index in
            results[index] = analysis(of: patterns[index])
        }
        return buffer.map { $0! }
    }

    /// The table of a language's patterns (ids given to literals in the order they are met).
    static func table(patterns: [String]) -> Table {
        table(analyses: analyses(of: patterns))
    }

    /// The table of patterns already analysed (`analyses` gives one per pattern, in order).
    static func table(analyses: [Analysis]) -> Table {
        var literalIDs = [Literal: Int32]()
        var literals = [Literal]()
        var table = Table(literals: [], wordEdges: [], needs: [], needDigits: [], starts: [], startKnown: [], startDigits: [],
                          startDigitsAtWordStart: [], positional: [], startReach: [])
        var positional = Set<Int32>()
        func ids(_ clause: Clause) -> [Int32] {
            clause.literals.sorted(by: Literal.precedes).map { literal in
                if let id = literalIDs[literal] { return id }
                let id = Int32(literals.count)
                literalIDs[literal] = id
                literals.append(literal)
                return id
            }
        }
        for analysis in analyses {
            table.needs.append(analysis.needs.map(ids))
            table.needDigits.append(analysis.needs.map(\.digit))
            if let first = analysis.starts {
                let literalIDs = ids(first)
                positional.formUnion(literalIDs)
                table.starts.append(literalIDs)
                table.startKnown.append(true)
                table.startDigits.append(first.digit)
                table.startDigitsAtWordStart.append(first.digit && !first.digitInWord)
                table.digitHeads.append(analysis.head)
                table.startReach.append([])
            } else if let lead = analysis.lead {
                let literalIDs = ids(Clause(literals: lead.literals))
                positional.formUnion(literalIDs)
                table.starts.append(literalIDs)
                table.startKnown.append(true)
                table.startDigits.append(false)
                table.startDigitsAtWordStart.append(false)
                table.digitHeads.append(nil)
                table.startReach.append(lead.units.sorted())
            } else {
                table.starts.append([])
                table.startKnown.append(false)
                table.startDigits.append(false)
                table.startDigitsAtWordStart.append(false)
                table.digitHeads.append(nil)
                table.startReach.append([])
            }
        }
        table.literals = literals.map(\.units)
        table.wordEdges = literals.map { ($0.wordStart ? 1 : 0) | ($0.wordEnd ? 2 : 0) }
        table.positional = positional.sorted()
        return table
    }

    /// The pre-scan a table describes (from `table(patterns:)`, or the rule cache).
    init(table: Table) {
        needs = zip(table.needs, table.needDigits).map { clauses, digits in zip(clauses, digits).map { ($0, $1) } }
        self.table = table
        let literals = zip(table.literals, table.wordEdges).map { Literal(units: $0, wordStart: $1 & 1 != 0, wordEnd: $1 & 2 != 0) }
        scanner = LiteralScanner(literals, positional: Set(table.positional))
        var startingWith = [[Int32]](repeating: [], count: literals.count)
        // (What a match starts with is read from the table, per pattern: `plan` reads its flags.)
        for (index, start) in table.starts.enumerated() where table.startKnown[index] {
            for literal in start where Int(literal) < literals.count { startingWith[Int(literal)].append(Int32(index)) }
        }
        self.startingWith = FlatLists(startingWith)
        var satisfiedBy = [[Int32]](repeating: [], count: literals.count)
        var digitClauses = [Int32](), clausePattern = [Int32](), clauseCounts = [Int32]()
        for (pattern, clauses) in needs.enumerated() {
            clauseCounts.append(Int32(clauses.count))
            for clause in clauses {
                let id = Int32(clausePattern.count)
                clausePattern.append(Int32(pattern))
                if clause.digit { digitClauses.append(id) }
                // (A literal written twice in a clause is marked twice: the mark counts once.)
                for literal in clause.literals where Int(literal) < literals.count && literal >= 0 {
                    satisfiedBy[Int(literal)].append(id)
                }
            }
        }
        self.satisfiedBy = FlatLists(satisfiedBy)
        self.digitClauses = digitClauses
        self.clausePattern = clausePattern
        self.clauseCounts = clauseCounts
    }

    /// The table this pre-scan was made from.
    let table: Table

    /// Which patterns can match in `units` (the normalized text). All of them when the text
    /// holds a character whose case folding is not one unit (ß, İ, a surrogate pair): the
    /// scan compares unit by unit, ICU's case-insensitive matching compares full foldings.
    func candidates(_ units: [UInt16]) -> [Bool] { plan(units).map { $0.possible } }

    /// Per pattern: whether it can match in `units`, and if it can only start at known places,
    /// those places (ascending). Every pattern may run everywhere when the text holds a
    /// character whose case folding is not one unit (ß, İ, a surrogate pair): the scan compares
    /// unit by unit, ICU's case-insensitive matching compares full foldings.
    func plan(_ units: [UInt16]) -> [(possible: Bool, starts: [Int32]?)] {
        comparablePlan(units) ?? needs.map { _ in (true, nil) }
    }

    /// `plan(units)`, or nil when the text holds a character whose case folding is not one
    /// unit (then every pattern may run everywhere; the Hyperscan prefilter, which folds
    /// case one character at a time too, is not used either).
    func comparablePlan(_ units: [UInt16]) -> [(possible: Bool, starts: [Int32]?)]? {
        guard let found = scanner.scan(units) else { return nil }
        // Each hit's start given to the patterns that may start with its literal, laid out by
        // pattern in one array (counted, then filled in the order the literals end): a table
        // keyed by literal, made for every unit, was about a quarter of this function's time
        // beside the scan (its hashing and growth).
        var offsets = [Int32](filling: 0, count: needs.count + 1)
        var hitStarts = [Int32]()
        var held = [Int32](filling: 0, count: needs.count)
        // Read through buffer pointers: an array of arrays, indexed per hit, retained and
        // released the inner array at every access (a tenth of this function's time).
        startingWith.items.withUnsafeBufferPointer { startingItems in
        startingWith.offsets.withUnsafeBufferPointer { startingOffsets in
        offsets.withUnsafeMutableBufferPointer { offsets in
            for hit in found.hits {
                let id = Int(hit.id)
                for k in Int(startingOffsets[id])..<Int(startingOffsets[id + 1]) { offsets[Int(startingItems[k]) + 1] += 1 }
            }
            for index in 0..<(offsets.count - 1) { offsets[index + 1] += offsets[index] }
            var filled = Array(offsets)
            hitStarts = [Int32](filling: 0, count: Int(offsets[offsets.count - 1]))
            for hit in found.hits {
                let id = Int(hit.id)
                for k in Int(startingOffsets[id])..<Int(startingOffsets[id + 1]) {
                    let pattern = Int(startingItems[k])
                    hitStarts[Int(filled[pattern])] = hit.start
                    filled[pattern] += 1
                }
            }
        }}}
        // How many clauses of each pattern hold.
        var marked = [Bool](filling: false, count: clausePattern.count)
        satisfiedBy.items.withUnsafeBufferPointer { satisfiedItems in
        satisfiedBy.offsets.withUnsafeBufferPointer { satisfiedOffsets in
        clausePattern.withUnsafeBufferPointer { clausePattern in
        marked.withUnsafeMutableBufferPointer { marked in
        held.withUnsafeMutableBufferPointer { held in
            func mark(_ clause: Int32) {
                guard !marked[Int(clause)] else { return }
                marked[Int(clause)] = true
                held[Int(clausePattern[Int(clause)])] += 1
            }
            if found.digit { for clause in digitClauses { mark(clause) } }
            for literal in found.present {
                let id = Int(literal)
                for k in Int(satisfiedOffsets[id])..<Int(satisfiedOffsets[id + 1]) { mark(satisfiedItems[k]) }
            }
        }}}}}
        var plan = [(possible: Bool, starts: [Int32]?)]()
        plan.reserveCapacity(needs.count)
        // The digits with no ASCII letter or digit just before them, for the patterns whose
        // digit starts follow a word boundary (made when the first of them asks).
        var digitsAtWordStart: [Int32]?
        let startKnown = table.startKnown, startDigits = table.startDigits, startDigitsAtWordStart = table.startDigitsAtWordStart
        let digitHeads = table.digitHeads, startReach = table.startReach
        for index in needs.indices {
            let possible = held[index] == clauseCounts[index]
            guard possible, startKnown[index] else { plan.append((possible, nil)); continue }
            var places: [Int32]
            if !startDigits[index] {
                places = []
            } else if startDigitsAtWordStart[index] {
                if digitsAtWordStart == nil { digitsAtWordStart = Self.atWordStart(found.digitPositions, in: units) }
                places = digitsAtWordStart!
            } else {
                places = found.digitPositions
            }
            if let head = digitHeads[index] { places = Self.admitted(places, by: head, in: units) }
            places.append(contentsOf: hitStarts[Int(offsets[index])..<Int(offsets[index + 1])])
            if !startReach[index].isEmpty { places = Self.reached(places, over: startReach[index], in: units) }
            // Sorted without repeats unless already in order: the same places whatever order
            // they were gathered in.
            if !Self.strictlyAscending(places) {
                places.sort()
                var kept = 0
                for i in places.indices where kept == 0 || places[kept - 1] != places[i] {
                    places[kept] = places[i]
                    kept += 1
                }
                places.removeLast(places.count - kept)
            }
            plan.append((true, places))
        }
        return plan
    }

    /// The places among `positions` with no ASCII letter or digit just before them: there
    /// `\b` before a digit and `(?<![\p{L}\p{N}])` both fail (ASCII letters and digits are
    /// in both `\w` and `[\p{L}\p{N}]`, whatever the case). Other characters before a
    /// digit are left to ICU.
    static func atWordStart(_ positions: [Int32], in units: [UInt16]) -> [Int32] {
        units.withUnsafeBufferPointer { text in
            positions.filter { position in
                guard position > 0 else { return true }
                let before = text[Int(position) - 1]
                guard before < 0x80 else { return true }
                let letter = before | 0x20
                return !((before >= 0x30 && before <= 0x39) || (letter >= 0x61 && letter <= 0x7A))
            }
        }
    }

    /// `places` and every place before one of them from which only units of `reach`
    /// (case-folded, ascending) or ignorable marks lead to it: where a match whose `Lead`
    /// is `reach` may start (in no order; `comparablePlan` sorts them).
    static func reached(_ places: [Int32], over reach: [UInt16], in units: [UInt16]) -> [Int32] {
        var reachedPlaces = [Int32]()
        reachedPlaces.reserveCapacity(places.count * 2)
        units.withUnsafeBufferPointer { text in
            LiteralScanner.foldTable.withUnsafeBufferPointer { fold in
                for place in places {
                    var start = Int(place)
                    while start > 0 {
                        let unit = text[start - 1], folded = fold[Int(unit)]
                        // (A unit whose folding is not one unit is passed over: ICU decides there.)
                        guard isIgnorable(unit) || folded == LiteralScanner.unsafe || isIgnorable(folded) || reach.contains(folded) else { break }
                        start -= 1
                    }
                    for candidate in start...Int(place) { reachedPlaces.append(Int32(candidate)) }
                }
            }
        }
        return reachedPlaces
    }

    /// The digit places among `places` where a match that starts with a digit can start,
    /// by the pattern's `DigitHead` (the run of digits there and the character after it).
    static func admitted(_ places: [Int32], by head: DigitHead, in units: [UInt16]) -> [Int32] {
        units.withUnsafeBufferPointer { text in
            LiteralScanner.categories.withUnsafeBufferPointer { categories in
                places.filter { place in
                    var end = Int(place)
                    while end < text.count, categories[Int(text[end])] & 2 != 0 { end += 1 }
                    return head.admits(text, at: Int(place), run: end - Int(place), categories: categories)
                }
            }
        }
    }

    /// Whether a match whose start is `clause` (`starts(of:)`) may start at the first unit of
    /// `units`: a digit there, or one of its literals, compared case-folded as the scan
    /// compares. True when a unit compared folds to more than one unit or is one the scan
    /// steps over (ICU decides there).
    static func mayStart(_ clause: Clause, atStartOf units: [UInt16]) -> Bool {
        guard let first = units.first else { return false }  // (a known start: no empty match)
        if clause.digit, LiteralScanner.categories[Int(first)] & 2 != 0 { return true }
        let fold = LiteralScanner.foldTable
        for literal in clause.literals {
            var matched = true
            for (i, expected) in literal.units.enumerated() {
                guard i < units.count else { matched = false; break }
                let folded = fold[Int(units[i])]
                if folded == LiteralScanner.unsafe || isIgnorable(folded) { return true }
                if folded != expected { matched = false; break }
            }
            if matched { return true }
        }
        return false
    }

    /// Whether a match of a pattern that needs `needs` (`requirement(of:)`) may lie in
    /// `units`: every clause has one of its literals somewhere in the text, compared
    /// case-folded as the scan compares and stepping over the units it steps over, or a
    /// digit. For the short texts a lookup's pattern is run on (a phrase naming a body, a
    /// number in words), before the regex is compiled and tried: false only where no match
    /// can be. True when a unit folds to more than one unit (ICU decides there).
    static func mayMatch(_ needs: [Clause], in units: [UInt16]) -> Bool {
        guard !needs.isEmpty else { return true }
        guard let (folded, digit) = comparable(units) else { return true }
        return needs.allSatisfy { clause in
            (clause.digit && digit) || clause.literals.contains { holds($0.units, in: folded) }
        }
    }

    /// Whether any pattern of a pre-scan table may match in `units` (`mayMatch` for each
    /// pattern's needs, as the table gives them by literal id): false only where none can.
    /// For the runs of another script a unit's extractor reads with each candidate language
    /// (`LanguageTable.mayMatch`): a language none of whose patterns can match there is not
    /// compiled for it. True when a unit folds to more than one unit. The table's ids must
    /// fit its literals (`fits`: a table the pre-scan was made from, or one checked so).
    static func anyMayMatch(_ table: Table, in units: [UInt16]) -> Bool {
        guard let (folded, digit) = comparable(units) else { return true }
        // Per literal: 0 not looked for yet, 1 present, 2 absent.
        var present = [UInt8](repeating: 0, count: table.literals.count)
        func has(_ id: Int32) -> Bool {
            if present[Int(id)] == 0 { present[Int(id)] = holds(table.literals[Int(id)], in: folded) ? 1 : 2 }
            return present[Int(id)] == 1
        }
        for (clauses, digits) in zip(table.needs, table.needDigits)
        where zip(clauses, digits).allSatisfy({ ids, needsDigit in (needsDigit && digit) || ids.contains(where: has) }) {
            return true
        }
        return false
    }

    /// The text case-folded as the scan folds it, without the units it steps over, and
    /// whether it holds a digit; nil when a unit folds to more than one unit.
    private static func comparable(_ units: [UInt16]) -> (folded: [UInt16], digit: Bool)? {
        let fold = LiteralScanner.foldTable
        var folded = [UInt16]()
        folded.reserveCapacity(units.count)
        var digit = false
        for unit in units {
            let f = fold[Int(unit)]
            if f == LiteralScanner.unsafe { return nil }
            if isIgnorable(f) { continue }
            if LiteralScanner.categories[Int(unit)] & 2 != 0 { digit = true }
            folded.append(f)
        }
        return (folded, digit)
    }

    /// Whether a literal (case-folded) stands in a `comparable` text. (A literal holding a
    /// unit the scan steps over is not compared so: it holds.)
    private static func holds(_ literal: [UInt16], in folded: [UInt16]) -> Bool {
        literal.isEmpty || literal.contains(where: isIgnorable) || contains(folded, literal)
    }

    /// Whether `needle` stands in `haystack` (both short: a naive search).
    private static func contains(_ haystack: [UInt16], _ needle: [UInt16]) -> Bool {
        guard needle.count <= haystack.count, let first = needle.first else { return needle.isEmpty }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count, haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    private static func strictlyAscending(_ places: [Int32]) -> Bool {
        for i in places.indices.dropFirst() where places[i - 1] >= places[i] { return false }
        return true
    }

    // MARK: - What a pattern needs

    /// The clauses every match of an ICU pattern satisfies: literal runs and `\d` outside
    /// optional parts, alternations as the union of what each alternative needs. Anything not
    /// understood needs nothing (the pattern always runs): the analysis may be weak, never wrong.
    static func requirement(of pattern: String) -> [Clause] { analyze(pattern).needs }

    /// What a pattern needs and what its matches start with, in one reading of it.
    static func analyze(_ pattern: String) -> (needs: [Clause], starts: Clause?) {
        var parser = Parser(Array(pattern.unicodeScalars))
        let clauses = parser.alternation()
        guard !parser.failed, parser.i == parser.s.count else { return ([], nil) }
        let needs = clauses.filter { !$0.literals.isEmpty || $0.digit }
        // `\G` only where a match continues the previous one (`Parser.continuationsAtStart`).
        guard ICURegex.continuations(in: pattern) == parser.continuationsAtStart, !parser.continuationRepeated,
              !parser.nullable, let first = parser.first,
              !first.literals.isEmpty || first.digit,
              !first.literals.contains(where: { $0.units.isEmpty }) else { return (needs, nil) }
        return (needs, first)
    }

    /// What every match of a pattern starts with, read more loosely than `starts`: a run of
    /// characters of a known, finite set (`units`: literal characters, bracket classes of
    /// plain members, optional groups of such), then one of `literals`. Arabic keywords are
    /// written after their clitics, `{pre}ق{k}ر{k}ا{k}ر` (`والقرار`, `بقرار`): no literal
    /// starts every match, but every match reaches `قرار` through clitic letters only, so
    /// the places to try are `قرار`'s and the few before it that such letters lead from,
    /// instead of every place of the unit.
    struct Lead: Sendable {
        var literals: Set<Literal> = []
        var units: Set<UInt16> = []
        /// Whether a match may hold no literal of `literals` where it starts: it is made of
        /// `units` only (or nothing), and what comes after decides (while reading).
        var open = true
    }

    /// The pattern's `Lead`, when every match has one: nil when some way through it starts
    /// with anything else (a space, `\d`, `\p{L}`, `.`), may be made of the set's characters
    /// alone, or holds a `\G` anywhere but at the start of an alternative a match starts with
    /// (as for `starts(of:)`). Like the rest of the analysis it may be weak, never wrong.
    static func lead(of pattern: String) -> Lead? {
        var reader = LeadReader(s: Array(pattern.unicodeScalars))
        let lead = reader.alternation()
        guard !reader.failed, reader.i == reader.s.count,
              ICURegex.continuations(in: pattern) == reader.continuationsAtStart, !reader.continuationRepeated,
              let lead, !lead.open, !lead.literals.isEmpty,
              !lead.literals.contains(where: { $0.units.isEmpty }) else { return nil }
        return lead
    }

    /// Reads a pattern for its `Lead`. Per alternation, sequence and group: its lead (nil:
    /// anything may start it), and every character it may consume, case-folded (nil: not a
    /// finite set). An optional part made of a finite set of characters (`(?:[بك]ال|لل)?`)
    /// adds its characters to the lead's set, not its literals: the literal after it is
    /// the rarer place to start from.
    private struct LeadReader: PatternCursor {
        typealias Reading = (lead: Lead?, chars: Set<UInt16>?)
        let s: [Unicode.Scalar]
        var i = 0
        var failed = false
        /// As the parser's (`Parser.startPosition` and after): whether what is read next is
        /// where a match starts, the `\G(?<=x)` alternatives read there, and whether a group
        /// holding one is quantified.
        var startPosition = true
        var continuationsAtStart = 0
        var continuationRepeated = false

        mutating func alternation() -> Lead? { alternatives().lead }

        mutating func alternatives() -> Reading {
            var result: Lead? = Lead(open: false)
            var chars: Set<UInt16>? = []
            var first = true
            let entry = startPosition
            defer { startPosition = false }
            repeat {
                if !first { i += 1 }
                first = false
                startPosition = entry
                if entry, startsWithContinuation() {
                    // A match through it starts where the previous one ended (tried there):
                    // what the match starts with is the other alternatives'. What the group
                    // may consume is left unknown.
                    continuationsAtStart += 1
                    i += 2
                    _ = sequence()
                    chars = nil
                    continue
                }
                let alternative = sequence()
                if let a = alternative.lead, var r = result {
                    r.literals.formUnion(a.literals)
                    r.units.formUnion(a.units)
                    r.open = r.open || a.open
                    result = r
                } else {
                    result = nil
                }
                if let c = alternative.chars, chars != nil { chars!.formUnion(c) } else { chars = nil }
            } while peek() == "|" && !failed
            return (result, chars)
        }

        mutating func sequence() -> Reading {
            let entry = startPosition, sequenceStart = i
            startPosition = false
            var lead: Lead? = Lead()
            var chars: Set<UInt16>? = []
            var run = [Unicode.Scalar]()
            // An element read while no literal has closed the lead yet.
            func add(_ element: Lead?) {
                guard let current = lead, current.open else { return }
                guard let element else { lead = nil; return }
                lead = Lead(literals: current.literals.union(element.literals), units: current.units.union(element.units), open: element.open)
            }
            func consume(_ elementChars: Set<UInt16>?) {
                if let elementChars, chars != nil { chars!.formUnion(elementChars) } else { chars = nil }
            }
            func flush() {
                guard !run.isEmpty else { return }
                let units = Prescan.folded(units: Prescan.utf16(run))
                add(Lead(literals: [Literal(units: units)], open: false))
                consume(Set(units))
                run = []
            }
            // A literal character (`quantified`: its quantifier's minimum): part of the run;
            // a repeated one ends it (`ab+c` starts with `ab`, not `abc`); an optional one is
            // one of the lead's characters.
            func literal(_ c: Unicode.Scalar, quantified: Int?) {
                if quantified == nil {
                    run.append(c)
                } else if quantified! >= 1 {
                    run.append(c)
                    flush()
                } else {
                    flush()
                    let units = Prescan.classUnits([c])
                    add(units.map { Lead(units: $0, open: true) })
                    consume(units)
                }
            }
            while let c = peek(), c != "|", c != ")", !failed {
                let elementStart = i
                switch c {
                case "(":
                    // Optional marks between letters (`{k}`) do not end a run: the scan steps
                    // over them in the text.
                    if skipIgnorableGroup() { continue }
                    flush()
                    startPosition = entry && elementStart == sequenceStart
                    let continuationsBefore = continuationsAtStart
                    let (inner, consumes) = group()
                    startPosition = false
                    let quantified = quantifier()
                    if quantified != nil, continuationsAtStart > continuationsBefore { continuationRepeated = true }
                    let min = quantified ?? 1
                    guard consumes else { continue }
                    consume(inner.chars)
                    if min >= 1 {
                        add(inner.lead)
                    } else if let innerChars = inner.chars {
                        add(Lead(units: innerChars, open: true))
                    } else {
                        add(inner.lead.map { var l = $0; l.open = true; return l })
                    }
                case "[":
                    let start = i
                    skipClass()
                    let end = i
                    let min = quantifier() ?? 1
                    if min == 0, Prescan.isIgnorableClass(s[start..<end]) { continue }
                    flush()
                    let units = Prescan.classUnits(s[start..<end])
                    add(units.map { Lead(units: $0, open: true) })
                    consume(units)
                case "\\":
                    guard let n = peek(1) else { failed = true; return (nil, nil) }
                    if !Parser.isAlphanumeric(n) {
                        i += 2
                        literal(n, quantified: quantifier())
                        continue
                    }
                    flush()
                    i += 2
                    switch n {
                    case "b", "B", "A", "z", "Z":  // assertions: nothing consumed
                        _ = quantifier()
                        continue
                    case "p", "P", "N", "x": if peek() == "{" { skip(past: "}") } else if n == "x" { i += 2 } else { i += 1 }
                    case "u": i += 4
                    case "U": i += 8
                    case "c": i += 1
                    case "k": skip(past: ">")
                    case "Q", "0", "G": failed = true; return (nil, nil)
                    case "1"..."9": while let d = peek(), ("0"..."9").contains(d) { i += 1 }
                    default: break  // \s \w \d …
                    }
                    _ = quantifier()
                    add(nil)
                    consume(nil)
                case "^", "$":
                    flush()
                    i += 1
                    _ = quantifier()
                case ".":
                    flush()
                    i += 1
                    _ = quantifier()
                    add(nil)
                    consume(nil)
                case "*", "+", "?", "{":
                    failed = true
                    return (nil, nil)
                default:
                    i += 1
                    if c == " " || (c.value > 0x7F && c.properties.isWhitespace) || ("\t"..."\r").contains(c) {
                        flush()
                        _ = quantifier()
                        add(nil)
                        consume(nil)
                    } else {
                        literal(c, quantified: quantifier())
                    }
                }
            }
            flush()
            return (lead, chars)
        }

        /// A group at `(`: its reading, and whether it consumes anything (not a look-around,
        /// a comment or flags alone).
        mutating func group() -> (Reading, Bool) {
            i += 1
            var consumes = true
            if peek() == "?" {
                i += 1
                switch peek() {
                case ":", ">": i += 1
                case "=", "!": i += 1; consumes = false
                case "#": skip(past: ")"); return ((nil, nil), false)
                case "<":
                    if peek(1) == "=" || peek(1) == "!" { i += 2; consumes = false } else { skip(past: ">") }
                default:
                    var flags = ""
                    while let f = peek(), f != ":", f != ")" { flags.unicodeScalars.append(f); i += 1 }
                    if flags.unicodeScalars.contains("x") || peek() == nil { failed = true; return ((nil, nil), false) }
                    if peek() == ")" { i += 1; return ((nil, nil), false) }
                    i += 1
                }
            }
            // What a look-around holds is not where the match starts.
            if !consumes { startPosition = false }
            let inner = alternatives()
            guard peek() == ")" else { failed = true; return ((nil, nil), false) }
            i += 1
            return (inner, consumes)
        }

    }

    /// The case-folded units of a bracket class of plain members, `\x{…}` escapes and
    /// ranges (`[وف]`, `[بلك]`), or of one character; nil for anything else (a negated or
    /// nested class, a property, a character that folds to more than one unit, more than
    /// 256 members).
    static func classUnits(_ cls: ArraySlice<Unicode.Scalar>) -> Set<UInt16>? {
        let members: [UInt32]
        if cls.count == 1, let only = cls.first {
            members = [only.value]
        } else {
            guard let listed = classMembers(cls) else { return nil }
            members = listed
        }
        guard members.count <= 256 else { return nil }
        var units = Set<UInt16>()
        for member in members {
            guard member <= 0xFFFF, (member < 0xD800 || member > 0xDFFF) else { return nil }
            let unit = UInt16(member)
            if isIgnorable(unit) { continue }
            var folded = [UInt16](repeating: 0, count: 4)
            let n = concord_case_fold([unit], 1, &folded, 4)
            guard n == 1 else { return nil }
            units.insert(folded[0])
        }
        return units
    }

    /// The literals (or digits) a match must start with, when the pattern says so: every way
    /// through it begins with a literal run, a digit or a plain word form, and it cannot
    /// match nothing. Nil otherwise. A pattern whose `\G` all begin alternatives a match
    /// starts with (`(?:{article}\s+|\G(?<=\d)، )\d+`) has the starts of its other
    /// alternatives: a match through such a `\G` starts where the previous one ended, which
    /// `ICURegex.matches(in:startingOnlyAt:)` tries as well. Nil for any other `\G`.
    static func starts(of pattern: String) -> Clause? { analyze(pattern).starts }

    private struct Parser: PatternCursor {
        let s: [Unicode.Scalar]
        var i = 0
        var failed = false

        init(_ s: [Unicode.Scalar]) { self.s = s }

        /// A letter or digit after a backslash makes an escape (`\d`, `\p`); anything else
        /// is the character itself (`\.`). ASCII decided without Unicode property lookups.
        static func isAlphanumeric(_ c: Unicode.Scalar) -> Bool {
            if c.isASCII { return ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) }
            return c.properties.isAlphabetic || c.properties.numericType != nil
        }

        /// Whether the last alternation read was made of plain literals only (`(?:a|bc)`):
        /// then each literal is a whole alternative, and word boundaries around the group
        /// apply to each.
        var pure = false
        /// What the last alternation or sequence read can start with (nil: anything — a
        /// class, `.`, an escape), and whether it can match nothing at all.
        var first: Clause? = Clause()
        var nullable = false
        /// Whether the last group read consumes nothing (a look-around or a comment).
        var zeroWidth = false
        /// Whether what is read next is where a match starts: nothing has been read before it
        /// on the way from the pattern's start (groups opened, alternatives begun).
        var startPosition = true
        /// The `\G(?<=x)` alternatives read where a match starts: a match through one starts
        /// where the previous match ended, and the starts are those of the other alternatives.
        var continuationsAtStart = 0
        /// Whether a group holding such an alternative is quantified (may be skipped or
        /// repeated): then its `\G` is not where the match starts.
        var continuationRepeated = false

        /// `a|b|c` up to a closing parenthesis or the end.
        mutating func alternation() -> [Clause] {
            var alternatives = [[Clause]]()
            var continuations = 0
            var allPure = true
            var firsts: Clause? = Clause()
            var anyNullable = false
            let entry = startPosition
            repeat {
                if !alternatives.isEmpty || continuations > 0 { i += 1 }
                startPosition = entry
                // `\G(?<=x)…` matches only where a previous match of the same pattern ended
                // (at the start of the text the look-behind fails): what the other
                // alternatives need, every match chain needs.
                let continuation = startsWithContinuation()
                let alternative = sequence()
                allPure = allPure && pure
                if continuation && entry {
                    // Where a match starts: such a match starts where the previous one ended
                    // (tried there), so what the match starts with is the other alternatives'.
                    continuationsAtStart += 1
                } else {
                    // In place (`firsts!`): a copy taken out of the optional would copy the
                    // whole set for every alternative of a long list of forms.
                    if let f = first, firsts != nil { firsts!.formUnion(f) } else { firsts = nil }
                    anyNullable = anyNullable || nullable
                }
                if continuation { continuations += 1 } else { alternatives.append(alternative) }
            } while peek() == "|"
            startPosition = false
            first = firsts
            nullable = anyNullable
            pure = allPure && continuations == 0
            if alternatives.isEmpty { pure = false; return [] }
            if alternatives.count == 1 { return alternatives[0] }
            var union = Clause()
            for alternative in alternatives {
                // Each alternative's most selective clause; one that needs nothing makes the
                // whole alternation need nothing.
                guard let best = alternative.max(by: { $0.strength < $1.strength }) else { return [] }
                union.formUnion(best)
            }
            return [union]
        }

        /// `(?<![\p{L}\p{N}])` and `(?![\p{L}\p{N}])` as the rules write them, with or without
        /// the case-sensitive wrappers `SetForms.rewrite` adds (there with U+0345, which
        /// ICU's case closure of `\p{L}` holds too).
        static let letterOrNumberBefore = boundaries("(?<!")
        static let letterOrNumberAfter = boundaries("(?!")
        private static func boundaries(_ open: String) -> [[Unicode.Scalar]] {
            let set = "[\\p{L}\\p{N}]"
            return [open + set + ")", "(?-i:" + open + set + "))", open + "(?-i:" + set + "))",
                    "(?-i:" + open + "(?-i:" + set + ")))", open + "(?-i:[\\p{L}\\p{N}\\x{345}]))"].map { Array($0.unicodeScalars) }
        }

        /// Consumes one of `texts` if the pattern continues with it here.
        mutating func consume(_ texts: [[Unicode.Scalar]]) -> Bool {
            for text in texts where i + text.count <= s.count && s[i..<(i + text.count)].elementsEqual(text) {
                i += text.count
                return true
            }
            return false
        }

        mutating func sequence() -> [Clause] {
            let entry = startPosition, sequenceStart = i
            startPosition = false
            var clauses = [Clause]()
            var run = [Unicode.Scalar]()
            var atoms = 0  // runs flushed and other atoms read: one run alone is a pure sequence
            var boundaryBefore = false  // just after `(?<![\p{L}\p{N}])`
            var wordBoundaryBefore = false  // just after `\b`
            var wordGroup: Int?  // the clause of a pure group just read, that a boundary after it applies to
            // What a match can start with: while every element so far can match nothing
            // (`open`), the next one's start is a possible start too.
            var starts: Clause? = Clause()
            var open = true
            func start(_ what: Clause?) {
                guard open else { return }
                if let what, starts != nil { starts!.formUnion(what) } else { starts = nil }
            }
            func flush() {
                if !run.isEmpty {
                    let literal = Clause(literals: [Literal(units: Prescan.folded(units: Prescan.utf16(run)))])
                    clauses.append(literal)
                    start(literal)
                    open = false
                    atoms += 1
                }
                run = []
            }
            while let c = peek(), c != "|", c != ")", !failed {
                let elementStart = i
                var literal: Unicode.Scalar?
                let before = boundaryBefore, group = wordGroup, afterBoundary = wordBoundaryBefore || boundaryBefore
                boundaryBefore = false
                wordBoundaryBefore = false
                wordGroup = nil
                switch c {
                case "(":
                    if skipIgnorableGroup() {
                        // Marks before any letter: a match may start with them.
                        if run.isEmpty { start(nil) }
                        boundaryBefore = before; wordGroup = group; continue
                    }
                    flush()
                    atoms += 1
                    if consume(Self.letterOrNumberBefore) { boundaryBefore = true; continue }
                    if consume(Self.letterOrNumberAfter) {
                        if let group {
                            clauses[group].literals = Set(clauses[group].literals.map { var l = $0; l.wordEnd = true; return l })
                        }
                        continue
                    }
                    startPosition = entry && elementStart == sequenceStart
                    let continuationsBefore = continuationsAtStart
                    let (inner, counts) = self.group()
                    startPosition = false
                    let wasPure = pure
                    let quantified = quantifier()
                    if quantified != nil, continuationsAtStart > continuationsBefore { continuationRepeated = true }
                    let min = quantified ?? 1
                    if !zeroWidth {
                        if var f = first, before, wasPure {
                            f.literals = Set(f.literals.map { var l = $0; l.wordStart = true; return l })
                            f.digitInWord = false
                            start(f)
                        } else if var f = first, afterBoundary {
                            // Every start of the group stands right after the boundary.
                            f.digitInWord = false
                            start(f)
                        } else {
                            start(first)
                        }
                        if min >= 1, !nullable { open = false }
                    }
                    if counts, min >= 1 {
                        if quantified == nil, wasPure, inner.count == 1, !inner[0].digit {
                            var clause = inner[0]
                            if before { clause.literals = Set(clause.literals.map { var l = $0; l.wordStart = true; return l }) }
                            clauses.append(clause)
                            wordGroup = clauses.count - 1
                        } else {
                            clauses += inner
                        }
                    }
                case "[":
                    atoms += 1
                    // Optional Arabic vowel marks or tatweel between letters (`ق{k}ر{k}ا{k}ر`)
                    // do not break a literal: the scan skips them in the text too.
                    let classStart = i
                    skipClass()
                    let end = i
                    let min = quantifier() ?? 1
                    if min == 0, Prescan.isIgnorableClass(s[classStart..<end]) {
                        if run.isEmpty { start(nil) }
                        continue
                    }
                    flush()
                    start(nil)
                    if min >= 1 { open = false }
                case "\\":
                    i += 1
                    guard let n = peek() else { failed = true; return [] }
                    i += 1
                    guard Self.isAlphanumeric(n) else {
                        literal = n  // \. \( \/ …
                        break
                    }
                    flush()
                    atoms += 1
                    switch n {
                    case "d":
                        start(Clause(digit: true, digitInWord: !afterBoundary))
                        if (quantifier() ?? 1) >= 1 { clauses.append(Clause(digit: true)); open = false }
                        continue
                    case "b", "B", "G", "A", "z", "Z":
                        // Assertions: nothing consumed. A `\b` the next atom starts after.
                        if n == "b", quantifier() == nil { wordBoundaryBefore = true; continue }
                        _ = quantifier()
                        continue
                    case "p", "P", "N", "x":
                        if peek() == "{" { skip(past: "}") } else if n == "x" { i += 2 } else { i += 1 }
                    case "u": i += 4
                    case "U": i += 8
                    case "c": i += 1
                    case "k": skip(past: ">")
                    case "Q", "0": failed = true; return []  // quoting, octal: not worth reading
                    case "1"..."9":  // a back reference: may match nothing
                        while let d = peek(), ("0"..."9").contains(d) { i += 1 }
                        start(nil)
                        _ = quantifier()
                        continue
                    default: break  // \s \w …: nothing literal
                    }
                    start(nil)
                    if (quantifier() ?? 1) >= 1 { open = false }
                case ".", "^", "$":
                    flush()
                    atoms += 1
                    i += 1
                    let min = quantifier() ?? 1
                    if c == "." {
                        start(nil)
                        if min >= 1 { open = false }
                    }
                case "*", "+", "?", "{":
                    failed = true
                    return []
                default:
                    i += 1
                    if c == " " || (c.value > 0x7F && c.properties.isWhitespace) || ("\t"..."\r").contains(c) {
                        flush()
                        atoms += 1
                        start(nil)
                        if (quantifier() ?? 1) >= 1 { open = false }
                    } else {
                        literal = c
                    }
                }
                // A literal character is part of the run unless a quantifier makes it
                // optional; a repeated one ends the run.
                if let literal {
                    switch quantifier() {
                    case nil: run.append(literal)
                    case let min? where min >= 1: run.append(literal); flush(); atoms += 1
                    default:
                        flush()
                        atoms += 1
                        start(Clause(literals: [Literal(units: Prescan.folded(String(literal)))]))
                    }
                }
            }
            flush()
            pure = atoms == 1 && clauses.count == 1 && !clauses[0].digit
            first = starts
            nullable = open
            return clauses
        }

        /// A group at `(`: what it needs, and whether that counts (not for a negative
        /// look-around or a comment).
        mutating func group() -> ([Clause], Bool) {
            pure = false
            i += 1
            var counts = true
            var lookaround = false
            defer { zeroWidth = lookaround || !counts }
            if peek() == "?" {
                i += 1
                switch peek() {
                case ":", ">": i += 1
                // What a look-ahead or look-behind asserts is in the unit too: it counts.
                case "=": i += 1; lookaround = true
                case "!": i += 1; counts = false
                case "#": skip(past: ")"); return ([], false)
                case "<":
                    if peek(1) == "=" { i += 2; lookaround = true } else if peek(1) == "!" { i += 2; counts = false } else { skip(past: ">") }
                default:
                    // Flags: (?i) (?-i:…); free spacing (x) changes what a literal is.
                    var flags = ""
                    while let f = peek(), f != ":", f != ")" { flags.unicodeScalars.append(f); i += 1 }
                    if flags.unicodeScalars.contains("x") || peek() == nil { failed = true; return ([], false) }
                    if peek() == ")" { i += 1; return ([], false) }
                    i += 1
                }
            }
            // What a look-around holds is not where the match starts.
            if lookaround || !counts { startPosition = false }
            let inner = alternation()
            guard peek() == ")" else { failed = true; return ([], false) }
            i += 1
            return (inner, counts)
        }

    }

    /// The full case folding of a literal, as the text will be compared (ignorable marks
    /// left out, as the scan leaves them out of the text).
    static func folded(_ text: String) -> [UInt16] { folded(units: text.utf16Array) }

    /// Scalars as UTF-16 code units.
    static func utf16(_ scalars: [Unicode.Scalar]) -> [UInt16] {
        var units = [UInt16]()
        units.reserveCapacity(scalars.count)
        for scalar in scalars { if let encoded = UTF16.encode(scalar) { units.append(contentsOf: encoded) } }
        return units
    }

    static func folded(units: [UInt16]) -> [UInt16] {
        var output = [UInt16](repeating: 0, count: units.count * 3 + 4)
        let n = concord_case_fold(units, Int64(units.count), &output, Int32(clamping: output.count))
        let folded = n >= 0 && Int(n) <= output.count ? Array(output[0..<Int(n)]) : units
        return folded.filter { !isIgnorable($0) }
    }

    /// Arabic tatweel, harakat and the superscript alef: written or not between the letters
    /// of a word, and skipped by the scan.
    static func isIgnorable(_ unit: UInt16) -> Bool {
        unit == 0x0640 || (0x064B...0x0652).contains(unit) || unit == 0x0670
    }

    /// `0640` of `\x{0640}`, without making a String of it; nil when not hexadecimal.
    private static func hexValue(_ digits: ArraySlice<Unicode.Scalar>) -> UInt32? {
        guard !digits.isEmpty, digits.count <= 8 else { return nil }
        var value: UInt32 = 0
        for d in digits {
            guard d.isASCII, let digit = hexDigit(UInt8(d.value)) else { return nil }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private static func hexDigit(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// Whether a bracket class (`[\x{0640}\x{064B}-\x{0652}\x{0670}]`) holds ignorable
    /// characters only. Only plain members, `\x{…}` escapes and ranges are read; anything
    /// else is not ignorable.
    static func isIgnorableClass(_ cls: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let members = classMembers(cls) else { return false }
        return !members.isEmpty && members.allSatisfy { $0 <= 0xFFFF && isIgnorable(UInt16($0)) }
    }

    /// The members of a bracket class of plain members, `\x{…}` escapes and ranges; nil for
    /// any other class.
    static func classMembers(_ cls: ArraySlice<Unicode.Scalar>) -> [UInt32]? {
        var chars = Array(cls)
        guard chars.first == "[", chars.last == "]", chars.count > 2 else { return nil }
        chars = Array(chars[1..<(chars.count - 1)])
        var members = [UInt32]()
        var i = 0
        var range = false
        while i < chars.count {
            var value: UInt32
            if chars[i] == "\\" {
                guard i + 2 < chars.count, chars[i + 1] == "x", chars[i + 2] == "{",
                      let close = chars[(i + 3)...].firstIndex(of: "}"),
                      let v = hexValue(chars[(i + 3)..<close]) else { return nil }
                value = v
                i = close + 1
            } else if chars[i] == "-", !members.isEmpty, !range {
                range = true
                i += 1
                continue
            } else if "[]^&".unicodeScalars.contains(chars[i]) {
                return nil
            } else {
                value = chars[i].value
                i += 1
            }
            if range, let low = members.last {
                guard low <= value, value - low <= 0x1000 else { return nil }
                members += Array(low...value)
                range = false
            } else {
                members.append(value)
            }
        }
        return range ? nil : members
    }
}

/// What the pattern readers of the pre-scan (`Prescan.Parser`, `Prescan.LeadReader`) share: a
/// place in a pattern's scalars, and the reading of quantifiers, bracket classes and groups
/// of ignorable marks.
private protocol PatternCursor {
    var s: [Unicode.Scalar] { get }
    var i: Int { get set }
    var failed: Bool { get set }
}

extension PatternCursor {
    func peek(_ offset: Int = 0) -> Unicode.Scalar? { i + offset < s.count ? s[i + offset] : nil }

    /// `\G(?<=` + one character, class or escape + `)`: a look-behind that needs a
    /// character before the match, right after `\G`. The character may be wrapped in
    /// `(?-i:…)`, as `SetForms` writes a class of properties.
    func startsWithContinuation() -> Bool {
        guard peek() == "\\", peek(1) == "G", peek(2) == "(", peek(3) == "?", peek(4) == "<", peek(5) == "=" else { return false }
        var probe = self
        probe.i += 6
        let wrapped = probe.peek() == "(" && probe.peek(1) == "?" && probe.peek(2) == "-" && probe.peek(3) == "i" && probe.peek(4) == ":"
        if wrapped { probe.i += 5 }
        switch probe.peek() {
        case "[": probe.skipClass()
        case "\\":
            guard let n = probe.peek(1), ["d", "w"].contains(n) || (n == "p" && probe.peek(2) == "{") else { return false }
            if n == "p" { probe.i += 2; probe.skip(past: "}") } else { probe.i += 2 }
        case nil, "(", ")", "|", ".": return false
        default: probe.i += 1
        }
        if wrapped {
            guard probe.peek() == ")" else { return false }
            probe.i += 1
        }
        return !probe.failed && probe.peek() == ")"
    }

    /// `(?:[ignorable]*)` (a fragment such as Arabic `{k}`): stepped over without ending
    /// the literal run.
    mutating func skipIgnorableGroup() -> Bool {
        guard peek(1) == "?", peek(2) == ":", peek(3) == "[" else { return false }
        var probe = self
        probe.i += 3
        let start = probe.i
        probe.skipClass()
        let end = probe.i
        guard !probe.failed, probe.quantifier() == 0, probe.peek() == ")",
              Prescan.isIgnorableClass(s[start..<end]) else { return false }
        probe.i += 1
        guard (probe.quantifier() ?? 1) >= 0 else { return false }
        i = probe.i
        return true
    }

    /// A quantifier after an atom: its minimum count, or nil when there is none.
    mutating func quantifier() -> Int? {
        guard let q = peek() else { return nil }
        var min: Int
        switch q {
        case "?", "*": min = 0; i += 1
        case "+": min = 1; i += 1
        case "{":
            guard let d = peek(1), ("0"..."9").contains(d) else { return nil }
            i += 1
            var digits = ""
            while let c = peek(), ("0"..."9").contains(c) { digits.unicodeScalars.append(c); i += 1 }
            min = Int(digits) ?? 0
            skip(past: "}")
        default: return nil
        }
        if peek() == "?" || peek() == "+" { i += 1 }
        return min
    }

    /// A bracket class, nested classes and escapes included.
    mutating func skipClass() {
        i += 1
        var depth = 1
        if peek() == "^" { i += 1 }
        if peek() == "]" { failed = true; return }  // `[]…]`: not worth reading
        while let c = peek(), depth > 0 {
            i += 1
            if c == "\\" { i += 1 } else if c == "[" { depth += 1 } else if c == "]" { depth -= 1 }
        }
        if depth > 0 { failed = true }
    }

    mutating func skip(past end: Unicode.Scalar) {
        while let c = peek() {
            i += 1
            if c == end { return }
        }
        failed = true
    }
}

/// Lists of numbers laid out one after the other: list `k` is `items[offsets[k]..<offsets[k + 1]]`.
struct FlatLists: Sendable {
    let offsets: [Int32]
    let items: [Int32]

    init(_ lists: [[Int32]]) {
        var offsets = [Int32]()
        offsets.reserveCapacity(lists.count + 1)
        var items = [Int32]()
        for list in lists {
            offsets.append(Int32(items.count))
            items += list
        }
        offsets.append(Int32(items.count))
        self.offsets = offsets
        self.items = items
    }
}

/// Aho–Corasick over case-folded UTF-16 units, as a full transition table over the few
/// characters the literals use (every other character leads back to the root).
struct LiteralScanner: Sendable {
    struct Found {
        /// The literals found, each once, in the order first found.
        var present: [Int32]
        var digit: Bool
        /// Positional literals found, in the order they end: (literal, start).
        var hits: [(id: Int32, start: Int32)]
        /// Where the digits are (ascending).
        var digitPositions: [Int32]
    }

    /// Unit → character class (0: in no literal); `unsafe` for a unit whose folding is not one unit.
    private let classes: [UInt16]
    static let unsafe: UInt16 = 0xFFFF
    /// Class of the units the scan steps over (`Prescan.isIgnorable`).
    private static let skipped: UInt16 = 0xFFFE
    private let width: Int
    private let next: [Int32]
    /// Literals ending at each node: `outputs[outputStart[n]..<outputStart[n + 1]]`.
    private let outputStart: [Int32]
    private let outputs: [Int32]
    private let literalCount: Int
    /// Per literal: its length in units, and the word boundaries it needs.
    private let lengths: [Int]
    private let wordStart: [Bool]
    private let wordEnd: [Bool]
    private let anyBoundary: Bool
    private let positional: [Bool]
    private let longest: Int

    /// ICU's general categories of BMP units: 1 for letters and numbers (`[\p{L}\p{N}]`),
    /// 2 for decimal digits (`\d`, which matches more than ASCII). The build's copy when it was
    /// made with this ICU (`DerivedTables.embedded`), else from ICU.
    static let categories: [UInt8] = DerivedTables.embedded("letter-number", versions: [ICU.version], count: 0x10000)
        ?? derivedCategories() ?? { preconditionFailure("the category table has room for every BMP unit") }()

    /// ICU's case folding of every BMP unit: the build's copy, else computed once per ICU
    /// version and kept in the cache folder (`DerivedTables`: 64K folds were a millisecond or
    /// two of every start).
    static let foldTable: [UInt16] = DerivedTables.units("case-fold", versions: [ICU.version]) { derivedFoldTable() }
        ?? { preconditionFailure("the case-fold table has room for every BMP unit") }()

    /// `foldTable` read backwards, once per process: per folded unit, the units that fold to
    /// it (`items[offsets[f]..<offsets[f + 1]]`, ascending); the units whose folding the scan
    /// steps over (`Prescan.isIgnorable`); the units whose folding is not one unit.
    static let folding: (offsets: [Int32], items: [UInt16], skipped: [UInt16], unsafe: [UInt16]) = {
        // Through buffer pointers: indexed arrays checked every one of the 128K reads and
        // writes (3 % of a one-document check).
        var counts = [Int32](repeating: 0, count: 0x10001)
        var skipped = [UInt16](), unsafe = [UInt16]()
        var items = [UInt16]()
        foldTable.withUnsafeBufferPointer { fold in
            precondition(fold.count == 0x10000)
            counts.withUnsafeMutableBufferPointer { counts in
                for unit in 0..<0x10000 {
                    let folded = fold[unit]
                    if folded == Self.unsafe { unsafe.append(UInt16(unit)); continue }
                    if Prescan.isIgnorable(folded) { skipped.append(UInt16(unit)); continue }
                    counts[Int(folded) + 1] += 1
                }
                for f in 0..<0x10000 { counts[f + 1] += counts[f] }
                var fill = Array(counts)
                items = [UInt16](repeating: 0, count: Int(counts[0x10000]))
                fill.withUnsafeMutableBufferPointer { fill in
                    items.withUnsafeMutableBufferPointer { items in
                        for unit in 0..<0x10000 {
                            let folded = fold[unit]
                            guard folded != Self.unsafe, !Prescan.isIgnorable(folded) else { continue }
                            items[Int(fill[Int(folded)])] = UInt16(unit)
                            fill[Int(folded)] += 1
                        }
                    }
                }
            }
        }
        return (counts, items, skipped, unsafe)
    }()

    /// `categories` from ICU, now (nil: ICU could not give it).
    static func derivedCategories() -> [UInt8]? {
        var table = [UInt8](repeating: 0, count: 0x10000)
        let status = table.withUnsafeMutableBufferPointer { concord_letter_number_table($0.baseAddress, Int32($0.count)) }
        return status == 0 ? table : nil
    }

    /// `foldTable` from ICU, now (nil: ICU could not give it).
    static func derivedFoldTable() -> [UInt16]? {
        var table = [UInt16](repeating: 0, count: 0x10000)
        let status = table.withUnsafeMutableBufferPointer { concord_case_fold_table($0.baseAddress, Int32($0.count)) }
        return status == 0 ? table : nil
    }

    init(_ all: [Prescan.Literal], positional: Set<Int32> = []) {
        literalCount = all.count
        self.positional = all.indices.map { positional.contains(Int32($0)) }
        // Closures, not key paths: each key path read went through the runtime
        // (`swift_getAtKeyPath`, 1 % of a one-document run).
        longest = max(1, all.map { $0.units.count }.max() ?? 1)
        let literals = all.map { $0.units }
        lengths = literals.map { $0.count }
        wordStart = all.map { $0.wordStart }
        wordEnd = all.map { $0.wordEnd }
        anyBoundary = all.contains { $0.wordStart || $0.wordEnd }
        var classOf = [UInt16](repeating: 0, count: 0x10000)
        var literalUnits = [UInt16]()  // the distinct units of the literals, by class
        var width = 1
        for literal in literals {
            for unit in literal where classOf[Int(unit)] == 0 {
                classOf[Int(unit)] = UInt16(width)
                literalUnits.append(unit)
                width += 1
            }
        }
        // Each unit's class is its folding's: written through the units that fold to each
        // literal unit, then the skipped and the unsafe ones over them (in that order of
        // precedence), instead of folding all 64K units for each scanner (a language's
        // patterns and its title pattern have one each).
        var classes = [UInt16](repeating: 0, count: 0x10000)
        let folding = Self.folding
        for (index, literalUnit) in literalUnits.enumerated() {
            let from = Int(folding.offsets[Int(literalUnit)]), to = Int(folding.offsets[Int(literalUnit) + 1])
            for k in from..<to { classes[Int(folding.items[k])] = UInt16(index + 1) }
        }
        for unit in folding.skipped { classes[Int(unit)] = Self.skipped }
        for unit in folding.unsafe { classes[Int(unit)] = Self.unsafe }
        self.classes = classes
        self.width = width

        // The trie, then failure links breadth first, folded into a full transition table.
        // The trie's edges are kept per node as well (few: most of a row leads back), so that
        // each node's row is its failure node's row, copied whole, with its own edges written
        // over it: the row of the failure node (shallower) is complete by then, instead of
        // every entry of the table (a row of `width` entries per node, thousands of nodes per
        // language) being filled one by one with a test each.
        var next = [Int32](repeating: -1, count: width)
        var edges = [[(unit: Int32, child: Int32)]]([[]])
        var ends = [[Int32]]([[]])
        for (id, literal) in literals.enumerated() {
            var node = 0
            for unit in literal {
                let c = Int(classOf[Int(unit)])
                if next[node * width + c] < 0 {
                    let child = Int32(ends.count)
                    next[node * width + c] = child
                    edges[node].append((Int32(c), child))
                    ends.append([])
                    edges.append([])
                    next.append(contentsOf: repeatElement(-1, count: width))
                }
                node = Int(next[node * width + c])
            }
            ends[node].append(Int32(id))
        }
        var failure = [Int](repeating: 0, count: ends.count)
        var queue = [Int]()
        queue.reserveCapacity(ends.count)
        // The root: its edges, and back to itself for every other class (the class of units
        // in no literal, 0, among them).
        for c in 0..<width where next[c] < 0 { next[c] = 0 }
        for edge in edges[0] { queue.append(Int(edge.child)) }
        var head = 0
        next.withUnsafeMutableBufferPointer { table in
            while head < queue.count {
                let node = queue[head]
                head += 1
                let fail = failure[node]
                ends[node] += ends[fail]
                let row = node * width, failRow = fail * width
                for edge in edges[node] {
                    failure[Int(edge.child)] = Int(table[failRow + Int(edge.unit)])
                    queue.append(Int(edge.child))
                }
                // (Distinct rows of one buffer: `fail` is shallower than `node`.)
                table.baseAddress!.advanced(by: row).update(from: table.baseAddress!.advanced(by: failRow), count: width)
                for edge in edges[node] { table[row + Int(edge.unit)] = edge.child }
            }
        }
        self.next = next
        var outputStart = [Int32]()
        var outputs = [Int32]()
        for node in ends.indices {
            outputStart.append(Int32(outputs.count))
            outputs += ends[node]
        }
        outputStart.append(Int32(outputs.count))
        self.outputStart = outputStart
        self.outputs = outputs
    }

    /// The literals present in `units` and whether it holds an ASCII digit; nil when the text
    /// holds a unit the scan cannot compare (see `Prescan.candidates`).
    func scan(_ units: [UInt16]) -> Found? {
        var found = [Bool](filling: false, count: literalCount)
        var present = [Int32]()
        var hits = [(id: Int32, start: Int32)]()
        var digitPositions = [Int32]()
        var digit = false
        var node = 0
        var lastSkipped = -1
        // Where the last `longest` units the automaton read were (skipped marks are not
        // read): a literal's start, also across marks.
        var recent = [Int](filling: 0, count: longest)
        var slot = 0  // where the next read unit's place goes (a ring: no division per unit)
        let longest = self.longest, width = self.width, anyBoundary = self.anyBoundary
        let ok = units.withUnsafeBufferPointer { text -> Bool in
            Self.categories.withUnsafeBufferPointer { categories in
            classes.withUnsafeBufferPointer { classes in
            next.withUnsafeBufferPointer { next in
            outputStart.withUnsafeBufferPointer { outputStart in
            outputs.withUnsafeBufferPointer { outputs in
            lengths.withUnsafeBufferPointer { lengths in
            found.withUnsafeMutableBufferPointer { found in
            recent.withUnsafeMutableBufferPointer { recent in
                for position in 0..<text.count {
                    let unit = text[position]
                    let c = classes[Int(unit)]
                    if c == Self.unsafe { return false }
                    if c == Self.skipped { lastSkipped = position; continue }
                    if categories[Int(unit)] & 2 != 0 {
                        digit = true
                        digitPositions.append(Int32(position))
                    }
                    recent[slot] = position
                    slot = slot + 1 == longest ? 0 : slot + 1
                    node = Int(next[node * width + Int(c)])
                    let start = Int(outputStart[node]), end = Int(outputStart[node + 1])
                    guard start != end else { continue }
                    for k in start..<end {
                        let id = Int(outputs[k])
                        if anyBoundary {
                            // Where no unit was skipped inside it, the literal starts
                            // `length - 1` units back; elsewhere it counts (a superset).
                            let unskipped = position - lengths[id] + 1
                            if wordStart[id], lastSkipped < unskipped, unskipped > 0,
                               categories[Int(text[unskipped - 1])] & 1 != 0 { continue }
                            if wordEnd[id], position + 1 < text.count, categories[Int(text[position + 1])] & 1 != 0 { continue }
                        }
                        if !found[id] {
                            found[id] = true
                            present.append(Int32(id))
                        }
                        if positional[id] {
                            // `slot` is where the next read unit goes: the literal's first
                            // unit was read `length` places before it.
                            let back = slot - lengths[id]
                            hits.append((Int32(id), Int32(recent[back < 0 ? back + longest : back])))
                        }
                    }
                }
                return true
            }}}}}}}}
        }
        return ok ? Found(present: present, digit: digit, hits: hits, digitPositions: digitPositions) : nil
    }
}

extension ICURegex {
    /// The matches in `units` that one pattern's pre-scan `step` (`Prescan.comparablePlan`)
    /// lets through: none when it says the pattern cannot match, those starting at its places
    /// when it knows them, and all of them when there is no step (every pattern everywhere).
    func matches(in units: [UInt16], allowedBy step: (possible: Bool, starts: [Int32]?)?) -> [Match] {
        guard let step else { return matches(in: units) }
        guard step.possible else { return [] }
        return step.starts.map { matches(in: units, startingOnlyAt: $0) } ?? matches(in: units)
    }
}
