import Testing
@testable import Concord

/// The reader's fast path works on UTF-16 units where every unit of a line is "simple"
/// (`Chars.isSimple`): a whole character on its own, equal to no other. That claim, checked
/// against the standard library's grapheme breaking and `Character` equality, so that a
/// range widened later cannot silently make the fast path differ from the String path.
@Suite struct SimpleUnitsTests {
    static let simple: [Unicode.Scalar] = (0...0xFFFF).compactMap { u in
        Chars.isSimple(UInt16(u)) ? Unicode.Scalar(UInt32(u)) : nil
    }

    @Test func noTwoSimpleUnitsAreTheSameCharacter() {
        let characters = Set(Self.simple.map { Character($0) })
        #expect(characters.count == Self.simple.count)
        #expect(Self.simple.count > 25_000)
        // (Other characters may equal a simple one — U+2126 OHM SIGN is Ω, U+037E is `;` —
        // but a line holding one is not simple and takes the String path.)
        #expect(!Chars.isSimple(0x037E) && !Chars.isSimple(0x2126) && !Chars.isSimple(0x0301) && !Chars.isSimple(0x064B))
    }

    @Test func simpleUnitsNeverJoinTheirNeighbours() {
        var joined = [String]()
        let all = Self.simple
        // Every simple unit against every 13th other one, shifted each time (about 70
        // million pairs would take too long; this meets each unit with 2,000 partners).
        for (i, a) in all.enumerated() {
            for j in stride(from: i % 13, to: all.count, by: 13) {
                let b = all[j]
                if a == "\r" && b == "\n" { continue }  // never inside one line
                var pair = String.UnicodeScalarView()
                pair.append(a)
                pair.append(b)
                if String(pair).count != 2 { joined.append("\(String(a.value, radix: 16))+\(String(b.value, radix: 16))") }
            }
        }
        #expect(joined.isEmpty, "pairs forming one character: \(joined.prefix(10))")
    }

    /// The lines the reader makes say a line is simple exactly when each of its units is
    /// (`SourceLine.lines` tests four units at a time where their high bytes are zero): over
    /// the seed in six languages and 3,000 seeded lines of units just below and above
    /// U+0100 and U+0300, at every alignment.
    @Test func linesAreSimpleExactlyWhenEachUnitIs() throws {
        var texts = try ["ar", "zh", "en", "fr", "ru", "es"].map { code in
            try String(contentsOfFile: Paths.corpora("seed/res-6-1.\(code).txt"), encoding: .utf8).utf16Array
        }
        var generator = SplitMix(state: 6_1)
        let pool: [UInt16] = [0x41, 0x61, 0x20, 0x09, 0xA0, 0xE9, 0xFF, 0x100, 0x1FF, 0x2FF, 0x300, 0x301, 0x3A9, 0x410,
                              0x627, 0x64B, 0x2019, 0x4E00, 0xFEFF, 0xD83D, 0xDE00, 0x0A]
        var random = [UInt16]()
        for _ in 0..<3_000 {
            let length = Int(generator.next() % 24)
            for _ in 0..<length {
                // Mostly ASCII, so that runs of four plain units meet the others at every offset.
                random.append(generator.next() % 4 == 0 ? pool[Int(generator.next() % UInt64(pool.count))] : UInt16(0x61 + generator.next() % 26))
            }
            random.append(0x0A)
        }
        texts.append(random)  // as units: a lone surrogate stays one (a String would repair it)
        var lines = 0, simple = 0, notSimple = 0
        for units in texts {
            let source = SourceText(units: units)
            for line in SourceLine.lines(of: source) {
                let units = source.units[line.range]
                #expect(line.isSimple == units.allSatisfy(Chars.isSimple), "line \(line.index + 1): \(Array(units))")
                lines += 1
                if line.isSimple { simple += 1 } else { notSimple += 1 }
            }
        }
        #expect(lines > 3_000 && simple > 1_000 && notSimple > 1_000, "\(lines) lines, \(simple) simple, \(notSimple) not")
    }
}
