import Crypto
import Foundation
public import Guomi

/// Ed25519 (JOSE `EdDSA`) behind Guomi's `Signer`.
public struct Ed25519Signer: Signer {
    /// The algorithm name.
    public let algorithm = "EdDSA"
    private let raw: [UInt8]

    /// Creates a signer with a new random key.
    public init() {
        raw = Array(Curve25519.Signing.PrivateKey().rawRepresentation)
    }

    /// Creates a signer from the 32-byte seed.
    public init(rawRepresentation: [UInt8]) throws {
        raw = Array(try Curve25519.Signing.PrivateKey(rawRepresentation: rawRepresentation).rawRepresentation)
    }

    /// The verifier for this key.
    public var verifier: any Verifier {
        Ed25519Verifier(
            publicKeyBytes: Array(
                try! Curve25519.Signing.PrivateKey(rawRepresentation: raw).publicKey.rawRepresentation))
    }

    /// A 64-byte Ed25519 signature over `message`.
    public func sign(_ message: [UInt8]) throws -> [UInt8] {
        Array(try Curve25519.Signing.PrivateKey(rawRepresentation: raw).signature(for: message))
    }
}

/// Checks Ed25519 signatures; the public key is the raw 32 bytes.
public struct Ed25519Verifier: Verifier {
    /// The algorithm name.
    public let algorithm = "EdDSA"
    /// The raw 32-byte public key.
    public let publicKeyBytes: [UInt8]

    /// Creates a verifier for a raw public key.
    public init(publicKeyBytes: [UInt8]) {
        self.publicKeyBytes = publicKeyBytes
    }

    /// Whether `signature` is valid for `message`.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKeyBytes) else { return false }
        return key.isValidSignature(signature, for: message)
    }
}
