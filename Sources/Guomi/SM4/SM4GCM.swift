/// SM4 in Galois/counter mode (NIST SP 800-38D with SM4 as the block cipher, as in RFC 8998): authenticated
/// encryption with associated data and a 16-byte tag.
public struct SM4GCM: Sendable {
    /// The recommended nonce length; other non-empty lengths are accepted and hashed into the counter.
    public static let nonceByteCount = 12
    /// Tags are always the full 16 bytes.
    public static let tagByteCount = 16

    let cipher: SM4
    let hashKey: (UInt64, UInt64)

    /// Creates the mode with a 16-byte key.
    public init(key: [UInt8]) throws {
        cipher = try SM4(key: key)
        let h = try cipher.encryptBlock([UInt8](repeating: 0, count: 16))
        hashKey = h.withUnsafeBytes {
            (
                UInt64(bigEndian: $0.loadUnaligned(as: UInt64.self)),
                UInt64(bigEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            )
        }
    }

    /// Encrypts `plaintext` and authenticates it with `aad`; the nonce must never repeat under one key.
    public func seal(
        _ plaintext: [UInt8], nonce: [UInt8], authenticating aad: [UInt8] = []
    ) throws -> (ciphertext: [UInt8], tag: [UInt8]) {
        let counter = try initialCounter(nonce)
        var ciphertext = plaintext
        ciphertext.withUnsafeMutableBytes { buffer in
            SM4CTR.apply(buffer, high: counter.0, low: counter.1 &+ 1, keys: cipher.encryptionKeys, wrap32: true)
        }
        return (ciphertext, tag(counter: counter, aad: aad, ciphertext: ciphertext))
    }

    /// Checks `tag` over `aad` and `ciphertext`, then decrypts; throws `authenticationFailed` on any mismatch.
    public func open(
        _ ciphertext: [UInt8], nonce: [UInt8], tag: [UInt8], authenticating aad: [UInt8] = []
    ) throws -> [UInt8] {
        let counter = try initialCounter(nonce)
        let expected = self.tag(counter: counter, aad: aad, ciphertext: ciphertext)
        guard ConstantTime.equals(expected, tag) else { throw GuomiError.authenticationFailed }
        var plaintext = ciphertext
        plaintext.withUnsafeMutableBytes { buffer in
            SM4CTR.apply(buffer, high: counter.0, low: counter.1 &+ 1, keys: cipher.encryptionKeys, wrap32: true)
        }
        return plaintext
    }

    /// J0: nonce ‖ 0^31 ‖ 1 for 12-byte nonces, otherwise GHASH of the padded nonce and its bit length.
    private func initialCounter(_ nonce: [UInt8]) throws -> (UInt64, UInt64) {
        guard !nonce.isEmpty else { throw GuomiError.invalidNonceLength(0) }
        if nonce.count == 12 {
            return nonce.withUnsafeBytes {
                (
                    UInt64(bigEndian: $0.loadUnaligned(as: UInt64.self)),
                    (UInt64(UInt32(bigEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt32.self))) << 32) | 1
                )
            }
        }
        var ghash = GHash(h1: hashKey.0, h0: hashKey.1)
        nonce.withUnsafeBytes { ghash.update($0) }
        ghash.absorb(0, UInt64(nonce.count) &* 8)
        return (ghash.y1, ghash.y0)
    }

    private func tag(counter: (UInt64, UInt64), aad: [UInt8], ciphertext: [UInt8]) -> [UInt8] {
        var ghash = GHash(h1: hashKey.0, h0: hashKey.1)
        aad.withUnsafeBytes { ghash.update($0) }
        ciphertext.withUnsafeBytes { ghash.update($0) }
        ghash.absorb(UInt64(aad.count) &* 8, UInt64(ciphertext.count) &* 8)
        var block = [UInt8](repeating: 0, count: 16)
        for index in 0..<8 {
            block[index] = UInt8(truncatingIfNeeded: ghash.y1 >> UInt64(56 - 8 * index))
            block[8 + index] = UInt8(truncatingIfNeeded: ghash.y0 >> UInt64(56 - 8 * index))
        }
        block.withUnsafeMutableBytes { buffer in
            SM4CTR.apply(buffer, high: counter.0, low: counter.1, keys: cipher.encryptionKeys, wrap32: true)
        }
        return block
    }
}
