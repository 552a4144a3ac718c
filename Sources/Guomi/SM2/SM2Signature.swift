/// An SM2 signature (r, s), each in [1, n − 1].
public struct SM2Signature: Sendable, Equatable {
    let r: U256
    let s: U256

    init(r: U256, s: U256) {
        self.r = r
        self.s = s
    }

    /// Parses r ‖ s (64 bytes); throws `signatureOutOfRange` if either is 0 or ≥ n.
    public init<Bytes: Collection<UInt8>>(rawRepresentation: Bytes) throws {
        let bytes = Array(rawRepresentation)
        guard bytes.count == 64 else { throw GuomiError.malformedDER("raw signature must be 64 bytes") }
        try self.init(checkingR: U256(bigEndian: bytes[0..<32]), s: U256(bigEndian: bytes[32..<64]))
    }

    /// Parses the GM/T 0009 DER form SEQUENCE { r INTEGER, s INTEGER } that OpenSSL produces.
    public init<Bytes: Collection<UInt8>>(derRepresentation: Bytes) throws {
        var outer = DERReader(Array(derRepresentation))
        var sequence = try outer.readSequence()
        try outer.expectEnd()
        let r = try sequence.readUnsigned256()
        let s = try sequence.readUnsigned256()
        try sequence.expectEnd()
        try self.init(checkingR: U256(bigEndian: r), s: U256(bigEndian: s))
    }

    private init(checkingR r: U256, s: U256) throws {
        for value in [r, s] where value.isZeroMask != 0 || !value.isLess(than: SM2Scalar.n) {
            throw GuomiError.signatureOutOfRange
        }
        self.init(r: r, s: s)
    }

    /// r ‖ s, 32 bytes each.
    public var rawRepresentation: [UInt8] { r.bigEndianBytes + s.bigEndianBytes }

    /// SEQUENCE { r INTEGER, s INTEGER }.
    public var derRepresentation: [UInt8] {
        DER.sequence(DER.unsignedInteger(r.bigEndianBytes), DER.unsignedInteger(s.bigEndianBytes))
    }
}
