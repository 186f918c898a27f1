import CConcordZlib
import CICUShim
import Foundation
import Testing
@testable import Concord

/// The C shims' guards: lengths ICU cannot take, NULL pointers, capacities too small. Long
/// texts are not allocated: every length check runs before the text is read, so a short
/// buffer with a claimed length past 2^31 units reaches the guard and nothing else.
@Suite struct ShimLimitsTests {
    static let tooLong = Int64(Int32.max) + 1
    let text: [UInt16] = Array("a few words".utf16)

    @Test func theSwiftGuardTakesEveryLengthICUCanAndNoOther() throws {
        #expect(ICULimits.length(0) == 0)
        #expect(ICULimits.length(12) == 12)
        #expect(ICULimits.length(Int(Int32.max)) == Int32.max)
        #expect(ICULimits.length(Int(Int32.max) + 1) == nil)
        #expect(ICULimits.length(Int.max) == nil)
        #expect(ICULimits.length(-1) == nil)
        #expect(throws: ICUError.self) { try ICULimits.checkedLength(Int(Self.tooLong), operation: "fold") }
        do {
            _ = try ICULimits.checkedLength(5_000_000_000, operation: "fold")
        } catch {
            #expect(error.status == CONCORD_INPUT_TOO_LONG)
            #expect(error.description.contains("U_INPUT_TOO_LONG_ERROR"))
            #expect(error.description.contains("5000000000"))
        }
    }

    @Test func theReaderRefusesTextICUCannotTakeAndNamesTheFile() throws {
        try DocumentReader.checkLength(Int(Int32.max), file: "big.en.txt")
        let error = InputError(file: "big.en.txt", reason: .tooLong(units: Int(Self.tooLong), limit: ICULimits.maxUnits))
        #expect(throws: error) { try DocumentReader.checkLength(Int(Self.tooLong), file: "big.en.txt") }
        #expect(error.description.hasPrefix("big.en.txt: error: the text is 2147483648 UTF-16 units long"))
    }

    @Test func everyTextFunctionRefusesALengthPastInt32() throws {
        var status: Int32 = 0
        var out = [UInt16](repeating: 0, count: 4), starts = [Int32](repeating: 0, count: 4), ends = starts
        #expect(concord_fold(text, Self.tooLong, &out, 4, &starts, &ends, &status) == -1)
        #expect(status == CONCORD_INPUT_TOO_LONG)

        var offset: Int32 = 0
        #expect(concord_regex_open(text, Self.tooLong, 0, &status, &offset) == nil)
        #expect(status == CONCORD_INPUT_TOO_LONG)

        let regex = try #require(concord_regex_open(Array("w".utf16), 1, 0, &status, &offset))
        defer { concord_regex_close(regex) }
        var spans = [Int32](repeating: 0, count: 8)
        status = 0
        #expect(concord_regex_find_all(regex, text, Self.tooLong, &spans, 4, &status) == -1)
        #expect(status == CONCORD_INPUT_TOO_LONG)
        status = 0
        #expect(concord_regex_find_at(regex, text, Self.tooLong, [0], 1, 0, &spans, 4, &status) == -1)
        #expect(status == CONCORD_INPUT_TOO_LONG)

        let iterator = try #require(concord_break_open(0, "en", &status))
        defer { concord_break_close(iterator) }
        var pairs = [Int32](repeating: 0, count: 8)
        #expect(concord_break_segments(iterator, 1, text, Self.tooLong, &pairs, 4, &status) == -1)
        #expect(status == CONCORD_INPUT_TOO_LONG)

        #expect(concord_case_fold(text, Self.tooLong, &out, 4) == -1)
        let parser = try #require(concord_spellout_open("en", &status))
        defer { concord_spellout_close(parser) }
        var value: Int64 = 0
        #expect(concord_spellout_parse(parser, text, Self.tooLong, &value) == -1)
        // Negative lengths are a caller's bug, not a long text.
        #expect(concord_fold(text, -1, &out, 4, &starts, &ends, &status) == -1)
        #expect(status == CONCORD_ILLEGAL_ARGUMENT)
    }

