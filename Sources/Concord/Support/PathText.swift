/// A path's parts as Foundation's `NSString` path methods give them (`lastPathComponent`,
/// `deletingLastPathComponent`, `pathExtension`, `deletingPathExtension`), read from the
/// path's UTF-8 bytes.
///
/// Two reasons not to call Foundation here. This toolchain's `deletingLastPathComponent`
/// stops the process (an illegal instruction in `String._startOfLastPathComponent`) for a
/// path of one character: `concord check E` on a UN language folder `E/`, or on a file named
/// `x`, died so. And each of those methods first rewrites the whole path through `NSString`
/// (`_stringByFixingSlashes`): grouping 2,800 small files into sets took 41 % less time
/// without them (perf samples of `DocumentSet.grouping`, 111 → 65).
///
/// The answers are Foundation's for every path it answers (a test compares them on thousands
/// of paths); for one character, `deletingLastPathComponent` is what Foundation gives for two
/// (`ab` → ``): the empty string, or `/` for `/`.
enum PathText {
    private static let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")

    /// The path with each run of `/` made one and a trailing `/` dropped (a lone `/` kept).
    static func fixingSlashes(_ path: String) -> Substring {
        let bytes = path.utf8
        guard let last = bytes.last else { return path[...] }
        var previous: UInt8 = 0
        var clean = last != slash || bytes.count == 1
        if clean {
            for byte in bytes {
                if byte == slash, previous == slash { clean = false; break }
                previous = byte
            }
        }
        if clean { return path[...] }
        var kept = [UInt8]()
        kept.reserveCapacity(bytes.count)
        previous = 0
        for byte in bytes where !(byte == slash && previous == slash) {
            kept.append(byte)
            previous = byte
        }
        // (Foundation's way: `//` gives the empty path, where `/` stays `/`.)
        if kept.last == slash { kept.removeLast() }
        return String(decoding: kept, as: UTF8.self)[...]
    }

    /// Where the last `/` of a fixed path is (a UTF-8 index), if any.
    private static func lastSlash(_ fixed: Substring) -> String.Index? {
        fixed.utf8.lastIndex(of: slash)
    }

    static func lastComponent(_ path: String) -> String {
        let fixed = fixingSlashes(path)
        if fixed.utf8.count == 1, fixed.utf8.first == slash { return "/" }
        guard let at = lastSlash(fixed) else { return String(fixed) }
        return String(fixed[fixed.utf8.index(after: at)...])
    }

    static func deletingLastComponent(_ path: String) -> String {
        let fixed = fixingSlashes(path)
        guard let at = lastSlash(fixed) else { return "" }
        if at == fixed.startIndex { return "/" }
        return String(fixed[..<at])
    }

    /// The last component's text after its last `.`, when that `.` is neither its first
    /// character nor its last.
    static func pathExtension(_ path: String) -> String {
        let last = lastComponent(path)
        guard let at = last.utf8.lastIndex(of: dot), at != last.startIndex else { return "" }
        return String(last[last.utf8.index(after: at)...])
    }

    /// The path without the last component's last `.` and what follows it, when that `.` is
    /// not its first character (`b.` → `b`); `.` and `..` as they are.
    static func deletingPathExtension(_ path: String) -> String {
        let fixed = fixingSlashes(path)
        let start = lastSlash(fixed).map { fixed.utf8.index(after: $0) } ?? fixed.startIndex
        let component = fixed[start...]
        guard component != ".", component != "..", let at = component.utf8.lastIndex(of: dot),
              at != component.startIndex else { return String(fixed) }
        return String(fixed[..<at])
    }
}
