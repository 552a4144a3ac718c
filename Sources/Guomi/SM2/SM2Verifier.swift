/// The `Verifier` for `SM2Signer`: checks DER SM2-SM3 signatures made under a given signer ID.
public struct SM2Verifier: Verifier {
    /// The algorithm name this verifier accepts.
    public let algorithm = "SM2-SM3"
    /// The signer's public key.
    public let publicKey: SM2PublicKey
    /// The signer's distinguishing identifier that enters ZA.
    public let id: [UInt8]

    /// Verifies signatures by `publicKey` made as `id` (default `1234567812345678`).
    public init(publicKey: SM2PublicKey, id: [UInt8] = SM2.defaultID) {
        self.publicKey = publicKey
        self.id = id
    }

    /// The SubjectPublicKeyInfo DER of the key.
    public var publicKeyBytes: [UInt8] { publicKey.derRepresentation }

    /// True only for a well-formed DER signature that verifies over `message`.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard let parsed = try? SM2Signature(derRepresentation: signature) else { return false }
        return publicKey.isValidSignature(parsed, for: message, id: id)
    }
}
