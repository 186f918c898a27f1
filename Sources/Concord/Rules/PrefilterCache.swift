import Foundation

/// Compiled Hyperscan databases on disk, so that a run does not compile its languages again:
/// `<cache folder>/hyperscan-v2/<key>.hsdb`, in `$XDG_CACHE_HOME/concord` (else
/// `~/.cache/concord`, as the result cache), or `CONCORD_RULE_CACHE` (`off`: no cache).
/// The key is a hash of the rewritten patterns, the pattern flags, the library's version and
/// the platform (architecture and CPU features: a database is compiled for the processor).
/// Beside each database, `<source key>.hskey` names it by the patterns as the rules give them
/// and the build: a later run of the same build finds its database without rewriting them.
/// A file is written to a temporary name and renamed into place (two processes building at
/// once each write a whole file; the last rename wins, and both are the same); a file that
/// cannot be read, whose table fails its checksum or whose database the library refuses (it
/// checks a CRC of it) is ignored, and the database is compiled and written again.
enum PrefilterCache {
    static let layout = "hyperscan-v2"

    /// Whether compiled databases are written (read either way): off for a run with
    /// `--no-cache`, which writes nothing in the cache folder, as for the rule cache.
    static var writes: Bool {
        get { writesLock.withLock { writesValue } }
        set { writesLock.withLock { writesValue = newValue } }
    }
    private static let writesLock = NSLock()
    nonisolated(unsafe) private static var writesValue = true
    private static let magic = Array("concord-hsdb-1\n".utf8)

    static let folder: URL? = cacheRoot?.appendingPathComponent(layout)

    /// The cache folder of compiled databases and derived tables (`DerivedTables`).
    static let cacheRoot: URL? = {
        let environment = ProcessInfo.processInfo.environment
        if let setting = environment["CONCORD_RULE_CACHE"], !setting.isEmpty {
            return setting == "off" ? nil : URL(fileURLWithPath: setting)
        }
        return URL(fileURLWithPath: Pipeline.defaultCacheFolder(environment: environment))
    }()

