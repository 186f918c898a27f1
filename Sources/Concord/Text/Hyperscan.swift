import CHyperscanShim
import Foundation

/// Which engine finds where a language's patterns may match before ICU runs them
/// (`CONCORD_PREFILTER`): `icu` or `auto` (the default) — the literal pre-scan only (the
/// reference path); `hyperscan` — one Hyperscan pass over each unit as well, when the library
/// (`libhs.so.5`, from Vectorscan or Intel Hyperscan) can be loaded, else the ICU path. The
/// citations are the same on both paths; only the time differs.
///
/// `auto` does not take the Hyperscan pass: since the literal pre-scan learnt which
/// characters may follow a number's digits (`DigitHead`), the pass costs more than it saves
/// on every corpus measured (2026-12-06, hyperfine side by side, databases stored: the 10 MB
/// of resolutions 1.48 s against 1.38 s on the pre-scan alone, 1 MB 214 against 203 ms, the
/// aligned sentence files 1.739 against 1.733 s), and taking it only for units where the
/// pre-scan leaves ICU many places to try lost too, at every threshold tried.
public enum PrefilterEngine: String, Sendable {
    case icu
    case hyperscan

    /// The engine this process uses, decided once from the environment.
    public static let active: PrefilterEngine = Hyperscan.status.engine

    /// One line for `concord --version` and `concord rules`: the engine and why.
    public static var summary: String { Hyperscan.status.summary }
}

/// The Hyperscan (or Vectorscan) library, opened at run time through the CHyperscanShim
/// target (`dlopen`, so that Concord builds and runs without it).
/// `CONCORD_HYPERSCAN_LIBRARY` names another file to open (tests point it at a missing one).
public enum Hyperscan {
    struct Status: Sendable {
        var engine: PrefilterEngine
        var summary: String
        /// The library's version, empty when it is not used.
        var version: String
        /// `CONCORD_PREFILTER=hyperscan` asked for the Hyperscan path by name: a language's
        /// database is compiled when it is not in the cache (see `HyperscanPrefilter.make`).
        var explicit = false
    }

    /// Whether the library could be opened (once per process; `CONCORD_HYPERSCAN_LIBRARY`
    /// names another file), its version, and why not.
    static let library: (loaded: Bool, name: String, version: String, error: String) = {
        let environment = ProcessInfo.processInfo.environment
        let name = environment["CONCORD_HYPERSCAN_LIBRARY"].flatMap { $0.isEmpty ? nil : $0 } ?? "libhs.so.5"
        guard concord_hs_load(name) == 1 else { return (false, name, "", String(cString: concord_hs_load_error())) }
        let version = String(cString: concord_hs_version()).trimmingCharacters(in: .whitespaces)
        return (true, name, version, "")
    }()

    /// `CONCORD_PREFILTER`, lower-cased; `auto` when it is not set.
    static let requested = ProcessInfo.processInfo.environment["CONCORD_PREFILTER"].map { $0.lowercased() } ?? "auto"

    static let status: Status = {
        switch requested {
        case "icu":
            return Status(engine: .icu, summary: "prefilter: ICU (CONCORD_PREFILTER=icu)", version: "")
        case "auto", "":
            // (The library is not opened.)
            return Status(engine: .icu, summary: "prefilter: ICU (auto; CONCORD_PREFILTER=hyperscan adds a Hyperscan pass, slower on the corpora measured)", version: "")
        case "hyperscan":
            guard library.loaded else {
                return Status(engine: .icu, summary: "prefilter: ICU (Hyperscan not loaded: \(library.error))", version: "")
            }
            return Status(engine: .hyperscan, summary: "prefilter: Hyperscan \(library.version) (\(library.name)), confirmed by ICU",
                          version: library.version, explicit: true)
        default:
            return Status(engine: .icu, summary: "prefilter: ICU (CONCORD_PREFILTER=\(requested) is not icu, hyperscan or auto)", version: "")
        }
    }()

    /// Whether the Hyperscan path can be used in this process (whatever `CONCORD_PREFILTER`
    /// chose): the library is loaded.
    public static var isAvailable: Bool { library.loaded }

    /// A compiled database and a pool of scratch spaces (one per concurrent scan).
    final class Database: @unchecked Sendable {
        private let handle: UnsafeMutableRawPointer
        private let lock = NSLock()
        private var scratches: [UnsafeMutableRawPointer] = []

