/// Shared SM2 (GB/T 32918-2016) definitions: the default signer ID, ZA and the key-derivation function.
public enum SM2 {
    /// The default distinguishing identifier, ASCII `1234567812345678` (ENTL = 128 bits).
    public static let defaultID: [UInt8] = Array("1234567812345678".utf8)

    /// a, b, Gx, Gy of the recommended curve as they enter ZA.
    static let curveParameters: [UInt8] = {
        let hex =
            "FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC"
            + "28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93"
            + "32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7"
            + "BC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0"
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count, by: 2).map { index in
            UInt8(String(decoding: digits[index..<(index + 2)], as: UTF8.self), radix: 16)!
        }
    }()

    /// ZA = SM3(ENTL ‖ ID ‖ a ‖ b ‖ Gx ‖ Gy ‖ xA ‖ yA), which binds a signature to the signer's identity.
    public static func identityHash(id: [UInt8], publicKey: SM2PublicKey) throws -> [UInt8] {
        guard id.count <= 8191 else { throw GuomiError.invalidIdentifier }
        let bits = id.count * 8
        var hasher = SM3()
        hasher.update([UInt8(bits >> 8), UInt8(bits & 0xff)])
        hasher.update(id)
        hasher.update(curveParameters)
        hasher.update(publicKey.x963Representation.dropFirst())
        return hasher.finalize()
    }

    /// e = SM3(ZA ‖ M) reduced mod n, the value that is actually signed.
    static func messageRepresentative<Message: Collection<UInt8>>(
        _ message: Message, id: [UInt8], publicKey: SM2PublicKey
    ) throws -> U256 {
        var hasher = SM3()
        hasher.update(try identityHash(id: id, publicKey: publicKey))
        hasher.update(message)
        return SM2Scalar.reduce(U256(bigEndian: hasher.finalize()))
    }

    /// KDF(Z, klen): SM3(Z ‖ ct) for ct = 1, 2, … as 32-bit big-endian counters, truncated to `length`.
    static func deriveKey(_ z: [UInt8], length: Int) -> [UInt8] {
        var output = [UInt8]()
        output.reserveCapacity(length + 32)
        var counter: UInt32 = 1
        while output.count < length {
            var hasher = SM3()
            hasher.update(z)
            hasher.update([24, 16, 8, 0].map { UInt8(truncatingIfNeeded: counter >> UInt32($0)) })
            output += hasher.finalize()
            counter += 1
        }
        return Array(output.prefix(length))
    }
}
