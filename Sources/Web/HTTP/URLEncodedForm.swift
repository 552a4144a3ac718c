import Foundation

/// Reads `application/x-www-form-urlencoded` bodies and queries (`+` is a space).
enum URLEncodedForm {
    /// The fields as a dictionary (last value wins).
    static func fields(_ body: String) -> [String: String] {
        Dictionary(pairs(body), uniquingKeysWith: { _, last in last })
    }

    /// The fields in order, repeated names kept.
    static func pairs(_ body: String) -> [(String, String)] {
        body.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            guard let key = parts.first else { return nil }
            return (decode(key), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// The fields as a dictionary, or nil when a name is repeated (OAuth forbids it, RFC 6749 §3.1).
    static func uniqueFields(_ body: String) -> [String: String]? {
        var fields: [String: String] = [:]
        for (key, value) in pairs(body) {
            guard fields.updateValue(value, forKey: key) == nil else { return nil }
        }
        return fields
    }

    /// Encodes `fields` as a query string, in the order given.
    static func encode(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { key, value in
            (key.addingPercentEncoding(withAllowedCharacters: allowed) ?? "") + "="
                + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&")
    }
}
