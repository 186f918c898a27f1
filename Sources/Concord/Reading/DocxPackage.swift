import Foundation
import CConcordZlib
import ZIPFoundation

/// The parts of a Word package, read with limits: a .docx is a zip file, and a zip file can
/// be a bomb (a few kilobytes that expand to gigabytes) or hold thousands of entries.
struct DocxPackage {
    struct Limits: Sendable {
        /// Entries in the package.
        var entries = 10_000
        /// Uncompressed bytes of the parts that are read, in total.
        var totalBytes = 256 * 1024 * 1024
    }

    /// Where an entry's bytes are, from the central directory, checked against the file.
    struct Entry {
        var method: Int
        var compressedSize: Int
        var dataOffset: Int
    }

    private let bytes: Data
    private let entries: [String: Entry]
    private let file: String
    private let limits: Limits
    private var bytesRead = 0

    init(url: URL, file: String, limits: Limits) throws(InputError) {
        self.file = file
        self.limits = limits
        // ZIPFoundation opens it first: a file that is not a zip archive is refused there.
        do {
            _ = try Archive(url: url, accessMode: .read)
            bytes = try Data(contentsOf: url)
        } catch {
            throw InputError(file: file, reason: .malformed("not a Word document: the .docx package cannot be opened as a zip file (truncated or damaged?)", line: nil))
        }
        switch Self.directory(bytes, limit: limits.entries) {
        case .failure(let problem):
            throw InputError(file: file, reason: .malformed(problem.message, line: nil))
        case .success(let entries):
            self.entries = entries
        }
    }

    struct Problem: Error { var message: String }

    /// The central directory, every entry checked: it points at a local header and its data
    /// lies inside the file. (A damaged local header sent ZIPFoundation's reader into an
    /// endless loop of empty reads: found by fuzzing.)
    static func directory(_ d: Data, limit: Int) -> Result<[String: Entry], Problem> {
        let bytes = [UInt8](d)
        func u16(_ o: Int) -> Int { o >= 0 && o + 2 <= bytes.count ? Int(bytes[o]) | Int(bytes[o + 1]) << 8 : -1 }
        func u32(_ o: Int) -> Int { o >= 0 && o + 4 <= bytes.count ? u16(o) | u16(o + 2) << 16 : -1 }
        var end = -1
        var o = bytes.count - 22
        while o >= max(0, bytes.count - 22 - 65_535) {
            if u32(o) == 0x0605_4b50 { end = o; break }
            o -= 1
        }
        guard end >= 0 else { return .failure(Problem(message: "not a Word document: the .docx package has no zip directory (truncated or damaged?)")) }
        let count = u16(end + 10)
        guard count <= limit else {
            return .failure(Problem(message: "the .docx package has more than \(limit) entries; refusing to read it"))
        }
        var entries = [String: Entry]()
        var entry = u32(end + 16)
        for _ in 0..<count {
            guard u32(entry) == 0x0201_4b50 else { return .failure(Problem(message: "the .docx package is damaged: a central directory entry is broken")) }
            let method = u16(entry + 10), compressed = u32(entry + 20)
            let nameLength = u16(entry + 28), extraLength = u16(entry + 30), commentLength = u16(entry + 32)
            let local = u32(entry + 42)
            guard entry + 46 + nameLength <= bytes.count else { return .failure(Problem(message: "the .docx package is damaged: a central directory entry is broken")) }
            let name = String(decoding: bytes[(entry + 46)..<(entry + 46 + nameLength)], as: UTF8.self)
            guard compressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF else {
                return .failure(Problem(message: "the .docx package uses ZIP64, which Word does not write; refusing to read it"))
            }
            guard u32(local) == 0x0403_4b50 else { return .failure(Problem(message: "the .docx package is damaged: an entry's local header is missing or broken")) }
            let data = local + 30 + u16(local + 26) + u16(local + 28)
            guard data + compressed <= bytes.count else { return .failure(Problem(message: "the .docx package is damaged: an entry's data runs past the end of the file")) }
            entries[name] = Entry(method: method, compressedSize: compressed, dataOffset: data)
            entry += 46 + nameLength + extraLength + commentLength
        }
        return .success(entries)
    }

    func contains(_ path: String) -> Bool { entries[path] != nil }

    /// The bytes of a part, counted against the limit as they are inflated (the sizes the
    /// zip declares may lie); a damaged stream ends in an error, never in a wait for more
    /// bytes.
    mutating func part(_ path: String) throws(InputError) -> Data? {
        guard let entry = entries[path] else { return nil }
        let compressed = bytes.subdata(in: entry.dataOffset..<(entry.dataOffset + entry.compressedSize))
        let budget = limits.totalBytes - bytesRead
        struct TooLarge: Error {}
        struct Truncated: Error {}
        var data = Data()
        do {
            switch entry.method {
            case 0:
                data = compressed
                if data.count > budget { throw TooLarge() }
            case 8:
                // zlib directly (through CConcordZlib): deterministic on damaged streams, which
                // ZIPFoundation's inflater was not (it read past the part, or returned
                // different bytes from run to run — found by fuzzing).
                var out: UnsafeMutablePointer<UInt8>?
                var length: Int64 = 0
                let status = compressed.withUnsafeBytes { raw in
                    concord_inflate_raw(raw.bindMemory(to: UInt8.self).baseAddress, Int64(compressed.count), Int64(budget), &out, &length)
                }
                defer { concord_zlib_free(out) }
                switch status {
                case CONCORD_INFLATE_OK:
                    guard let out else { throw Truncated() }
                    data = Data(bytes: out, count: Int(length))
                case CONCORD_INFLATE_TOO_LARGE:
                    throw TooLarge()
                case CONCORD_INFLATE_NO_MEMORY:
                    throw InputError(file: file, reason: .malformed("\(path) in the .docx package could not be inflated: out of memory", line: nil))
                default:
                    throw Truncated()
                }
            default:
                throw InputError(file: file, reason: .malformed("\(path) in the .docx package uses a compression Word does not write", line: nil))
            }
        } catch is TooLarge {
            throw InputError(file: file, reason: .malformed("\(path) expands to more than \(limits.totalBytes / (1024 * 1024)) MiB (a zip bomb?); refusing to read it", line: nil))
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(file: file, reason: .malformed("\(path) in the .docx package is damaged and cannot be inflated", line: nil))
        }
        bytesRead += data.count
        return data
    }
}
