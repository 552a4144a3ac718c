/// DER tags, object identifiers and encoders for the structures SM2 needs.
enum DER {
    static let integerTag: UInt8 = 0x02
    static let bitStringTag: UInt8 = 0x03
    static let octetStringTag: UInt8 = 0x04
    static let oidTag: UInt8 = 0x06
    static let sequenceTag: UInt8 = 0x30
    static let context0Tag: UInt8 = 0xa0
    static let context1Tag: UInt8 = 0xa1

    /// id-ecPublicKey, 1.2.840.10045.2.1 (OpenSSL 3 labels SM2 keys with it plus the SM2 curve).
    static let ecPublicKeyOID: [UInt8] = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]
    /// sm2p256v1, 1.2.156.10197.1.301.
    static let sm2CurveOID: [UInt8] = [0x2a, 0x81, 0x1c, 0xcf, 0x55, 0x01, 0x82, 0x2d]

    /// One tag-length-value element.
    static func element(_ tag: UInt8, _ contents: [UInt8]) -> [UInt8] {
        var output = [tag]
        let count = contents.count
        if count < 0x80 {
            output.append(UInt8(count))
        } else if count <= 0xff {
            output += [0x81, UInt8(count)]
        } else {
            output += [0x82, UInt8(count >> 8), UInt8(count & 0xff)]
        }
        return output + contents
    }

    static func sequence(_ parts: [UInt8]...) -> [UInt8] {
        element(sequenceTag, parts.flatMap { $0 })
    }

    /// A non-negative INTEGER from big-endian magnitude bytes, minimally encoded.
    static func unsignedInteger(_ magnitude: [UInt8]) -> [UInt8] {
        var trimmed = Array(magnitude.drop { $0 == 0 })
        if trimmed.isEmpty { trimmed = [0] }
        if trimmed[0] & 0x80 != 0 { trimmed.insert(0, at: 0) }
        return element(integerTag, trimmed)
    }

    /// The AlgorithmIdentifier { id-ecPublicKey, sm2p256v1 }.
    static var sm2AlgorithmIdentifier: [UInt8] {
        sequence(element(oidTag, ecPublicKeyOID), element(oidTag, sm2CurveOID))
    }

    /// Reads an AlgorithmIdentifier and fails unless it names an EC key on the SM2 curve.
    static func expectSM2Algorithm(_ reader: inout DERReader) throws {
        var algorithm = try reader.readSequence()
        let oid = try algorithm.read(tag: oidTag)
        guard oid == ecPublicKeyOID else { throw GuomiError.unsupportedAlgorithm("not an EC key") }
        let curve = try algorithm.read(tag: oidTag)
        guard curve == sm2CurveOID else { throw GuomiError.unsupportedAlgorithm("curve is not sm2p256v1") }
        try algorithm.expectEnd()
    }
}
