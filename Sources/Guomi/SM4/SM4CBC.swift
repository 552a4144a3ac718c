/// SM4 in cipher-block-chaining mode with PKCS#7 padding and a caller-supplied 16-byte IV.
public struct SM4CBC: Sendable {
    let cipher: SM4

    /// Creates the mode with a 16-byte key.
    public init(key: [UInt8]) throws {
        cipher = try SM4(key: key)
    }

    /// Pads and encrypts `plaintext`; the IV must be 16 unpredictable bytes.
    public func encrypt(_ plaintext: [UInt8], iv: [UInt8]) throws -> [UInt8] {
        guard iv.count == 16 else { throw GuomiError.invalidNonceLength(iv.count) }
        let padded = PKCS7.pad(plaintext)
        var output = [UInt8](repeating: 0, count: padded.count)
        let keys = cipher.encryptionKeys
        padded.withUnsafeBytes { input in
            iv.withUnsafeBytes { ivBytes in
                output.withUnsafeMutableBytes { out in
                    keys.withUnsafeBufferPointer { rk in
                        SM4Tables.round.withUnsafeBufferPointer { table in
                            var c = (
                                SM4.load(ivBytes, 0), SM4.load(ivBytes, 4), SM4.load(ivBytes, 8), SM4.load(ivBytes, 12)
                            )
                            var offset = 0
                            while offset < input.count {
                                c = SM4.crypt(
                                    SM4.load(input, offset) ^ c.0, SM4.load(input, offset + 4) ^ c.1,
                                    SM4.load(input, offset + 8) ^ c.2, SM4.load(input, offset + 12) ^ c.3,
                                    rk: rk, table: table)
                                SM4.store(c, into: out, at: offset)
                                offset += 16
                            }
                        }
                    }
                }
            }
        }
        return output
    }

    /// Decrypts `ciphertext` and strips the padding; throws on a bad IV, length or padding.
    public func decrypt(_ ciphertext: [UInt8], iv: [UInt8]) throws -> [UInt8] {
        guard iv.count == 16 else { throw GuomiError.invalidNonceLength(iv.count) }
        guard !ciphertext.isEmpty, ciphertext.count % 16 == 0 else {
            throw GuomiError.invalidCiphertextLength(ciphertext.count)
        }
        var output = SM4ECB.run(ciphertext, keys: cipher.decryptionKeys)
        let previous = iv + ciphertext.dropLast(16)
        for index in output.indices {
            output[index] ^= previous[index]
        }
        return try PKCS7.unpad(output)
    }
}
