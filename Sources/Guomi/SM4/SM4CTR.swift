/// SM4 in counter mode with a 128-bit big-endian counter, matching OpenSSL's `sm4-ctr`.
public struct SM4CTR: Sendable {
    let cipher: SM4

    /// Creates the mode with a 16-byte key.
    public init(key: [UInt8]) throws {
        cipher = try SM4(key: key)
    }

    /// Encrypts or decrypts `data` (the operation is its own inverse) starting from the 16-byte `counter` block.
    public func crypt(_ data: [UInt8], counter: [UInt8]) throws -> [UInt8] {
        guard counter.count == 16 else { throw GuomiError.invalidNonceLength(counter.count) }
        var output = data
        let (high, low) = counter.withUnsafeBytes {
            (
                UInt64(bigEndian: $0.loadUnaligned(as: UInt64.self)),
                UInt64(bigEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            )
        }
        output.withUnsafeMutableBytes { buffer in
            SM4CTR.apply(buffer, high: high, low: low, keys: cipher.encryptionKeys, wrap32: false)
        }
        return output
    }

    /// XORs the key stream into `buffer` in place; `wrap32` increments only the low 32 bits, as GCM requires.
    static func apply(_ buffer: UnsafeMutableRawBufferPointer, high: UInt64, low: UInt64, keys: [UInt32], wrap32: Bool)
    {
        keys.withUnsafeBufferPointer { rk in
            SM4Tables.round.withUnsafeBufferPointer { table in
                var hi = high
                var lo = low
                var offset = 0
                while offset < buffer.count {
                    let stream = SM4.crypt(
                        UInt32(truncatingIfNeeded: hi >> 32), UInt32(truncatingIfNeeded: hi),
                        UInt32(truncatingIfNeeded: lo >> 32), UInt32(truncatingIfNeeded: lo),
                        rk: rk, table: table)
                    if buffer.count - offset >= 16 {
                        let w0 = SM4.loadMutable(buffer, offset) ^ stream.0
                        let w1 = SM4.loadMutable(buffer, offset + 4) ^ stream.1
                        let w2 = SM4.loadMutable(buffer, offset + 8) ^ stream.2
                        let w3 = SM4.loadMutable(buffer, offset + 12) ^ stream.3
                        SM4.store((w0, w1, w2, w3), into: buffer, at: offset)
                    } else {
                        let words = [stream.0, stream.1, stream.2, stream.3]
                        for index in offset..<buffer.count {
                            let position = index - offset
                            buffer[index] ^= UInt8(
                                truncatingIfNeeded: words[position / 4] >> UInt32(24 - 8 * (position % 4)))
                        }
                    }
                    if wrap32 {
                        lo = (lo & 0xffff_ffff_0000_0000) | UInt64(UInt32(truncatingIfNeeded: lo) &+ 1)
                    } else {
                        lo &+= 1
                        if lo == 0 { hi &+= 1 }
                    }
                    offset += 16
                }
            }
        }
    }
}