    @Test func nullPointersGiveAnErrorNotACrash() throws {
        var status: Int32 = 0
        var out = [UInt16](repeating: 0, count: 4), starts = [Int32](repeating: 0, count: 4), ends = starts
        #expect(concord_fold(nil, 5, &out, 4, &starts, &ends, &status) == -1)
        #expect(status == CONCORD_ILLEGAL_ARGUMENT)
        #expect(concord_fold(text, Int64(text.count), nil, 4, &starts, &ends, &status) == -1)
        #expect(concord_fold(text, Int64(text.count), &out, 4, &starts, &ends, nil) == -1)
        // An empty text may come as NULL (Swift passes NULL for an empty array).
        #expect(concord_fold(nil, 0, &out, 4, &starts, &ends, &status) == 0)
        #expect(status == 0)
        #expect(concord_break_open(0, nil, &status) == nil)
        #expect(status == CONCORD_ILLEGAL_ARGUMENT)
        #expect(concord_break_open(7, "en", &status) == nil)
        var pairs = [Int32](repeating: 0, count: 8)
        #expect(concord_break_segments(nil, 1, text, Int64(text.count), &pairs, 4, &status) == -1)
        #expect(status == CONCORD_ILLEGAL_ARGUMENT)
        #expect(concord_regex_group_count(nil, &status) == -1)
        #expect(status == CONCORD_ILLEGAL_ARGUMENT)
        #expect(concord_regex_group_number(nil, "name") == -1)
        #expect(concord_regex_clone(nil, &status) == nil)
        var spans = [Int32](repeating: 0, count: 8)
        #expect(concord_regex_find_all(nil, text, Int64(text.count), &spans, 4, &status) == -1)
        #expect(concord_spellout_open(nil, &status) == nil)
        #expect(status == CONCORD_ILLEGAL_ARGUMENT)
        var value: Int64 = 0
        #expect(concord_spellout_parse(nil, text, Int64(text.count), &value) == -1)
        #expect(concord_script_counts(nil, 3, nil, 5) == -1)
        #expect(concord_case_fold(nil, 3, &out, 4) == -1)
        var version = [CChar](repeating: 0, count: 4)
        concord_icu_version(nil, 32)  // must not write anywhere
        concord_icu_version(&version, 4)
        #expect(version[3] == 0)
    }

    /// The script counts' shortcuts for common letters give ICU's answer for every code point
    /// (and a surrogate pair is counted as its code point).
    @Test func theScriptShortcutsAgreeWithICU() {
        var differing = [String]()
        for c in Int32(0)...0x10FFFF where concord_script_class(c, 1) != concord_script_class(c, 0) {
            differing.append(String(c, radix: 16))
        }
        #expect(differing.isEmpty, "\(differing.count): \(differing.prefix(10))")
        #expect(concord_script_class(0x41, 1) == 0 && concord_script_class(0x416, 1) == 1)
        #expect(concord_script_class(0x628, 1) == 2 && concord_script_class(0x4E2D, 1) == 3)
        #expect(concord_script_class(0x640, 1) == 4 || concord_script_class(0x640, 1) == 255)  // the tatweel: no Arabic letter
        #expect(concord_script_class(0x20, 1) == 255 && concord_script_class(0x110000, 1) == -1)
        let units = Array("Aж\u{628}中\u{20000}1".utf16)
        var counts = [Int64](repeating: 0, count: 5)
        #expect(concord_script_counts(units, Int64(units.count), &counts, 5) == 0)
        #expect(counts == [1, 1, 1, 2, 0])
        var scripts = [UInt8](repeating: 9, count: units.count)
        #expect(concord_unit_scripts(units, Int64(units.count), &scripts) == 0)
        #expect(scripts == [0, 1, 2, 3, 3, 3, 255])
    }

