import ConcordRuleFiles

/// When the General Assembly's sessions sat (`Rules/sessions.yml`): the months in which a
/// resolution of a session can have been adopted, and how near a date must stand to a
/// resolution to be its adoption date.
public struct SessionCatalogue: Sendable {
    /// A month as `year * 12 + (month - 1)`, so that windows compare as integers.
    public struct Window: Sendable, Equatable {
        public var first: Int
        /// nil: the session is still open.
        public var last: Int?

        public func contains(year: Int, month: Int) -> Bool {
            let value = year * 12 + month - 1
            return value >= first && (last.map { value <= $0 } ?? true)
        }

        /// `from September 2009 to September 2010`, `in 1978`, `from 1997 onwards`.
        public var description: String {
            func month(_ value: Int) -> String { "\(SessionCatalogue.monthNames[value % 12]) \(value / 12)" }
            guard let last else { return first % 12 == 0 ? "from \(first / 12) onwards" : "from \(month(first)) onwards" }
            if first % 12 == 0, last % 12 == 11 { return first / 12 == last / 12 ? "in \(first / 12)" : "from \(first / 12) to \(last / 12)" }
            return "from \(month(first)) to \(month(last))"
        }
    }
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    let baseYear: Int
    let openingMonth: Int
    let closingMonth: Int
    let table: [String: Window]
    /// How far (UTF-16 units) a date may start after a resolution's number, or end before
    /// it (nil: not on that side), by language code; `""` is every other language.
    let pairing: [String: (after: Int?, before: Int?)]
    let examples: RuleFiles.Sessions.Examples?

    static let empty = SessionCatalogue(baseYear: 1945, openingMonth: 9, closingMonth: 9, table: [:], pairing: [:], examples: nil)

    init(baseYear: Int, openingMonth: Int, closingMonth: Int, table: [String: Window], pairing: [String: (after: Int?, before: Int?)], examples: RuleFiles.Sessions.Examples?) {
        self.baseYear = baseYear
        self.openingMonth = openingMonth
        self.closingMonth = closingMonth
        self.table = table
        self.pairing = pairing
        self.examples = examples
    }

    init(_ file: RuleFiles.Sessions) {
        var table = [String: Window]()
        for entry in file.sessions {
            table[entry.session] = Window(first: entry.from * 12 + (entry.fromMonth ?? 1) - 1,
                                          last: entry.to.map { $0 * 12 + (entry.toMonth ?? 12) - 1 })
        }
        self.init(baseYear: file.regular.baseYear, openingMonth: file.regular.openingMonth, closingMonth: file.regular.closingMonth,
                  table: table, pairing: Self.pairing(file.pairing), examples: file.examples)
    }

    static func pairing(_ file: RuleFiles.Sessions.Pairing) -> [String: (after: Int?, before: Int?)] {
        var result: [String: (after: Int?, before: Int?)] = ["": (file.after, file.before)]
        for (language, entry) in file.languages ?? [:] { result[language] = (entry.after, entry.before) }
        return result
    }

    /// The distances for a language (its own entry, else the default); none without rules.
    public func distances(language: String) -> (after: Int?, before: Int?) {
        pairing[language] ?? pairing[""] ?? (nil, nil)
    }

    /// The session of a GA resolution key: `64` (A/RES/64/293), `26` (A/RES/2832(XXVI)),
    /// `S-10`, `ES-10`; nil for anything else.
    public static func session(ofKey key: String) -> String? {
        guard key.hasPrefix("A/RES/") else { return nil }
        let rest = key.dropFirst("A/RES/".count)
        // `2832(XXVI)`, `2200A(XXI)` (a part letter before the session).
        if let open = rest.firstIndex(of: "("), rest.hasSuffix(")"), rest.first?.isASCIIDigit == true,
           rest[..<open].drop(while: \.isASCIIDigit).allSatisfy({ $0.isASCII && $0.isUppercase }) {
            let roman = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]
            return romanValue(roman).map(String.init)
        }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[1].first?.isASCIIDigit == true else { return nil }
        let session = parts[0]
        for prefix in ["ES-", "S-"] where session.hasPrefix(prefix) {
            let number = session.dropFirst(prefix.count)
            return !number.isEmpty && number.allSatisfy(\.isASCIIDigit) ? prefix + String(Int(number)!) : nil
        }
        guard !session.isEmpty, session.count <= 3, session.allSatisfy(\.isASCIIDigit), let value = Int(session), value > 0 else { return nil }
        return String(value)
    }

    static func romanValue(_ text: Substring) -> Int? {
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100]
        var total = 0
        let digits = text.compactMap { values[$0] }
        guard !digits.isEmpty, digits.count == text.count else { return nil }
        for (i, value) in digits.enumerated() {
            total += i + 1 < digits.count && digits[i + 1] > value ? -value : value
        }
        return total
    }

    /// When a session's resolutions can have been adopted: the table's entry, else for a
    /// regular session N from the opening month of base-year + N to the closing month of the
    /// next year; nil when not known (a special session not in the table).
    public func window(of session: String) -> Window? {
        if let entry = table[session] { return entry }
        guard let number = Int(session), !pairing.isEmpty else { return nil }
        return Window(first: (baseYear + number) * 12 + openingMonth - 1, last: (baseYear + number + 1) * 12 + closingMonth - 1)
    }

    /// Whether a resolution (key) adopted on a date (`date:2010-07-30`) is impossible; nil
    /// when it cannot be told (unknown session, not a date).
    public func contradicts(resolution key: String, date: String) -> (session: String, window: Window)? {
        guard let session = Self.session(ofKey: key), let window = window(of: session),
              let (year, month) = Self.yearMonth(date) else { return nil }
        return window.contains(year: year, month: month) ? nil : (session, window)
    }

    static func yearMonth(_ key: String) -> (Int, Int)? {
        let value = key.hasPrefix("date:") ? key.dropFirst(5) : Substring(key)
        guard !value.hasPrefix("--") else { return nil }  // a date without its year
        let parts = value.split(separator: "-")
        guard parts.count >= 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        return (year, month)
    }
}

fileprivate extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
