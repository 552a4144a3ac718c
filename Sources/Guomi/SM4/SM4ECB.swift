/// SM4 in electronic-codebook mode with PKCS#7 padding (only for interoperability; prefer `SM4GCM`).
public struct SM4ECB: Sendable {
    let cipher: SM4

    /// Creates the mode with a 16-byte key.
    public init(key: [UInt8]) throws {
        cipher = try SM4(key: key)
    }

    /// Pads and encrypts `plaintext`.
    public func encrypt(_ plaintext: [UInt8]) -> [UInt8] {
        let padded = PKCS7.pad(plaintext)
        return SM4ECB.run(padded, keys: cipher.encryptionKeys)
    }

    /// Decrypts `ciphertext` and strips the padding; throws on a bad length or padding.
    public func decrypt(_ ciphertext: [UInt8]) throws -> [UInt8] {
        guard !ciphertext.isEmpty, ciphertext.count % 16 == 0 else {
            throw GuomiError.invalidCiphertextLength(ciphertext.count)
        }
        return try PKCS7.unpad(SM4ECB.run(ciphertext, keys: cipher.decryptionKeys))
    }

    static func run(_ input: [UInt8], keys: [UInt32]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: input.count)
        input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { SM4.processBlocks(source, into: $0, keys: keys) }
        }
        return output
    }
}