    /// The counts and the per-unit classes, which pass over eight ASCII units at a time, are
    /// those of the code points read one by one (`concord_script_class`; a surrogate pair is
    /// its code point, a lone surrogate none): over 3,000 seeded texts mixing ASCII runs with
    /// letters of every class, pairs and lone surrogates at every offset, and the seed.
    @Test func theScriptCountsAreThoseOfEachCodePoint() throws {
        let texts = try SeededUnits.texts(
            seed: 39_574, count: 3_000,
            pool: [0x40, 0x5B, 0x60, 0x7B, 0x7F, 0x80, 0xE9, 0x416, 0x628, 0x640, 0x4E2D, 0x3B1, 0xD840, 0xDC00, 0x31, 0x20],
            poolShare: 4, plain: 0x41...0x7A)
        var letters: Int64 = 0
        for units in texts {
            var expected = [Int64](repeating: 0, count: 5)
            var classes = [UInt8](repeating: 0, count: units.count)
            var i = 0
            while i < units.count {
                var c = Int32(units[i]), width = 1
                if UTF16.isLeadSurrogate(units[i]), i + 1 < units.count, UTF16.isTrailSurrogate(units[i + 1]) {
                    c = 0x10000 + ((Int32(units[i]) - 0xD800) << 10) + (Int32(units[i + 1]) - 0xDC00)
                    width = 2
                }
                let value = concord_script_class(c, 0)
                if value != 255 { expected[Int(value)] += 1 }
                for k in i..<(i + width) { classes[k] = UInt8(value) }
                i += width
            }
            var counts = [Int64](repeating: -1, count: 5)
            #expect(concord_script_counts(units, Int64(units.count), &counts, 5) == 0)
            #expect(counts == expected, "\(units.prefix(64))")
            var scripts = [UInt8](repeating: 9, count: units.count)
            #expect(concord_unit_scripts(units, Int64(units.count), &scripts) == 0)
            let differing = scripts.indices.first { scripts[$0] != classes[$0] }
            #expect(differing == nil, "unit \(differing ?? 0) of \(units.prefix(64))")
            letters += expected.reduce(0, +)
        }
        #expect(letters > 100_000)
    }

    /// The case-fold table (its shortcut for units that fold to themselves) gives, for every
    /// BMP unit, ICU's full case folding of it when that is one unit, else 0xFFFF.
    @Test func theCaseFoldTableIsICUsFolding() {
        var table = [UInt16](repeating: 0, count: 0x10000)
        #expect(concord_case_fold_table(&table, 0x10000) == 0)
        var differing = [String](), folded = 0
        for c in 0..<0x10000 where !(0xD800...0xDFFF).contains(c) {
            var unit = UInt16(c)
            var out = [UInt16](repeating: 0, count: 4)
            let n = concord_case_fold(&unit, 1, &out, 4)
            let expected: UInt16 = n == 1 ? out[0] : 0xFFFF
            if table[c] != expected { differing.append(String(c, radix: 16)) }
            if expected != UInt16(c) { folded += 1 }
        }
        #expect(differing.isEmpty, "\(differing.count): \(differing.prefix(10))")
        #expect(folded > 1_000)  // capitals of every script, and ß (two units: 0xFFFF)
        #expect(table[0x41] == 0x61 && table[0xDF] == 0xFFFF && table[0x61] == 0x61 && table[0x4E2D] == 0x4E2D)
    }

