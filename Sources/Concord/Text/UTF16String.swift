extension String {
    /// The same `String` as `String(decoding: units, as: UTF16.self)`, made in one pass when
    /// no unit is a surrogate (the usual case): the units written straight as UTF-8, instead of
    /// the standard library's generic transcoding scalar by scalar, which was a tenth of a run
    /// (a paragraph's text is made into a `String` several times by the structure). Texts with
    /// surrogates, paired or not, take the standard way (its repairs stay its own).
    init<C: Collection>(utf16Units units: C) where C.Element == UInt16 {
        let made: String?? = units.withContiguousStorageIfAvailable { buffer -> String? in
            var bytes = 0
            for u in buffer {
                if u < 0x80 { bytes += 1 } else if u < 0x800 { bytes += 2 } else if u & 0xF800 == 0xD800 { return nil } else { bytes += 3 }
            }
            guard bytes > 0 else { return "" }
            return String(unsafeUninitializedCapacity: bytes) { out in
                var i = 0
                for u in buffer {
                    if u < 0x80 {
                        out[i] = UInt8(u); i += 1
                    } else if u < 0x800 {
                        out[i] = UInt8(0xC0 | u >> 6); out[i + 1] = UInt8(0x80 | u & 0x3F); i += 2
                    } else {
                        out[i] = UInt8(0xE0 | u >> 12); out[i + 1] = UInt8(0x80 | u >> 6 & 0x3F); out[i + 2] = UInt8(0x80 | u & 0x3F); i += 3
                    }
                }
                return i
            }
        }
        if let made, let made { self = made } else { self = String(decoding: units, as: UTF16.self) }
    }
}
