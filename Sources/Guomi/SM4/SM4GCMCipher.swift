/// The platform's default at-rest `Cipher`: SM4-GCM with a fresh random 12-byte nonce per message.
public struct SM4GCMCipher: Cipher {
    /// The cipher name recorded alongside sealed data.
    public let algorithm = "SM4-GCM"
    let gcm: SM4GCM

    /// Creates the cipher with a 16-byte key; throws `GuomiError.invalidKeyLength` otherwise.
    public init(key: [UInt8]) throws {
        gcm = try SM4GCM(key: key)
    }

    /// Returns nonce(12) ‖ ciphertext ‖ tag(16).
    public func seal(_ plaintext: [UInt8], authenticating aad: [UInt8]) throws -> [UInt8] {
        let nonce = SecureRandom.bytes(count: SM4GCM.nonceByteCount)
        let sealed = try gcm.seal(plaintext, nonce: nonce, authenticating: aad)
        return nonce + sealed.ciphertext + sealed.tag
    }

    /// Splits nonce, ciphertext and tag, checks the tag and decrypts.
    public func open(_ combined: [UInt8], authenticating aad: [UInt8]) throws -> [UInt8] {
        let overhead = SM4GCM.nonceByteCount + SM4GCM.tagByteCount
        guard combined.count >= overhead else { throw GuomiError.invalidCiphertextLength(combined.count) }
        let nonce = Array(combined[..<SM4GCM.nonceByteCount])
        let ciphertext = Array(combined[SM4GCM.nonceByteCount..<(combined.count - SM4GCM.tagByteCount)])
        let tag = Array(combined[(combined.count - SM4GCM.tagByteCount)...])
        return try gcm.open(ciphertext, nonce: nonce, tag: tag, authenticating: aad)
    }
}
