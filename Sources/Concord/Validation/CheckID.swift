/// The id of every check Concord runs: `Rules/checks.yml` gives each its default severity and
/// description (a test keeps the two in step), `.concord.yml` and inline suppressions name
/// them, and every finding carries one.
public enum CheckID: String, Sendable, CaseIterable, Codable, Comparable, CustomStringConvertible {
    // One document
    case footnoteNumberingGap = "footnote.numbering-gap"
    case footnoteDuplicateLabel = "footnote.duplicate-label"
    case footnoteOrphanMarker = "footnote.orphan-marker"
    case footnoteOrphanBody = "footnote.orphan-body"
    case footnoteRepeatedMarker = "footnote.repeated-marker"
    case footnoteMixedPractice = "footnote.mixed-practice"
    case ibidNoAntecedent = "ibid.no-antecedent"
    case ibidAmbiguous = "ibid.ambiguous"
    case ibidAfterUnknown = "ibid.after-unknown"
    case symbolMalformed = "symbol.malformed"
    case symbolUnknownSeries = "symbol.unknown-series"
    case treatyContradiction = "treaty.contradiction"
    case paragraphNumberingGap = "paragraph.numbering-gap"
    case paragraphDuplicateNumber = "paragraph.duplicate-number"
    case paragraphMissingTarget = "paragraph.missing-target"
    case dateImpossible = "date.impossible"
    case plausibilityGASessionDate = "plausibility.ga-session-date"
    case plausibilitySCYear = "plausibility.sc-year"
    case plausibilityCitedAfterAdoption = "plausibility.cited-after-adoption"
    case plausibilityConflictingDate = "plausibility.conflicting-date"
    case plausibilityLaterSession = "plausibility.later-session"
    // The run itself
    case reportFindingsCut = "report.findings-cut"
    case suppressionUnknownCheck = "suppression.unknown-check"
    // A set of language versions of one document
    case setFootnoteCount = "set.footnote-count"
    case setMarkerMoved = "set.marker-moved"
    case setParagraphCount = "set.paragraph-count"
    case setCitationMismatch = "set.citation-mismatch"
    case setIdentityMismatch = "set.identity-mismatch"
    case setNumberMismatch = "set.number-mismatch"

    public var description: String { rawValue }

    public static func < (a: CheckID, b: CheckID) -> Bool { a.rawValue < b.rawValue }
}
