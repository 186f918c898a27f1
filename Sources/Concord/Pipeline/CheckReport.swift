/// What `concord check` found in a set of language versions of one document.
public struct SetReport: Sendable {
    public var set: DocumentSet
    public var languages: [Language]
    public var findings: [Finding]
    /// The versions aligned unit by unit, kept when a renderer shows them (HTML).
    public var alignment: VersionAlignment?

    public init(set: DocumentSet, languages: [Language], findings: [Finding], alignment: VersionAlignment? = nil) {
        self.set = set
        self.languages = languages
        self.findings = findings
        self.alignment = alignment
    }
}

/// The whole run: every set's findings and every file that could not be read.
public struct CheckReport: Sendable {
    public var sets: [SetReport]
    public var inputErrors: [InputError]
    /// The documents read (the paths that could not be read are `inputErrors`, not counted).
    public var fileCount: Int
    /// Findings the filter stage took out: silenced inline, turned off in the configuration,
    /// already in the baseline (counted, not reported).
    public var suppressed = 0
    public var turnedOff = 0
    public var inBaseline = 0

    /// Every citation of another document of the repository that was resolved into it.
    public var links: [ResolvedLink] = []

    public init(sets: [SetReport], inputErrors: [InputError], fileCount: Int) {
        self.sets = sets
        self.inputErrors = inputErrors
        self.fileCount = fileCount
    }

    public var findings: [Finding] { sets.flatMap(\.findings) }

    /// The findings the filter took out, all reasons together.
    public var hidden: Int { suppressed + turnedOff + inBaseline }

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }
}
