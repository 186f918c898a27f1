/// Counted nouns in messages: `1 footnote`, `2 footnotes`, `1 document set`.
public enum Plural {
    /// `n` and the noun, plural unless n is 1 (`paragraph` → `paragraphs`; a noun ending
    /// in `s`, `x` or `ch` takes `es`).
    public static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(n == 1 ? noun : plural(noun))"
    }

    public static func plural(_ noun: String) -> String {
        noun.hasSuffix("s") || noun.hasSuffix("x") || noun.hasSuffix("ch") ? noun + "es" : noun + "s"
    }
}
