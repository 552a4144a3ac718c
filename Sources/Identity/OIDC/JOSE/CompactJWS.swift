import Foundation
import Kernel
import Signing

/// Signs and checks JWS compact serialisations (RFC 7515) with a JSON payload: ID tokens.
enum CompactJWS {
    struct Header: Codable {
        var alg: String
        var kid: String
        var typ: String?
    }

    /// `header.payload.signature` for `claims`, signed with `key`.
    static func sign(_ claims: some Encodable, with key: SigningKey, type: String = "JWT") throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let header = try encoder.encode(Header(alg: key.algorithm.rawValue, kid: key.kid, typ: type))
        let payload = try encoder.encode(claims)
        let input = Base64URL.encode(header) + "." + Base64URL.encode(payload)
        return input + "." + Base64URL.encode(try key.sign(Array(input.utf8)))
    }

    /// The payload of `token` when one of `keys` signed it with the algorithm the key is for; else nil.
    ///
    /// The algorithm is taken from the key, never trusted from the header alone (no `none`, no
    /// algorithm confusion).
    static func verifiedPayload(_ token: String, keys: [JSONWebKey]) -> Data? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard token.count < 8192, parts.count == 3,
            let headerBytes = Base64URL.decode(parts[0]),
            let header = try? JSONDecoder().decode(Header.self, from: headerBytes),
            let key = keys.first(where: { $0.kid == header.kid }), key.alg == header.alg,
            let payload = Base64URL.decode(parts[1]), let signature = Base64URL.decode(parts[2])
        else { return nil }
        let input = Array(token.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count))
        return SigningKey.isValid(Array(signature), for: input, by: key) ? payload : nil
    }
}