    /// The processor's features as the kernel lists them (first `flags` line), and its
    /// architecture.
    static let platform: String = {
        var name = utsname()
        uname(&name)
        let machine = withUnsafeBytes(of: &name.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let flags = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") || $0.hasPrefix("Features") } ?? ""
        return machine + " " + flags
    }()

    /// A database's name: the rewritten patterns (`-` for one not rewritten), after the
    /// pieces every key holds (`key(pieces:)`).
    static func key(_ translated: [String?]) -> String { key(pieces: translated.map { $0.map { "+" + $0 } ?? "-" }) }

    static func file(_ key: String, in folder: URL? = PrefilterCache.folder) -> URL? { folder?.appendingPathComponent(key + ".hsdb") }

    /// The key of the patterns as the rules give them (before they are rewritten for
    /// Hyperscan), for this build: the same patterns are rewritten the same way by the same
    /// build, so the rewritten key can be looked up (`translatedKey`) instead of made again
    /// (rewriting a language's patterns was a twentieth of a 1× run on the Hyperscan path).
    /// (Its first piece begins with neither `+` nor `-`, as each piece of a database's key does.)
    static func sourceKey(_ patterns: [String]) -> String {
        key(pieces: ["source patterns, \(Concord.version) \(ResultCache.build)"] + patterns)
    }

    /// A hash of the layout, the library's version, the platform and the pattern flags, then
    /// `pieces`.
    private static func key(pieces: [String]) -> String {
        var hash = StableHash.FNV128()
        for piece in [layout, Hyperscan.library.version, platform, "\(Hyperscan.patternFlags)"] + pieces { hash.add(piece: piece) }
        return hash.hex
    }

    private static let keyMagic = "concord-hskey-1"

    /// The rewritten patterns' key stored for `sourceKey` (`<sourceKey>.hskey`: a magic line,
    /// the source key, the rewritten key); nil when there is none, or it is not such a file.
    static func translatedKey(for sourceKey: String, in folder: URL? = PrefilterCache.folder) -> String? {
        guard let url = folder?.appendingPathComponent(sourceKey + ".hskey"),
              let data = FileManager.default.contents(atPath: url.path), data.count < 256 else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == 4, lines[0] == keyMagic, lines[1] == sourceKey, lines[3].isEmpty,
              lines[2].utf8.count == 32, lines[2].utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }) else { return nil }
        if writes { CacheFolder.markUsed(url.path) }
        return String(lines[2])
    }

    /// Stores `key` as the rewritten key of `sourceKey` (not when the run writes nothing).
    static func storeTranslatedKey(_ key: String, for sourceKey: String, in folder: URL? = PrefilterCache.folder,
                                   writes: Bool = PrefilterCache.writes) {
        guard let url = folder?.appendingPathComponent(sourceKey + ".hskey") else { return }
        write(Array("\(keyMagic)\n\(sourceKey)\n\(key)\n".utf8), to: url, writes: writes)
    }

    /// Whether the folder holds any database (read once per process: a database stored
    /// later by this process is found by `load` when it compiles).
    static let holdsDatabases: Bool = {
        guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return false }
        return names.contains { $0.hasSuffix(".hsdb") }
    }()

    /// The cached prefilter for `count` patterns, or nil (no file, damaged, refused).
    ///
    /// The file is mapped, not read (a database is megabytes), and only its table is summed
    /// here: Hyperscan checks the database itself when it takes it (a CRC32C over the
    /// compiled code: changing any one byte of it made `hs_deserialize_database` refuse it;
    /// only 8 reserved header bytes and the padding at the end, which it never reads, are
    /// not covered).
    /// Reading, summing and copying a 2.7 MB English database three times was a twentieth of a
    /// warm check of one resolution.
    static func load(key: String, count: Int, in folder: URL? = PrefilterCache.folder) -> HyperscanPrefilter? {
        guard let url = file(key, in: folder), let data = try? Data(contentsOf: url, options: .alwaysMapped) else { return nil }
        if writes { CacheFolder.markUsed(url.path) }
        return data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> HyperscanPrefilter? in
            let checksumEnd = magic.count + 32
            let tableEnd = checksumEnd + 4 + 8 * count
            guard bytes.count > tableEnd + 4, bytes.prefix(magic.count).elementsEqual(magic) else { return nil }
            let table = UnsafeRawBufferPointer(rebasing: bytes[checksumEnd..<tableEnd])
            guard checksum(table).utf8.elementsEqual(bytes[magic.count..<checksumEnd]) else { return nil }
            var offset = 0
            func read32() -> UInt32 {
                defer { offset += 4 }
                return UInt32(littleEndian: table.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            }
            guard Int(read32()) == count else { return nil }
            var covered = [Bool](), widths = [Int?]()
            covered.reserveCapacity(count)
            widths.reserveCapacity(count)
            for _ in 0..<count {
                let flag = read32(), width = read32()
                covered.append(flag == 1)
                widths.append(width == UInt32.max ? nil : Int(width))
            }
            guard covered.contains(true),
                  let database = Hyperscan.Database(deserializing: UnsafeRawBufferPointer(rebasing: bytes[tableEnd...])) else { return nil }
            return HyperscanPrefilter(database: database, covered: covered, widths: widths)
        }
    }

    /// 32 hexadecimal digits over the bytes, eight at a time (a database is megabytes: the
    /// byte-wise FNV hash took a tenth of a short run). Two lanes of multiply-xorshift.
    static func checksum(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { checksum($0) }
    }

    static func checksum(_ raw: UnsafeRawBufferPointer) -> String {
        var a: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count), b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        do {
            let words = raw.count / 8
            for k in 0..<words {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: k * 8, as: UInt64.self))
                a = (a ^ word) &* 0xFF51_AFD7_ED55_8CCD
                a ^= a >> 29
                b = (b &+ word) &* 0xC4CE_B9FE_1A85_EC53
                b ^= b >> 31
            }
            for k in (words * 8)..<raw.count {
                a = (a ^ UInt64(raw[k])) &* 0xFF51_AFD7_ED55_8CCD
                a ^= a >> 29
            }
        }
        func digits(_ n: UInt64) -> String {
            let hex = String(n, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }
        return digits(a) + digits(b)
    }

    /// The table of characters where Hyperscan's Unicode tables and ICU's disagree (keyed by
    /// both libraries' versions), from the cache of derived tables, else computed and stored.
    static func unicodeTable(_ compute: () -> [Bool]?) -> [Bool]? {
        DerivedTables.bytes("unicode", versions: [Hyperscan.library.version, ICU.version], count: 0x10000) {
            compute().map { $0.map { UInt8($0 ? 1 : 0) } }
        }.map { $0.map { $0 == 1 } }
    }

    /// Writes the prefilter's file; a failure only means the next run compiles again.
    static func store(_ prefilter: HyperscanPrefilter, key: String, in folder: URL? = PrefilterCache.folder,
                      writes: Bool = PrefilterCache.writes) {
        guard let url = file(key, in: folder), let database = prefilter.database.serialized else { return }
        var payload = [UInt8]()
        func write32(_ value: UInt32) { for k in 0..<4 { payload.append(UInt8(truncatingIfNeeded: value >> (8 * UInt32(k)))) } }
        write32(UInt32(prefilter.covered.count))
        for (covered, width) in zip(prefilter.covered, prefilter.widths) {
            write32(covered ? 1 : 0)
            write32(width.map { UInt32(clamping: $0) } ?? UInt32.max)
        }
        write(magic + Array(checksum(payload).utf8) + payload + database, to: url, writes: writes)
    }

    /// Writes the file (`CacheFolder.write`: a temporary file renamed into place).
    /// `writes`: whether to write at all (the process's setting unless a caller says).
    static func write(_ bytes: [UInt8], to url: URL, writes: Bool = PrefilterCache.writes) {
        guard writes else { return }
        CacheFolder.write(bytes, to: url)
    }
}
