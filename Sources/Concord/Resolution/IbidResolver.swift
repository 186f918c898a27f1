/// Resolves Ibid. to the reference it repeats. In a footnote: the previous footnote's
/// source; in running text: the nearest source before it. Fail-safe: when the previous
/// footnote cites several different sources, or an unrecognized one, the Ibid. is reported
/// unresolved rather than guessed.
struct IbidResolver {
    /// Citations an Ibid. can stand for.
    static func isSource(_ citation: Citation) -> Bool {
        switch citation.kind {
        case .symbol, .resolution, .decision, .treaty, .unknown: return true
        default: return false
        }
    }

    /// The source a citation stands for, treating one Treaty Series registration as one
    /// source whatever the volumes.
    private static func sourceIdentity(_ citation: Citation) -> String {
        if citation.kind == .treaty || (citation.kind == .ibid && citation.key.hasPrefix("treaty:")) {
            return "treaty:\(citation.number.map(String.init) ?? "?")"
        }
        return citation.key
    }

    func resolve(footnotes: inout [[Citation]], text: inout [Citation]) {
        var previousSources: [Citation] = []
        var previousLabel: String?
        for index in footnotes.indices {
            var current = footnotes[index]
            for k in current.indices where current[k].kind == .ibid {
                resolve(&current[k], candidates: previousSources, label: previousLabel)
            }
            footnotes[index] = current
            let sources = current.filter { Self.isSource($0) || ($0.kind == .ibid && $0.antecedent != nil) }
            previousSources = sources
            previousLabel = current.first?.footnote
        }
        var lastSource: Citation?
        for k in text.indices {
            if text[k].kind == .ibid {
                resolve(&text[k], candidates: lastSource.map { [$0] } ?? [], label: nil)
            }
            if Self.isSource(text[k]) || (text[k].kind == .ibid && text[k].antecedent != nil) { lastSource = text[k] }
        }
    }

    private func resolve(_ ibid: inout Citation, candidates: [Citation], label: String?) {
        // `Ibid., vol. 1577, No. 27531.` names its Treaty Series reference in full: its key
        // stays whatever the antecedent turns out to be.
        let fullPin = ibid.volume != nil && ibid.number != nil
        defer {
            if fullPin, let volume = ibid.volume, let number = ibid.number { ibid.key = "treaty:\(volume)/\(number)" }
        }
        let identities = Array(Set(candidates.map(Self.sourceIdentity)))
        guard let antecedent = candidates.last else {
            ibid.notes.append(.ibidNoAntecedent)
            return
        }
        guard identities.count == 1 else {
            ibid.notes.append(.ibidAmbiguous)
            return
        }
        if antecedent.kind == .unknown {
            ibid.key = "ibid:after-unknown"
            ibid.antecedent = antecedent.key
            ibid.antecedentFootnote = label
            ibid.notes.append(.ibidAfterUnknown)
            return
        }
        ibid.antecedent = antecedent.key
        ibid.antecedentFootnote = label
        let isTreaty = antecedent.kind == .treaty || antecedent.key.hasPrefix("treaty:")
        if isTreaty, let volume = ibid.volume {
            let number = ibid.number ?? antecedent.number
            ibid.number = number
            ibid.key = "treaty:\(volume)/\(number.map(String.init) ?? "?")"
        } else if isTreaty, ibid.volume == nil {
            ibid.key = antecedent.key
            ibid.volume = antecedent.volume
            ibid.number = antecedent.number
        } else {
            ibid.key = antecedent.key
        }
    }
}
