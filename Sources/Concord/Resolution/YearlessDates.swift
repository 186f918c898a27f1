/// Dates written without their year in one version (`12 de marzo`, keyed `date:--03-12`)
/// where the others give it (`12 March 2015`): when the versions of one unit are compared,
/// a year-less date stands for the full date of the same day and month that another
/// version cites, and is left out when none does (so that a year-less date never makes a
/// difference on its own: it is a translator's choice, not a different reference).
enum YearlessDates {
    static func isYearless(_ key: String) -> Bool { key.hasPrefix("date:--") }

    /// The key sets of the versions of one unit, year-less dates replaced or left out.
    static func reconcile(_ versions: [Set<String>]) -> [Set<String>] {
        guard versions.contains(where: { $0.contains(where: isYearless) }) else { return versions }
        var full = [String: Set<String>]()  // "--MM-DD" → the full dates cited with that day
        for keys in versions {
            for key in keys where key.hasPrefix("date:") && !isYearless(key) && key.count == 15 {
                full["--" + key.suffix(5), default: []].insert(key)
            }
        }
        return versions.map { keys in
            var out = Set<String>()
            for key in keys {
                guard isYearless(key) else { out.insert(key); continue }
                // The one full date of that day and month; two different years: left out.
                if let dates = full[String(key.dropFirst(5))], dates.count == 1 { out.insert(dates.first!) }
            }
            return out
        }
    }
}
