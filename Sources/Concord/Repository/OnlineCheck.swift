import CCurlShim
import Foundation

/// `--online`: symbols that the repository does not hold, looked up on the UN's resolver
/// (`https://undocs.org/{symbol}`, or the configuration's template), as lychee checks links:
/// a limit on requests at once, retries with backoff, a timeout per request, and a persistent
/// cache with an expiry (`$XDG_CACHE_HOME/concord/online.json`). libcurl does the HTTP,
/// opened with dlopen only when a symbol is looked up (`Sources/CCurlShim`): Foundation's
/// URLSession (FoundationNetworking on Linux) did it before, but linking FoundationNetworking
/// loads libcurl and its TLS, Kerberos and LDAP libraries into every run, about 11 ms of CPU
/// at each start. The toolchain's FoundationNetworking needs libcurl, so it is there.
public struct OnlineCheck: Sendable {
    public struct Settings: Sendable {
        /// `{symbol}` is replaced by the symbol as written (percent-encoded, slashes kept).
        public var urlTemplate = "https://undocs.org/{symbol}"
        /// Seconds per request (connection and answer).
        public var timeout: Double = 10
        public var concurrency = 4
        /// Further tries after a failure (timeout, no connection, 429, 5xx).
        public var retries = 2
        /// Seconds before the second try; doubled for each further one.
        public var backoff: Double = 0.5
        /// How long an answer stays in the cache, in seconds (default 7 days).
        public var expiry: Double = 7 * 24 * 3600
        /// The cache's folder (nil: no cache).
        public var cacheFolder: String?

        public init() {}
    }

    /// What the resolver said of a symbol.
    public enum Status: Sendable, Hashable {
        /// 2xx (after redirects): the document exists.
        case found
        /// 404 or 410: it does not.
        case missing
        /// No answer to rely on (timeout, no connection, another status) after every try.
        case failed(String)
    }

    public let settings: Settings

    public init(_ settings: Settings) {
        self.settings = settings
    }

    public func url(for symbol: String) -> URL? {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#")
        let encoded = symbol.addingPercentEncoding(withAllowedCharacters: allowed) ?? symbol
        return URL(string: settings.urlTemplate.replacingOccurrences(of: "{symbol}", with: encoded))
    }

    /// The status of every symbol: from the cache when an answer there has not expired, else
    /// asked (`concurrency` at a time); found and missing answers are stored, failures not.
    public func check(_ symbols: [String], now: Date = Date()) -> [String: Status] {
        let cache = OnlineCache(folder: settings.cacheFolder, template: settings.urlTemplate)
        var stored = cache.load()
        var result = [String: Status]()
        var ask = [String]()
        for symbol in Set(symbols).sorted() {
            if let entry = stored[symbol], now.timeIntervalSince1970 - entry.time < settings.expiry {
                result[symbol] = entry.found ? .found : .missing
            } else {
                ask.append(symbol)
            }
        }
        guard !ask.isEmpty else { return result }
        let answers = Answers()
        let gate = DispatchSemaphore(value: max(1, settings.concurrency))
        let group = DispatchGroup()
        for symbol in ask {
            gate.wait()
            group.enter()
            DispatchQueue.global().async {
                let status = self.ask(symbol)
                answers.set(symbol, status)
                gate.signal()
                group.leave()
            }
        }
        group.wait()
        for (symbol, status) in answers.values {
            result[symbol] = status
            switch status {
            case .found: stored[symbol] = OnlineCache.Entry(found: true, time: now.timeIntervalSince1970)
            case .missing: stored[symbol] = OnlineCache.Entry(found: false, time: now.timeIntervalSince1970)
            case .failed: break
            }
        }
        cache.save(stored)
        return result
    }

    /// One symbol: tries, with backoff between them, until an answer that counts.
    private func ask(_ symbol: String) -> Status {
        guard let url = url(for: symbol) else { return .failed("no URL can be made of it") }
        var last = "no answer"
        for attempt in 0...max(0, settings.retries) {
            if attempt > 0 { Thread.sleep(forTimeInterval: settings.backoff * pow(2, Double(attempt - 1))) }
            var status = 0
            var message = [CChar](repeating: 0, count: 512)
            // libcurl's own timeout bounds the whole request, connection included.
            let code = concord_http_get_status(url.absoluteString, Int(max(1, (settings.timeout * 1000).rounded())), &status,
                                               &message, message.count)
            if code == 0 {
                if (200..<400).contains(status) { return .found }
                if status == 404 || status == 410 { return .missing }
                last = "HTTP status \(status)"
            } else if code == CONCORD_HTTP_TIMED_OUT {
                last = "no answer within \(Self.seconds(settings.timeout))"
            } else {
                let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                last = text.isEmpty ? "no answer" : text
                if code == CONCORD_HTTP_NO_LIBRARY { break }
            }
        }
        return .failed(last)
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

/// Answers written by concurrent requests.
private final class Answers: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values = [String: OnlineCheck.Status]()
    func set(_ symbol: String, _ status: OnlineCheck.Status) {
        lock.lock(); values[symbol] = status; lock.unlock()
    }
}

/// The online answers kept between runs: one JSON file per URL template in the cache folder,
/// symbol → found or not and when; written atomically.
struct OnlineCache {
    struct Entry: Codable { var found: Bool; var time: Double }
    let file: String?

    init(folder: String?, template: String) {
        file = folder.map { "\($0)/online-\(String(StableHash.fnv64(template), radix: 16)).json" }
    }

    func load() -> [String: Entry] {
        guard let file, let data = FileManager.default.contents(atPath: file),
              let entries = try? JSONDecoder().decode([String: Entry].self, from: data) else { return [:] }
        return entries
    }

    func save(_ entries: [String: Entry]) {
        guard let file else { return }
        try? FileManager.default.createDirectory(atPath: PathText.deletingLastComponent(file), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(entries) else { return }
        try? data.write(to: URL(fileURLWithPath: file), options: .atomic)
    }
}
