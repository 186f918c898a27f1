import Foundation
import Testing
@testable import Concord

/// `LanguageRules.caseSensitiveProperties` marks the property escapes and the classes made only
/// of property escapes and code points case-sensitive (ICU's case closure of `\p{L}` is slow and
/// changes nothing), and leaves alone what case-insensitive matching does change.
@Suite struct CaseSensitivePropertiesTests {
    @Test(arguments: [
        // A property escape alone: wrapped; one that names a case: left.
        (#"\p{L}+"#, #"(?-i:\p{L})+"#),
        (#"\P{N}"#, #"(?-i:\P{N})"#),
        (#"\p{Lu}\p{Ll}"#, #"\p{Lu}\p{Ll}"#),
        // A class of property escapes and code points: wrapped whole.
        (#"(?<![\p{L}\p{N}])"#, #"(?<!(?-i:[\p{L}\p{N}]))"#),
        (#"[\p{L}\x{0640}\d]"#, #"(?-i:[\p{L}\x{0640}\d])"#),
        // A class with a letter of its own (ASCII or not): left, as case matters for it.
        (#"[a\p{L}]"#, #"[a\p{L}]"#),
        (#"[ك\p{L}]"#, #"[ك\p{L}]"#),
        (#"[\p{Lu}\p{N}]"#, #"[\p{Lu}\p{N}]"#),
        // Classes without properties, escaped brackets and letters outside ASCII pass as they are.
        (#"[0-9]\[\p"#, #"[0-9]\[\p"#),
        (#"résolution \d+\s*\(\d{4}\)"#, #"résolution \d+\s*\(\d{4}\)"#),
        (#"第[\p{N}〇一二三四五六七八九十]+条"#, #"第[\p{N}〇一二三四五六七八九十]+条"#),
        (#"الفقرة[\p{N}\p{Zs}]"#, #"الفقرة(?-i:[\p{N}\p{Zs}])"#),
    ])
    func rewrites(_ input: String, _ expected: String) {
        #expect(LanguageRules.caseSensitiveProperties(input) == expected)
    }
}
