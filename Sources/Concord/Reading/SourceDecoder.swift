/// Turns the bytes of a file into text: UTF-8 (with or without a byte-order mark) or UTF-16
/// little- or big-endian with a byte-order mark. Nothing is guessed beyond that: a file that
/// is none of these gets an error that names the line where decoding failed.
public enum SourceDecoder {
    public static func decode(_ bytes: [UInt8], file: String) throws(InputError) -> SourceText {
        if bytes.isEmpty { throw InputError(file: file, reason: .empty) }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE,
           !(bytes.count >= 4 && bytes[2] == 0 && bytes[3] == 0) {
            return try decodeUTF16(bytes, littleEndian: true, file: file)
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return try decodeUTF16(bytes, littleEndian: false, file: file)
        }
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let body = bytes[start...]
        if body.isEmpty { throw InputError(file: file, reason: .empty) }
        if let nul = body.firstIndex(of: 0) {
            throw InputError(file: file, reason: .binary(line: lineNumber(bytes, upTo: nul, from: start)))
        }
        if let units = transcode(body) {
            if units.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0x0C }) {
                throw InputError(file: file, reason: .empty)
            }
            return SourceText(units: units)
        }
        // Invalid: decode again scalar by scalar to find where, for the error.
        var units = [UInt16]()
        units.reserveCapacity(body.count)
        var decoder = UTF8()
        var iterator = body.makeIterator()
        var consumed = start
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed += UTF8.width(scalar)
                UTF16.encode(scalar) { units.append($0) }
            case .emptyInput:
                break loop
            case .error:
                let line = lineNumber(bytes, upTo: consumed, from: start)
                throw InputError(file: file, reason: .invalidUTF8(line: line, byteOffset: consumed))
            }
        }
        return SourceText(units: units)
    }

    /// Well-formed UTF-8 as UTF-16 units in one pass, or nil when the bytes are not
    /// well-formed (the table of well-formed byte sequences in chapter 3 of the Unicode
    /// standard, as `String(validating:)` checks). Going through a String and its UTF-16 view
    /// took longer than all the rest of decoding.
    static func transcode(_ bytes: ArraySlice<UInt8>) -> [UInt16]? {
        bytes.withUnsafeBufferPointer { transcode($0) }
    }

    /// `transcode` over bytes in memory (a `String`'s UTF-8: `String.utf16Array`).
    static func transcode(_ b: UnsafeBufferPointer<UInt8>) -> [UInt16]? {
        var valid = true
        // UTF-16 never needs more units than UTF-8 needs bytes.
        let units = [UInt16](unsafeUninitializedCapacity: b.count) { out, written in
            written = 0
            let n = b.count
            var i = 0
            var o = 0
            /// A continuation byte (10xxxxxx) at `k` within `low...high`.
            func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> UInt32? {
                guard k < n, b[k] >= low, b[k] <= high else { return nil }
                return UInt32(b[k] & 0x3F)
            }
            while i < n {
                let c0 = b[i]
                if c0 < 0x80 {
                    out[o] = UInt16(c0); o += 1; i += 1
                    continue
                }
                switch c0 {
                case 0xC2...0xDF:
                    guard let c1 = continuation(i + 1) else { valid = false; return }
                    out[o] = UInt16(UInt32(c0 & 0x1F) << 6 | c1); o += 1; i += 2
                case 0xE0...0xEF:
                    let low: UInt8 = c0 == 0xE0 ? 0xA0 : 0x80
                    let high: UInt8 = c0 == 0xED ? 0x9F : 0xBF
                    guard let c1 = continuation(i + 1, low, high), let c2 = continuation(i + 2) else { valid = false; return }
                    out[o] = UInt16(UInt32(c0 & 0x0F) << 12 | c1 << 6 | c2); o += 1; i += 3
                case 0xF0...0xF4:
                    let low: UInt8 = c0 == 0xF0 ? 0x90 : 0x80
                    let high: UInt8 = c0 == 0xF4 ? 0x8F : 0xBF
                    guard let c1 = continuation(i + 1, low, high), let c2 = continuation(i + 2),
                          let c3 = continuation(i + 3) else { valid = false; return }
                    let scalar = UInt32(c0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
                    out[o] = UInt16(0xD800 + ((scalar - 0x10000) >> 10)); o += 1
                    out[o] = UInt16(0xDC00 + ((scalar - 0x10000) & 0x3FF)); o += 1
                    i += 4
                default:
                    valid = false; return
                }
            }
            written = o
        }
        return valid ? units : nil
    }

    private static func decodeUTF16(_ bytes: [UInt8], littleEndian: Bool, file: String) throws(InputError) -> SourceText {
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            i += 2
        }
        // Validate surrogate pairing; report the line of the first lone surrogate.
        var k = 0
        while k < units.count {
            let u = units[k]
            if UTF16.isLeadSurrogate(u) {
                if k + 1 < units.count, UTF16.isTrailSurrogate(units[k + 1]) { k += 2; continue }
                throw InputError(file: file, reason: .invalidUTF16(line: SourceText(units: Array(units[0..<k])).lineCount))
            }
            if UTF16.isTrailSurrogate(u) {
                throw InputError(file: file, reason: .invalidUTF16(line: SourceText(units: Array(units[0..<k])).lineCount))
            }
            if u == 0 {
                throw InputError(file: file, reason: .binary(line: SourceText(units: Array(units[0..<k])).lineCount))
            }
            k += 1
        }
        if units.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0x0C }) {
            throw InputError(file: file, reason: .empty)
        }
        return SourceText(units: units)
    }

    private static func lineNumber(_ bytes: [UInt8], upTo offset: Int, from start: Int) -> Int {
        var line = 1
        var i = start
        while i < offset {
            if bytes[i] == 0x0A { line += 1 }
            else if bytes[i] == 0x0D, !(i + 1 < bytes.count && bytes[i + 1] == 0x0A) { line += 1 }
            i += 1
        }
        return line
    }
}
