import Foundation

/// A record of the findings a repository already has, by fingerprint (rule, file name and
/// what the finding is about — not the line), so that a CI step reports only new ones.
public enum Baseline {
    public static func render(_ findings: [Finding]) -> String {
        let fingerprints = Array(Set(findings.map(Fingerprint.of))).sorted()
        return JSONValue.object([
            ("tool", .string("concord")),
            ("version", .int(1)),
            ("fingerprints", .array(fingerprints.map(JSONValue.string))),
        ]).rendered()
    }

    public static func read(_ path: String) throws(InputError) -> Set<String> {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, reason: .notFound)
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = object["fingerprints"] as? [String] else {
            throw InputError(file: path, reason: .malformed("not a Concord baseline (write one with --write-baseline)", line: nil))
        }
        return Set(list)
    }
}