    @Test func aCapacityTooSmallIsRefusedOrReportedNeverOverrun() throws {
        var counts = [Int64](repeating: 7, count: 4)
        #expect(concord_script_counts(text, Int64(text.count), &counts, 4) == -1)
        #expect(counts == [7, 7, 7, 7])
        var table = [UInt16](repeating: 1, count: 100)
        #expect(concord_case_fold_table(&table, 100) == -1)
        #expect(table.allSatisfy { $0 == 1 })
        var categories = [UInt8](repeating: 1, count: 100)
        #expect(concord_letter_number_table(&categories, 100) == -1)
        var status: Int32 = 0
        var names = [UInt16](repeating: 0, count: 10)
        #expect(concord_month_names("en", 0, &names, 10, &status) == -1)
        #expect(status == 15)  // U_BUFFER_OVERFLOW_ERROR
        #expect(concord_month_names("en", 9, &names, 10, &status) == -1)
        #expect(status == CONCORD_ILLEGAL_ARGUMENT)
        // Kinds read together: none past the fourth, none before the first, at least one.
        for (first, count) in [(-1, 1), (0, 0), (3, 2), (0, 5), (4, 1)] as [(Int32, Int32)] {
            status = 0
            #expect(concord_month_names_kinds("en", first, count, &names, 10, &status) == -1, "\(first) \(count)")
            #expect(status == CONCORD_ILLEGAL_ARGUMENT)
        }
        #expect(concord_month_names_kinds("en", 0, 4, &names, 10, &status) == -1)
        #expect(status == 15)
        // Buffers too small for the result: the needed size comes back, nothing is written.
        var out = [UInt16](repeating: 0, count: 2), starts = [Int32](repeating: 0, count: 2), ends = starts
        #expect(concord_fold(text, Int64(text.count), &out, 2, &starts, &ends, &status) == Int32(text.count))
        var folded = [UInt16](repeating: 0, count: 2)
        #expect(concord_case_fold(text, Int64(text.count), &folded, 2) == Int32(text.count))
        // A group name ICU would see cut to 63 characters is no name at all.
        var offset: Int32 = 0
        let long = String(repeating: "g", count: 64)
        let regex = try #require(concord_regex_open(Array("(?<\(long)>x)".utf16), Int64(long.count + 6), 0, &status, &offset))
        defer { concord_regex_close(regex) }
        #expect(concord_regex_group_number(regex, long) == -1)
        #expect(concord_regex_group_count(regex, &status) == 1)
    }

    /// The four kinds read with one format are each kind read alone, in every official
    /// language's locale, in their order (`ru`: октября, format, and октябрь, stand-alone).
    @Test func monthNamesReadTogetherAreEachKindReadAlone() {
        for locale in ["ar", "en", "es", "fr", "ru", "zh"] {
            let together = LocaleData.monthNames(locale: locale, kinds: 0...3)
            #expect(together.count == 4, "\(locale)")
            for kind in Int32(0)...3 {
                let alone = LocaleData.monthNames(locale: locale, kind: kind)
                #expect(alone.count == 12, "\(locale) \(kind)")
                #expect(together.count == 4 && together[Int(kind)] == alone, "\(locale) \(kind)")
            }
            #expect(LocaleData.monthNames(locale: locale, kinds: 2...3) == Array(together[2...3]), "\(locale)")
        }
        #expect(LocaleData.monthNames(locale: "ru", kinds: 0...1).map { $0[9] } == ["октября", "октябрь"])
        #expect(LocaleData.monthNames(locale: "en", kinds: 0...3).map { $0[8] } == ["September", "September", "Sep", "Sep"])
        #expect(LocaleData.monthNames(locale: "fr", kinds: 2...2).first?.first == "janv.")
    }

    @Test func theSwiftAPIStillAnswersThroughTheGuards() throws {
        #expect(LocaleData.monthNames(locale: "en").first == "January")
        #expect(LocaleData.parseSpellout("seventy-third", locale: "en") == 73)
        #expect(LanguageDetector.detect(Array("Предлагает Генеральной Ассамблее".utf16)) == .ru)
        #expect(throws: ICURegex.SyntaxError.self) { try ICURegex("(unclosed") }
    }

    /// A raw deflate stream of one stored block holding `bytes`.
    func stored(_ bytes: [UInt8]) -> [UInt8] {
        let n = UInt16(bytes.count)
        return [0x01, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8(~n >> 8)] + bytes
    }

