/// The platform's default `Signer`: SM2 with SM3, DER signatures, and a fixed signer ID.
public struct SM2Signer: Signer, CustomStringConvertible {
    /// The algorithm name recorded next to signatures.
    public let algorithm = "SM2-SM3"
    /// The signing key.
    public let privateKey: SM2PrivateKey
    /// The signer's distinguishing identifier that enters ZA.
    public let id: [UInt8]

    /// Wraps `privateKey`, signing as `id` (default `1234567812345678`).
    public init(privateKey: SM2PrivateKey, id: [UInt8] = SM2.defaultID) {
        self.privateKey = privateKey
        self.id = id
    }

    /// An `SM2Verifier` for the matching public key and the same ID.
    public var verifier: any Verifier { SM2Verifier(publicKey: privateKey.publicKey, id: id) }

    /// Returns the DER signature (GM/T 0009) over `message`.
    public func sign(_ message: [UInt8]) throws -> [UInt8] {
        try privateKey.signature(for: message, id: id).derRepresentation
    }

    /// Names the algorithm only; the key stays out of logs.
    public var description: String { "SM2Signer(<redacted>)" }
}
