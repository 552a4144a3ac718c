/// An SM2 private key d in [1, n − 2] with its public key; printing it never shows d.
public struct SM2PrivateKey: Sendable {
    let scalar: U256
    // (1 + d)⁻¹ in Montgomery form, cached because every signature needs it.
    let inverseOfOnePlusD: U256
    /// The matching public key d·G.
    public let publicKey: SM2PublicKey

    /// Generates a fresh key from the operating system's CSPRNG.
    public init() {
        while true {
            let candidate = SM2Scalar.random()
            if let key = try? SM2PrivateKey(scalar: candidate) {
                self = key
                return
            }
        }
    }

    /// Uses 32 big-endian bytes as d; throws `invalidPrivateKey` unless 1 ≤ d ≤ n − 2.
    public init<Bytes: Collection<UInt8>>(rawRepresentation: Bytes) throws {
        let bytes = Array(rawRepresentation)
        guard bytes.count == 32 else { throw GuomiError.invalidKeyLength(expected: 32, actual: bytes.count) }
        try self.init(scalar: U256(bigEndian: bytes))
    }

    init(scalar: U256) throws {
        let nMinusOne = SM2Scalar.n.subtracting(U256(w0: 1, w1: 0, w2: 0, w3: 0)).0
        guard scalar.isZeroMask == 0, scalar.isLess(than: nMinusOne) else { throw GuomiError.invalidPrivateKey }
        self.scalar = scalar
        inverseOfOnePlusD = SM2Scalar.invertToMontgomery(SM2Scalar.add(scalar, U256(w0: 1, w1: 0, w2: 0, w3: 0)))
        publicKey = SM2PublicKey(point: ScalarMultiplication.base(scalar).affine!)
    }

    /// d as 32 big-endian bytes. Handle with care.
    public var rawRepresentation: [UInt8] { scalar.bigEndianBytes }

    /// Signs `message` for the signer identity `id` (default `1234567812345678`) with a fresh random nonce.
    public func signature<Message: Collection<UInt8>>(
        for message: Message, id: [UInt8] = SM2.defaultID
    ) throws -> SM2Signature {
        try signature(for: message, id: id, nonce: SM2Scalar.random)
    }

    /// Signing with an injectable nonce source, so tests can replay the standard's worked example.
    func signature<Message: Collection<UInt8>>(
        for message: Message, id: [UInt8], nonce: () -> U256
    ) throws -> SM2Signature {
        let e = try SM2.messageRepresentative(message, id: id, publicKey: publicKey)
        while true {
            let k = nonce()
            guard let point = ScalarMultiplication.base(k).affine else { continue }
            let r = SM2Scalar.add(e, SM2Scalar.reduce(SM2Field.fromMontgomery(point.x)))
            // Retry on r = 0 or r + k = n, as the standard requires (probability about 2^-255).
            if r.isZeroMask != 0 || SM2Scalar.add(r, k).isZeroMask != 0 { continue }
            let rd = SM2Scalar.montgomeryMul(SM2Scalar.toMontgomery(r), scalar)
            let s = SM2Scalar.montgomeryMul(inverseOfOnePlusD, SM2Scalar.sub(k, rd))
            if s.isZeroMask != 0 { continue }
            return SM2Signature(r: r, s: s)
        }
    }
}
