/// Concord checks citations, cross-references and footnotes in UN resolutions.
///
/// The pipeline, one folder per stage: Reading (file → `Document`), Text (ICU normalization,
/// segmentation, positions), and, in later stages, Citations, Resolution, Validation and
/// Reporting.
public enum Concord {
    public static let version = "0.1.0"
}
