extension SM2PublicKey {
    /// Parses a SubjectPublicKeyInfo with id-ecPublicKey and the SM2 curve OID, as `openssl pkey -pubout` writes.
    public init<Bytes: Collection<UInt8>>(derRepresentation: Bytes) throws {
        var outer = DERReader(Array(derRepresentation))
        var info = try outer.readSequence()
        try outer.expectEnd()
        try DER.expectSM2Algorithm(&info)
        let bits = try info.read(tag: DER.bitStringTag)
        try info.expectEnd()
        guard bits.first == 0 else { throw GuomiError.malformedDER("public key BIT STRING has unused bits") }
        try self.init(x963Representation: bits.dropFirst())
    }

    /// Parses a `-----BEGIN PUBLIC KEY-----` block.
    public init(pemRepresentation: String) throws {
        let (label, der) = try PEM.decode(pemRepresentation)
        guard label == "PUBLIC KEY" else { throw GuomiError.malformedPEM("expected PUBLIC KEY, found \(label)") }
        try self.init(derRepresentation: der)
    }

    /// The SubjectPublicKeyInfo DER.
    public var derRepresentation: [UInt8] {
        DER.sequence(DER.sm2AlgorithmIdentifier, DER.element(DER.bitStringTag, [0] + x963Representation))
    }

    /// The SubjectPublicKeyInfo as a `PUBLIC KEY` PEM block.
    public var pemRepresentation: String {
        PEM.encode(label: "PUBLIC KEY", der: derRepresentation)
    }
}
