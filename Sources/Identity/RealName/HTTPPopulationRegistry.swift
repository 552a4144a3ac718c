public import AsyncHTTPClient
import Crypto
import Foundation
public import Kernel

/// An external population registry (人口库) reached over HTTPS with the signed contract in
/// docs/real-name.md: `POST {base}/v1/person-checks`, answered `{"result":"match"|…}`.
///
/// By default it sends no name and no 身份证号, only keyed hashes of them (`keyedHashes`), which a
/// registry that keeps the same keyed index of its population can look up; `clear` sends both in
/// clear, inside TLS, for a registry that cannot.
public struct HTTPPopulationRegistry: PopulationRegistry {
    /// What a check discloses to the registry.
    public enum Disclosure: Sendable {
        /// HMAC-SHA256 hashes keyed with a secret shared with the registry (`ZT_REGISTRY_INDEX_KEY`).
        case keyedHashes(indexKey: String)
        /// The name and number themselves.
        case clear
    }

    /// Recorded with each raise it grants.
    public let method = "registry:http"
    let disclosure: Disclosure
    let http: SignedJSONClient

    /// Creates the adapter; `baseURL` is the registry's base, `https://` in production.
    public init(
        baseURL: String, signature: RealNameSignature, client: HTTPClient, disclosure: Disclosure,
        timeoutSeconds: Int64 = 5, clock: any Clock = SystemClock()
    ) {
        self.disclosure = disclosure
        self.http = SignedJSONClient(
            baseURL: baseURL, signature: signature, client: client, timeoutSeconds: timeoutSeconds, clock: clock,
            failure: DomainError(
                .unavailable, code: "identity.registry-unavailable", title: "人口库暂不可用",
                detail: "人口库暂时无法应答，请稍后再试；急需办理的，可携带身份证到政务服务窗口现场认证。"))
    }

    /// The registry's base URL, for configuration checks.
    public var baseURL: String { http.baseURL }

    /// The signer, for configuration checks.
    public var signature: RealNameSignature { http.signature }

    /// Asks the registry whether `name` belongs to `idNumber`.
    public func check(name: String, idNumber: String) async throws -> RegistryAnswer {
        let body: [UInt8]
        switch disclosure {
        case .keyedHashes(let key):
            body = Array(
                try JSONEncoder().encode(
                    HashedCheck(
                        idNumberHash: Self.idNumberHash(idNumber, key: key),
                        nameHash: Self.nameHash(name, idNumber: idNumber, key: key))))
        case .clear:
            body = Array(
                try JSONEncoder().encode(
                    ClearCheck(name: Self.normalizedName(name), idNumber: Self.normalizedNumber(idNumber))))
        }
        let answer = try await http.exchange(.post, "/v1/person-checks", body: body, as: Answer.self)
        switch answer.result {
        case "match": return .match
        case "name-mismatch": return .nameMismatch
        case "not-found": return .notFound
        default: throw http.failure
        }
    }

    /// `idNumberHash`: lowercase hex HMAC-SHA256 under `key` of `id-number`, U+001F, the number in
    /// upper case.
    public static func idNumberHash(_ idNumber: String, key: String) -> String {
        hmac("id-number\u{1F}" + normalizedNumber(idNumber), key: key)
    }

    /// `nameHash`: lowercase hex HMAC-SHA256 under `key` of `name`, U+001F, the name (trimmed, NFC),
    /// U+001F, the number in upper case. The number salts the name, so equal names differ.
    public static func nameHash(_ name: String, idNumber: String, key: String) -> String {
        hmac("name\u{1F}" + normalizedName(name) + "\u{1F}" + normalizedNumber(idNumber), key: key)
    }

    static func normalizedName(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
    }

    static func normalizedNumber(_ idNumber: String) -> String {
        idNumber.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
    }

    private static func hmac(_ text: String, key: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: Data(key.utf8)))
            .map { String(format: "%02x", $0) }.joined()
    }

    private struct HashedCheck: Encodable {
        var idNumberHash: String
        var nameHash: String
    }

    private struct ClearCheck: Encodable {
        var name: String
        var idNumber: String
    }

    private struct Answer: Decodable {
        var result: String
    }
}
