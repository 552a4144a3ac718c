extension SM2PrivateKey {
    /// Parses PKCS#8 PrivateKeyInfo (what `openssl genpkey -algorithm SM2` writes) or a bare SEC 1 ECPrivateKey.
    public init<Bytes: Collection<UInt8>>(derRepresentation: Bytes) throws {
        let bytes = Array(derRepresentation)
        var outer = DERReader(bytes)
        var info = try outer.readSequence()
        try outer.expectEnd()
        if info.nextTag == DER.integerTag, let version = try? info.readUnsigned256(), version.last == 0 {
            try DER.expectSM2Algorithm(&info)
            let inner = try info.read(tag: DER.octetStringTag)
            try self.init(ecPrivateKey: inner, requireCurve: false)
        } else {
            try self.init(ecPrivateKey: bytes, requireCurve: true)
        }
    }

    /// Parses ECPrivateKey { version 1, privateKey OCTET STRING, [0] curve, [1] public key }.
    private init(ecPrivateKey der: [UInt8], requireCurve: Bool) throws {
        var outer = DERReader(der)
        var key = try outer.readSequence()
        try outer.expectEnd()
        let version = try key.readUnsigned256()
        guard version.last == 1 else { throw GuomiError.malformedDER("ECPrivateKey version must be 1") }
        let secret = try key.read(tag: DER.octetStringTag)
        guard secret.count <= 32 else { throw GuomiError.invalidKeyLength(expected: 32, actual: secret.count) }
        var sawCurve = false
        if key.nextTag == DER.context0Tag {
            var parameters = DERReader(try key.read(tag: DER.context0Tag))
            guard try parameters.read(tag: DER.oidTag) == DER.sm2CurveOID else {
                throw GuomiError.unsupportedAlgorithm("curve is not sm2p256v1")
            }
            sawCurve = true
        }
        guard sawCurve || !requireCurve else { throw GuomiError.unsupportedAlgorithm("no curve parameters") }
        var embeddedPublicKey: [UInt8]?
        if key.nextTag == DER.context1Tag {
            var wrapper = DERReader(try key.read(tag: DER.context1Tag))
            let bits = try wrapper.read(tag: DER.bitStringTag)
            guard bits.first == 0 else { throw GuomiError.malformedDER("public key BIT STRING has unused bits") }
            embeddedPublicKey = Array(bits.dropFirst())
        }
        try key.expectEnd()
        try self.init(rawRepresentation: [UInt8](repeating: 0, count: 32 - secret.count) + secret)
        // A key file whose stored public key disagrees with d is corrupt or forged; refuse it.
        if let embeddedPublicKey, embeddedPublicKey != publicKey.x963Representation {
            throw GuomiError.pointNotOnCurve
        }
    }

    /// Parses a `PRIVATE KEY` (PKCS#8) block, or a SEC 1 block labelled `EC PRIVATE KEY` or `SM2 PRIVATE KEY`
    /// (the label `openssl ec` uses for SM2 keys).
    public init(pemRepresentation: String) throws {
        let (label, der) = try PEM.decode(pemRepresentation)
        guard ["PRIVATE KEY", "EC PRIVATE KEY", "SM2 PRIVATE KEY"].contains(label) else {
            throw GuomiError.malformedPEM("expected PRIVATE KEY, found \(label)")
        }
        try self.init(derRepresentation: der)
    }

    /// PKCS#8 PrivateKeyInfo DER, laid out as OpenSSL 3 writes it.
    public var derRepresentation: [UInt8] {
        let ecPrivateKey = DER.sequence(
            DER.unsignedInteger([1]),
            DER.element(DER.octetStringTag, rawRepresentation),
            DER.element(DER.context1Tag, DER.element(DER.bitStringTag, [0] + publicKey.x963Representation)))
        return DER.sequence(
            DER.unsignedInteger([0]), DER.sm2AlgorithmIdentifier, DER.element(DER.octetStringTag, ecPrivateKey))
    }

    /// PKCS#8 as a `PRIVATE KEY` PEM block.
    public var pemRepresentation: String {
        PEM.encode(label: "PRIVATE KEY", der: derRepresentation)
    }
}
