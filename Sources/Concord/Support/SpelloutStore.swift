import Foundation

/// What ICU's spell-out parser read from each text (`LocaleData.parseSpellout`: `sixty-second`
/// → 62, `first, second and third` → not one number), kept in the cache folder per locale and
/// ICU version, so that a later run does not parse the same words again. ICU's parser is slow
/// where it matters most: opening it for a locale and its first lenient parse build a collator
/// (about 10 ms), each lenient parse takes a millisecond or more, and every list of ordinals
/// (`sixteenth and eighteenth`) is first tried whole. On the ten-times corpus that was 1.7 %
/// of the instructions, on one copy about a tenth, for some sixty texts.
///
/// The answers are ICU's for the same words, the same ICU and the same build (both are in the
/// file's key), so a stored answer is the answer. The file is an entry of the derived tables' folder
/// (`tables-v1/spellout-KEY.table`, pruned with them): a magic line, a checksum of the lines
/// and the lines, `value TAB text`, sorted, `x` for no number. A file that fails its checksum
/// is ignored; a run that writes (not `--no-cache`) rewrites the whole file, a temporary
/// file renamed into place, when it parses a new text (two runs at once: the last rename
/// wins, and what the other parsed is parsed again next time).
enum SpelloutStore {
    private static let magic = Array("concord-spellout-1\n".utf8)
    /// At most this many texts per locale are stored (each new one rewrites the file).
    static let capacity = 4_000
    /// Longer texts, and texts holding a tab or a line break, are not stored.
    static let longestText = 200

    /// Keyed as the derived tables are, by the ICU version and this build of Concord too: the
    /// answers are also those of the shim's way of asking (strict, then lenient).
    static func url(locale: String, root: URL?) -> URL? {
        DerivedTables.url("spellout", versions: ["v1", locale, ICU.version], root: root)
    }

    static func storable(_ text: String) -> Bool {
        text.utf8.count <= longestText && !text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
    }

    /// The answers stored for `locale` (empty when there is no file or it is damaged).
    static func load(locale: String, root: URL?, markUsed: Bool) -> [String: Int?] {
        guard let url = url(locale: locale, root: root),
              let data = FileManager.default.contents(atPath: url.path), data.count > magic.count + 32 else { return [:] }
        let bytes = [UInt8](data)
        guard bytes.prefix(magic.count).elementsEqual(magic) else { return [:] }
        let payload = Array(bytes[(magic.count + 32)...])
        guard PrefilterCache.checksum(payload).utf8.elementsEqual(bytes[magic.count..<(magic.count + 32)]) else { return [:] }
        var answers = [String: Int?]()
        for line in payload.split(separator: 0x0A) {
            guard let tab = line.firstIndex(of: 0x09) else { return [:] }
            let value = String(decoding: line[..<tab], as: UTF8.self)
            let text = String(decoding: line[(tab + 1)...], as: UTF8.self)
            if value == "x" {
                answers[text] = .some(nil)
            } else if let number = Int(value) {
                answers[text] = .some(number)
            } else {
                return [:]
            }
        }
        if markUsed { CacheFolder.markUsed(url.path) }
        return answers
    }

    /// Stores `answers` for `locale` (nothing when `writes` is false or there are too many).
    static func store(_ answers: [String: Int?], locale: String, root: URL?, writes: Bool) {
        guard writes, answers.count <= capacity, let url = url(locale: locale, root: root) else { return }
        var payload = [UInt8]()
        for (text, value) in answers.sorted(by: { $0.key < $1.key }) where storable(text) {
            payload += Array((value.map(String.init) ?? "x").utf8)
            payload.append(0x09)
            payload += Array(text.utf8)
            payload.append(0x0A)
        }
        CacheFolder.write(magic + Array(PrefilterCache.checksum(payload).utf8) + payload, to: url)
    }
}
