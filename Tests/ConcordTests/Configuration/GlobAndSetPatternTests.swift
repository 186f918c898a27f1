import Foundation
import Testing
@testable import Concord

/// The configuration's path patterns, matched without Foundation's regular expressions.
@Suite struct GlobAndSetPatternTests {
    @Test(arguments: [
        ("*.txt", "a.txt", true), ("*.txt", "d/a.txt", false), ("**/*.txt", "a.txt", true),
        ("**/*.txt", "d/e/a.txt", true), ("d/**", "d/e/a.txt", true), ("d/*", "d/e/a.txt", false),
        ("d/?.md", "d/a.md", true), ("d/?.md", "d/ab.md", false), ("d/?.md", "d//.md", false),
        ("cop/**/res-*.fr.txt", "cop/2012/res-6-1.fr.txt", true), ("cop/**/res-*.fr.txt", "cop/res-6-1.fr.txt", true),
        ("a+b(1).txt", "a+b(1).txt", true), ("a+b(1).txt", "aab1.txt", false), ("[x].txt", "[x].txt", true),
        ("résolutions/*.txt", "résolutions/6-1.txt", true), ("*.TXT", "a.txt", false),
    ])
    func globs(pattern: String, path: String, matches: Bool) {
        #expect(Glob.matches(pattern, path) == matches, "\(pattern) on \(path)")
    }

    @Test func setPatternsGroupLanguageVersions() {
        let files = ["en/res-6-1.txt", "fr/res-6-1.txt", "fr/res-6-2.txt", "doc (1)/x.E.fr.md", "doc (1)/x.E.en.md", "notes.txt"]
        let sets = DocumentSet.group(files, patterns: ["{lang}/{name}.{ext}", "doc (1)/{name}.{lang}.{ext}"],
                                    base: FileManager.default.currentDirectoryPath)
        #expect(sets.map(\.name) == ["*/res-6-1.txt", "*/res-6-2.txt", "doc (1)/x.E.*.md", "notes.txt"])
        #expect(sets.first { $0.name == "*/res-6-1.txt" }?.files == ["en/res-6-1.txt", "fr/res-6-1.txt"])
        #expect(sets.first { $0.name == "doc (1)/x.E.*.md" }?.files == ["doc (1)/x.E.en.md", "doc (1)/x.E.fr.md"])
    }

    @Test func aQuoteEndInAPatternStaysLiteral() {
        #expect(SetPattern.compiled(#"a\E{lang}/{name}.{ext}"#)?.matches(in: #"a\Een/x.txt"#).first?["lang"] == 3..<5)
    }
}
