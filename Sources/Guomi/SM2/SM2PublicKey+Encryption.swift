extension SM2PublicKey {
    /// Encrypts `plaintext` (non-empty) to this key; the default output is the DER form OpenSSL uses.
    public func encrypt(_ plaintext: [UInt8], encoding: SM2CiphertextEncoding = .der) throws -> [UInt8] {
        guard !plaintext.isEmpty else { throw GuomiError.invalidPlaintext }
        while true {
            let k = SM2Scalar.random()
            guard let c1 = ScalarMultiplication.base(k).affine,
                let shared = ScalarMultiplication.variable(point, k).affine
            else { continue }
            let x2 = SM2Field.bytes(shared.x)
            let y2 = SM2Field.bytes(shared.y)
            let stream = SM2.deriveKey(x2 + y2, length: plaintext.count)
            // An all-zero key stream would reveal the message; the standard says pick another k.
            guard stream.contains(where: { $0 != 0 }) else { continue }
            let c2 = zip(plaintext, stream).map { $0 ^ $1 }
            let c3 = SM3.hash(x2 + plaintext + y2)
            return SM2Ciphertext(c1: c1, c3: c3, c2: c2).encoded(encoding)
        }
    }
}
