import Crypto
import Foundation
public import Guomi

/// AES-256-GCM from swift-crypto behind Guomi's `Cipher`, for installations that choose it.
public struct AESGCMCipher: Cipher {
    /// The cipher name.
    public let algorithm = "AES-256-GCM"
    private let key: [UInt8]

    /// Creates the cipher with a 32-byte key.
    public init(key: [UInt8]) throws {
        guard key.count == 32 else { throw GuomiError.invalidKeyLength(expected: 32, actual: key.count) }
        self.key = key
    }

    /// Returns nonce(12) ‖ ciphertext ‖ tag(16).
    public func seal(_ plaintext: [UInt8], authenticating aad: [UInt8]) throws -> [UInt8] {
        let box = try AES.GCM.seal(plaintext, using: SymmetricKey(data: key), authenticating: aad)
        return Array(box.nonce) + Array(box.ciphertext) + Array(box.tag)
    }

    /// Checks the tag and decrypts.
    public func open(_ combined: [UInt8], authenticating aad: [UInt8]) throws -> [UInt8] {
        guard combined.count >= 28 else { throw GuomiError.invalidCiphertextLength(combined.count) }
        do {
            let box = try AES.GCM.SealedBox(combined: combined)
            return Array(try AES.GCM.open(box, using: SymmetricKey(data: key), authenticating: aad))
        } catch {
            throw GuomiError.authenticationFailed
        }
    }
}
