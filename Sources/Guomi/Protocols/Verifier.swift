/// Something that checks signatures with a public key.
public protocol Verifier: Sendable {
    /// The signature algorithm name, for example `SM2-SM3`.
    var algorithm: String { get }
    /// The public key in an algorithm-specific byte encoding (SubjectPublicKeyInfo DER for SM2).
    var publicKeyBytes: [UInt8] { get }
    /// Returns whether `signature` is a valid signature over `message`; malformed signatures are invalid.
    func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool
}
