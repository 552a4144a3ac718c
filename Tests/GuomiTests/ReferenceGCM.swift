import Guomi

/// A deliberately naive GCM (bit-by-bit GF(2^128) multiply from SP 800-38D, Algorithm 1) used as an
/// independent oracle, because OpenSSL 3.0 on this machine has no SM4-GCM.
struct ReferenceGCM {
    let block: SM4
    let h: [UInt8]

    init(key: [UInt8]) throws {
        block = try SM4(key: key)
        h = try block.encryptBlock([UInt8](repeating: 0, count: 16))
    }

    static func multiply(_ x: [UInt8], _ y: [UInt8]) -> [UInt8] {
        var z = [UInt8](repeating: 0, count: 16)
        var v = y
        for i in 0..<128 {
            if (x[i / 8] >> (7 - i % 8)) & 1 == 1 {
                z = zip(z, v).map { $0 ^ $1 }
            }
            let lsb = v[15] & 1
            var carry: UInt8 = 0
            for j in 0..<16 {
                let next = v[j] & 1
                v[j] = (v[j] >> 1) | (carry << 7)
                carry = next
            }
            if lsb == 1 { v[0] ^= 0xe1 }
        }
        return z
    }

    func ghash(_ data: [UInt8]) -> [UInt8] {
        var y = [UInt8](repeating: 0, count: 16)
        for start in stride(from: 0, to: data.count, by: 16) {
            y = ReferenceGCM.multiply(zip(y, data[start..<(start + 16)]).map { $0 ^ $1 }, h)
        }
        return y
    }

    static func padded(_ data: [UInt8]) -> [UInt8] {
        data + [UInt8](repeating: 0, count: (16 - data.count % 16) % 16)
    }

    static func lengthBlock(_ a: Int, _ b: Int) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: UInt64(a * 8) >> UInt64(56 - 8 * $0)) }
            + (0..<8).map { UInt8(truncatingIfNeeded: UInt64(b * 8) >> UInt64(56 - 8 * $0)) }
    }

    func seal(_ plaintext: [UInt8], nonce: [UInt8], aad: [UInt8]) throws -> (ciphertext: [UInt8], tag: [UInt8]) {
        var counter =
            nonce.count == 12
            ? nonce + [0, 0, 0, 1] : ghash(ReferenceGCM.padded(nonce) + ReferenceGCM.lengthBlock(0, nonce.count))
        let j0 = counter
        var ciphertext = [UInt8]()
        for start in stride(from: 0, to: plaintext.count, by: 16) {
            var carry = 1
            for index in stride(from: 15, through: 12, by: -1) {
                let sum = Int(counter[index]) + carry
                counter[index] = UInt8(sum & 0xff)
                carry = sum >> 8
            }
            let stream = try block.encryptBlock(counter)
            let chunk = plaintext[start..<min(start + 16, plaintext.count)]
            ciphertext += zip(chunk, stream).map { $0 ^ $1 }
        }
        let s = ghash(
            ReferenceGCM.padded(aad) + ReferenceGCM.padded(ciphertext)
                + ReferenceGCM.lengthBlock(aad.count, ciphertext.count))
        let tag = zip(try block.encryptBlock(j0), s).map { $0 ^ $1 }
        return (ciphertext, tag)
    }
}
