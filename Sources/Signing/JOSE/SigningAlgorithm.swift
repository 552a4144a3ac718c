import Crypto
import Guomi

/// The signature algorithms ID tokens and signed documents can be signed with.
public enum SigningAlgorithm: String, Sendable, CaseIterable, Codable {
    /// ECDSA P-256 with SHA-256 (RFC 7518), the default every OIDC library understands.
    case es256 = "ES256"
    /// SM2 with SM3 and the default signer ID, signature r‖s: for relying parties that require 国密.
    case sm2 = "SM2"

    /// The JWK curve name.
    public var curve: String {
        switch self {
        case .es256: "P-256"
        case .sm2: "SM2"
        }
    }

    /// The hash `at_hash` is computed with: the one the signature uses.
    public func digest(_ bytes: [UInt8]) -> [UInt8] {
        switch self {
        case .es256: Array(SHA256.hash(data: bytes))
        case .sm2: SM3.hash(bytes)
        }
    }
}
