/// Concord checks citations, cross-references and footnotes in UN documents and the
/// agreement of their language versions.
///
/// The library owns the run (`Pipeline`): read (`Reading/`) → normalize (`Text/`) → extract
/// (`Citations/`) → resolve (`Resolution/`) → validate (`Validation/`) → filter
/// (`FindingFilter`) → render (`Reporting/`). The README's architecture section says what
/// flows between the stages and where a new reader, check, renderer or language goes.
public enum Concord {
    public static let version = "0.1.0"
}
