/// An SM2 public key: a validated point on the recommended curve.
public struct SM2PublicKey: Sendable, Equatable {
    let point: AffinePoint

    init(point: AffinePoint) {
        self.point = point
    }

    /// Parses 04 ‖ x ‖ y (65 bytes); throws `pointNotOnCurve` for anything that is not a curve point.
    public init<Bytes: Collection<UInt8>>(x963Representation: Bytes) throws {
        point = try AffinePoint(uncompressed: Array(x963Representation))
    }

    /// 04 ‖ x ‖ y.
    public var x963Representation: [UInt8] { point.uncompressed }

    /// Checks an SM2 signature over `message` made by the holder of `id`.
    public func isValidSignature<Message: Collection<UInt8>>(
        _ signature: SM2Signature, for message: Message, id: [UInt8] = SM2.defaultID
    ) -> Bool {
        guard let e = try? SM2.messageRepresentative(message, id: id, publicKey: self) else { return false }
        let t = SM2Scalar.add(signature.r, signature.s)
        guard t.isZeroMask == 0 else { return false }
        // s and t are public, but reusing the constant-time routines keeps one well-tested code path.
        let sum = ScalarMultiplication.base(signature.s).addingPublic(ScalarMultiplication.variable(point, t))
        guard let x1 = sum.affine?.x else { return false }
        let expected = SM2Scalar.add(e, SM2Scalar.reduce(SM2Field.fromMontgomery(x1)))
        return expected == signature.r
    }

    /// Like `isValidSignature` but throws `invalidSignature` (or the parsing error) so callers can propagate.
    public func verify<Message: Collection<UInt8>>(
        signatureDER: [UInt8], for message: Message, id: [UInt8] = SM2.defaultID
    ) throws {
        let signature = try SM2Signature(derRepresentation: signatureDER)
        guard isValidSignature(signature, for: message, id: id) else { throw GuomiError.invalidSignature }
    }
}
