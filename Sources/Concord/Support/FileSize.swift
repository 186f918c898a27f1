import Foundation

/// A file's size in bytes, from `stat(2)`: of what reading the path gives, following a
/// symbolic link (FileManager's attributes describe the link itself, so a link to a file over
/// the size limit passed the limit, and they look up the owner's name, reading `/etc/passwd`
/// and `/etc/group` for every file). Nil when the path cannot be examined (`errno` says why).
enum FileSize {
    static func of(_ path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : nil
    }
}