    func inflate(_ input: [UInt8]?, length: Int64? = nil, cap: Int64) -> (Int32, [UInt8]) {
        var out: UnsafeMutablePointer<UInt8>?
        var count: Int64 = 0
        let status = concord_inflate_raw(input, length ?? Int64(input?.count ?? 0), cap, &out, &count)
        defer { concord_zlib_free(out) }
        return (status, out.map { Array(UnsafeBufferPointer(start: $0, count: Int(count))) } ?? [])
    }

    @Test func inflateTellsEveryOutcomeApart() {
        let hello = Array("hello".utf8)
        #expect(inflate(stored(hello), cap: 100) == (CONCORD_INFLATE_OK, hello))
        #expect(inflate(stored(hello), cap: 5) == (CONCORD_INFLATE_OK, hello))
        #expect(inflate(stored(hello), cap: 4).0 == CONCORD_INFLATE_TOO_LARGE)
        #expect(inflate(Array(stored(hello).dropLast()), cap: 100).0 == CONCORD_INFLATE_DAMAGED)
        #expect(inflate([], cap: 100).0 == CONCORD_INFLATE_DAMAGED)
        #expect(inflate([0x07, 0xFF, 0xFF], cap: 100).0 == CONCORD_INFLATE_DAMAGED)  // reserved block type
        #expect(inflate([0x03, 0x00], cap: 0) == (CONCORD_INFLATE_OK, []))            // an empty fixed block
        #expect(inflate(nil, length: 5, cap: 100).0 == CONCORD_INFLATE_INVALID)
        #expect(inflate(stored(hello), length: -1, cap: 100).0 == CONCORD_INFLATE_INVALID)
        #expect(inflate(stored(hello), cap: -1).0 == CONCORD_INFLATE_INVALID)
        #expect(inflate(stored(hello), cap: Int64.max).0 == CONCORD_INFLATE_INVALID)
        var length: Int64 = 0
        #expect(concord_inflate_raw(stored(hello), 10, 100, nil, &length) == CONCORD_INFLATE_INVALID)
        // Several blocks, the last one empty.
        var zeros = [UInt8]()
        for _ in 0..<3 { zeros += [0x00, 0xFF, 0xFF, 0x00, 0x00] + [UInt8](repeating: 0, count: 65535) }
        zeros += stored([])
        let (status, bytes) = inflate(zeros, cap: 1 << 20)
        #expect(status == CONCORD_INFLATE_OK && bytes.count == 3 * 65535)
    }
}

/// The base-letter tables the word filters are built from: filled only for a table that is
/// large enough.
@Suite struct BaseLetterTableTests {
    @Test func aTableTooSmallIsRefusedAndAFullOneIsFilled() {
        var lower = [UInt16](repeating: 0, count: 0x10000)
        var same = [UInt16](repeating: 0, count: 0x10000)
        let small = lower.withUnsafeMutableBufferPointer { l in
            same.withUnsafeMutableBufferPointer { s in concord_base_letter_tables(l.baseAddress, s.baseAddress, 100) }
        }
        #expect(small != 0)
        #expect(lower.allSatisfy { $0 == 0 })
        #expect(concord_base_letter_tables(nil, nil, 0x10000) == CONCORD_ILLEGAL_ARGUMENT)
        let full = lower.withUnsafeMutableBufferPointer { l in
            same.withUnsafeMutableBufferPointer { s in concord_base_letter_tables(l.baseAddress, s.baseAddress, 0x10000) }
        }
        #expect(full == 0)
        let capitalEAcute = Int(Array("É".utf16)[0])
        #expect(lower[capitalEAcute] == UInt16(UInt8(ascii: "e")))
        #expect(same[capitalEAcute] == UInt16(UInt8(ascii: "E")))
        #expect(lower[0xD800] == 0xFFFF)
    }
}
