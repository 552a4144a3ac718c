/// The three parts of an SM2 ciphertext and their encodings.
struct SM2Ciphertext {
    var c1: AffinePoint
    var c3: [UInt8]
    var c2: [UInt8]

    init(c1: AffinePoint, c3: [UInt8], c2: [UInt8]) {
        self.c1 = c1
        self.c3 = c3
        self.c2 = c2
    }

    /// Parses `bytes`; throws `pointNotOnCurve` for a bad C1 and `invalidCiphertextLength`/`malformedDER` otherwise.
    init(_ bytes: [UInt8], encoding: SM2CiphertextEncoding) throws {
        switch encoding {
        case .der:
            var outer = DERReader(bytes)
            var sequence = try outer.readSequence()
            try outer.expectEnd()
            let x = try sequence.readUnsigned256()
            let y = try sequence.readUnsigned256()
            let hash = try sequence.read(tag: DER.octetStringTag)
            let masked = try sequence.read(tag: DER.octetStringTag)
            try sequence.expectEnd()
            guard hash.count == 32 else { throw GuomiError.malformedDER("C3 must be 32 bytes") }
            self.init(c1: try AffinePoint(uncompressed: [0x04] + x + y), c3: hash, c2: masked)
        case .c1c3c2, .c1c2c3:
            guard bytes.count > 65 + 32 else { throw GuomiError.invalidCiphertextLength(bytes.count) }
            let point = try AffinePoint(uncompressed: Array(bytes[0..<65]))
            let rest = Array(bytes[65...])
            if encoding == .c1c3c2 {
                self.init(c1: point, c3: Array(rest[0..<32]), c2: Array(rest[32...]))
            } else {
                self.init(c1: point, c3: Array(rest[(rest.count - 32)...]), c2: Array(rest[..<(rest.count - 32)]))
            }
        }
    }

    func encoded(_ encoding: SM2CiphertextEncoding) -> [UInt8] {
        switch encoding {
        case .der:
            DER.sequence(
                DER.unsignedInteger(SM2Field.bytes(c1.x)), DER.unsignedInteger(SM2Field.bytes(c1.y)),
                DER.element(DER.octetStringTag, c3), DER.element(DER.octetStringTag, c2))
        case .c1c3c2:
            c1.uncompressed + c3 + c2
        case .c1c2c3:
            c1.uncompressed + c2 + c3
        }
    }
}
