extension SM2PrivateKey {
    /// Decrypts an SM2 ciphertext; throws `pointNotOnCurve` for a bad C1 and `authenticationFailed` if C3 does not match.
    public func decrypt(_ ciphertext: [UInt8], encoding: SM2CiphertextEncoding = .der) throws -> [UInt8] {
        let parts = try SM2Ciphertext(ciphertext, encoding: encoding)
        guard !parts.c2.isEmpty, let shared = ScalarMultiplication.variable(parts.c1, scalar).affine else {
            throw GuomiError.authenticationFailed
        }
        let x2 = SM2Field.bytes(shared.x)
        let y2 = SM2Field.bytes(shared.y)
        let stream = SM2.deriveKey(x2 + y2, length: parts.c2.count)
        let plaintext = zip(parts.c2, stream).map { $0 ^ $1 }
        let expected = SM3.hash(x2 + plaintext + y2)
        guard stream.contains(where: { $0 != 0 }), ConstantTime.equals(expected, parts.c3) else {
            throw GuomiError.authenticationFailed
        }
        return plaintext
    }
}
