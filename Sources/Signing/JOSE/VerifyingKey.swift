import Crypto
import Guomi
import Kernel

/// A published public key parsed once, for checking many signatures without re-reading its JWK.
public struct VerifyingKey: Sendable {
    /// The key as published.
    public let jwk: JSONWebKey
    private let parsed: Parsed

    private enum Parsed: Sendable {
        case p256(P256Key)
        case sm2(SM2PublicKey)
    }

    /// swift-crypto 3 does not mark its public keys `Sendable`; this one is an immutable value never
    /// mutated after parsing, so sharing it across tasks is safe.
    private struct P256Key: @unchecked Sendable {
        let key: P256.Signing.PublicKey
    }

    /// Parses `jwk`; nil when its algorithm is unknown or its point is not on the curve.
    public init?(jwk: JSONWebKey) {
        guard let x = Base64URL.decode(jwk.x), let y = Base64URL.decode(jwk.y), x.count == 32, y.count == 32 else {
            return nil
        }
        let point = [0x04] + Array(x) + Array(y)
        switch SigningAlgorithm(rawValue: jwk.alg) {
        case .es256:
            guard let key = try? P256.Signing.PublicKey(x963Representation: point) else { return nil }
            parsed = .p256(P256Key(key: key))
        case .sm2:
            guard let key = try? SM2PublicKey(x963Representation: point) else { return nil }
            parsed = .sm2(key)
        case nil: return nil
        }
        self.jwk = jwk
    }

    /// Whether `signature` (r‖s, 64 bytes) over `input` was made by this key's private half.
    public func isValid(_ signature: [UInt8], for input: [UInt8]) -> Bool {
        guard signature.count == 64 else { return false }
        switch parsed {
        case .p256(let key):
            guard let parsed = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return key.key.isValidSignature(parsed, for: input)
        case .sm2(let key):
            guard let parsed = try? SM2Signature(rawRepresentation: signature) else { return false }
            return key.isValidSignature(parsed, for: input)
        }
    }
}
