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
}