        init(_ handle: UnsafeMutableRawPointer) { self.handle = handle }

        deinit {
            for scratch in scratches { concord_hs_free_scratch(scratch) }
            concord_hs_free_database(handle)
        }

        /// Compiles patterns (UTF-8, with their flags) under ids 0…n-1; on failure, the index
        /// of the pattern refused (nil when the failure is not one pattern's) and why.
        static func compile(_ patterns: [String], flags: UInt32) -> Result<Database, CompileError> {
            var cStrings = patterns.map { strdup($0) }
            defer { for p in cStrings { free(p) } }
            let flagList = [UInt32](repeating: flags, count: patterns.count)
            let ids = (0..<patterns.count).map { UInt32($0) }
            var failed: Int32 = -1
            var message = [CChar](repeating: 0, count: 512)
            let database = cStrings.withUnsafeMutableBufferPointer { strings in
                strings.withMemoryRebound(to: UnsafePointer<CChar>?.self) { strings in
                    concord_hs_compile(strings.baseAddress, flagList, ids, UInt32(patterns.count), &failed, &message, Int32(message.count))
                }
            }
            guard let database else {
                let text = message.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
                return .failure(CompileError(pattern: failed >= 0 ? Int(failed) : nil, message: text))
            }
            return .success(Database(database))
        }

        struct CompileError: Error {
            var pattern: Int?
            var message: String
        }

        /// The database from bytes `serialized` gave; nil when this library cannot use them.
        convenience init?(deserializing bytes: [UInt8]) {
            guard let handle = bytes.withUnsafeBytes({ Self.deserialize($0) }) else { return nil }
            self.init(handle)
        }

        /// The same from bytes in place (a file read into memory).
        convenience init?(deserializing bytes: UnsafeRawBufferPointer) {
            guard let handle = Self.deserialize(bytes) else { return nil }
            self.init(handle)
        }

        private static func deserialize(_ bytes: UnsafeRawBufferPointer) -> UnsafeMutableRawPointer? {
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
            return concord_hs_deserialize(base.assumingMemoryBound(to: CChar.self), bytes.count)
        }

        var serialized: [UInt8]? {
            var bytes: UnsafeMutablePointer<CChar>?
            var length = 0
            guard concord_hs_serialize(handle, &bytes, &length) == 0, let bytes else { return nil }
            defer { free(bytes) }
            return bytes.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
        }

        /// Every match as (pattern id, end offset in bytes); nil when the scan failed.
        func scan(_ utf8: [UInt8]) -> [(id: UInt32, end: UInt32)]? {
            guard let scratch = acquire() else { return nil }
            defer { release(scratch) }
            var capacity = 64
            while true {
                var pairs = [UInt32](repeating: 0, count: capacity * 2)
                let count = utf8.withUnsafeBufferPointer { text in
                    text.withMemoryRebound(to: CChar.self) { text in
                        concord_hs_scan(handle, scratch, text.baseAddress, text.count, &pairs, Int64(capacity))
                    }
                }
                if count < 0 { return nil }
                if Int(count) <= capacity {
                    return (0..<Int(count)).map { (pairs[2 * $0], pairs[2 * $0 + 1]) }
                }
                capacity = Int(count)
            }
        }

        private func acquire() -> UnsafeMutableRawPointer? {
            lock.lock()
            defer { lock.unlock() }
            if let scratch = scratches.popLast() { return scratch }
            return concord_hs_alloc_scratch(handle)
        }

        private func release(_ scratch: UnsafeMutableRawPointer) {
            lock.lock()
            scratches.append(scratch)
            lock.unlock()
        }
    }

    /// The longest match of a pattern in bytes (nil: unbounded or refused).
    static func maximumWidth(_ pattern: String, flags: UInt32) -> Int? {
        let width = concord_hs_max_width(pattern, flags)
        return width < 0 || width >= Int64(UInt32.max) ? nil : Int(width)
    }

    static let patternFlags = UInt32(CONCORD_HS_FLAG_CASELESS | CONCORD_HS_FLAG_UTF8 | CONCORD_HS_FLAG_UCP | CONCORD_HS_FLAG_PREFILTER)
}
