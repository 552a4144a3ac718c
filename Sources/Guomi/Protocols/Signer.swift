/// Something that signs bytes with a private key.
public protocol Signer: Sendable {
    /// The signature algorithm name, for example `SM2-SM3`.
    var algorithm: String { get }
    /// The matching verifier holding only the public key.
    var verifier: any Verifier { get }
    /// Signs `message` and returns the encoded signature.
    func sign(_ message: [UInt8]) throws -> [UInt8]
}
