/// An authenticated cipher for data at rest: output carries its own nonce and tag.
public protocol Cipher: Sendable {
    /// The cipher name, for example `SM4-GCM`.
    var algorithm: String { get }
    /// Encrypts and authenticates `plaintext`, binding `aad`; returns nonce ‖ ciphertext ‖ tag.
    func seal(_ plaintext: [UInt8], authenticating aad: [UInt8]) throws -> [UInt8]
    /// Checks and decrypts the output of `seal`; throws if the data, tag or `aad` was altered.
    func open(_ combined: [UInt8], authenticating aad: [UInt8]) throws -> [UInt8]
}
