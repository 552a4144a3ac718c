import Crypto
import Foundation
public import Guomi

/// ECDSA P-256 with SHA-256 (JOSE `ES256`) behind Guomi's `Signer`.
public struct P256Signer: Signer {
    /// The algorithm name.
    public let algorithm = "ES256"
    private let raw: [UInt8]

    /// Creates a signer with a new random key.
    public init() {
        raw = Array(P256.Signing.PrivateKey().rawRepresentation)
    }

    /// Creates a signer from a PEM (PKCS#8 or SEC 1) private key.
    public init(pemRepresentation pem: String) throws {
        raw = Array(try P256.Signing.PrivateKey(pemRepresentation: pem).rawRepresentation)
    }

    /// The private key as PKCS#8 PEM, for storing (sealed) in the key store.
    public var pemRepresentation: String {
        (try? P256.Signing.PrivateKey(rawRepresentation: raw))?.pemRepresentation ?? ""
    }

    /// The verifier for this key.
    public var verifier: any Verifier {
        P256Verifier(
            publicKeyBytes: Array(try! P256.Signing.PrivateKey(rawRepresentation: raw).publicKey.derRepresentation))
    }

    /// A DER-encoded ECDSA signature over `message`.
    public func sign(_ message: [UInt8]) throws -> [UInt8] {
        Array(try P256.Signing.PrivateKey(rawRepresentation: raw).signature(for: message).derRepresentation)
    }
}

/// Checks ES256 signatures; the public key is SubjectPublicKeyInfo DER.
public struct P256Verifier: Verifier {
    /// The algorithm name.
    public let algorithm = "ES256"
    /// The public key (SubjectPublicKeyInfo DER).
    public let publicKeyBytes: [UInt8]

    /// Creates a verifier for a SubjectPublicKeyInfo DER key.
    public init(publicKeyBytes: [UInt8]) {
        self.publicKeyBytes = publicKeyBytes
    }

    /// Whether `signature` (DER) is valid for `message`.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard let key = try? P256.Signing.PublicKey(derRepresentation: publicKeyBytes),
            let parsed = try? P256.Signing.ECDSASignature(derRepresentation: signature)
        else { return false }
        return key.isValidSignature(parsed, for: message)
    }
}
