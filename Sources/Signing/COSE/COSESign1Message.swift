/// The parts of a received COSE_Sign1 that verification needs, after the structural checks.
struct COSESign1Message {
    /// The protected header exactly as received: the signature covers these bytes.
    let protectedBytes: [UInt8]
    /// The protected `alg` value.
    let algorithm: Int64
    /// The key id, from the protected header, else from the unprotected one (RFC 9052 allows either).
    let kid: [UInt8]
    let payload: [UInt8]
    let signature: [UInt8]

    /// Checks the structure of `bytes`; the tag 18 may be absent (RFC 9052 §2: the context says what it is).
    init(parsing bytes: [UInt8]) throws(COSEError) {
        var item = try Self.decode(bytes)
        if case .tagged(let tag, let inner) = item {
            guard tag == COSESign1.tag else { throw .malformed("tag \(tag) is not COSE_Sign1 (18)") }
            item = inner
        }
        guard let parts = item.arrayValue, parts.count == 4 else {
            throw .malformed("COSE_Sign1 must be an array of four items")
        }
        guard let protectedBytes = parts[0].bytesValue else {
            throw .malformed("the protected header must be a byte string")
        }
        guard let unprotected = parts[1].mapValue else { throw .malformed("the unprotected header must be a map") }
        guard let payload = parts[2].bytesValue else {
            throw .malformed("the payload must be an attached byte string (detached payloads are not supported)")
        }
        guard let signature = parts[3].bytesValue else { throw .malformed("the signature must be a byte string") }
        let protected = try Self.protectedHeader(protectedBytes)
        guard Set(protected.keys).isDisjoint(with: unprotected.keys) else {
            throw .malformed("a header parameter appears in both the protected and the unprotected header")
        }
        guard protected[COSESign1.criticalLabel] == nil, unprotected[COSESign1.criticalLabel] == nil else {
            throw .malformed("critical header parameters (label 2) are not supported")
        }
        // RFC 9052 §3.1: alg must be authenticated where possible; for COSE_Sign1 that means protected.
        guard let algorithmValue = protected[COSESign1.algorithmLabel] else {
            throw .malformed("the algorithm (label 1) must be in the protected header")
        }
        guard let algorithm = algorithmValue.integerValue else { throw .malformed("the algorithm must be an integer") }
        guard let kid = (protected[COSESign1.keyIDLabel] ?? unprotected[COSESign1.keyIDLabel])?.bytesValue else {
            throw .malformed("a key id (label 4) must be given as a byte string")
        }
        guard signature.count == 64 else { throw .malformed("the signature must be 64 bytes (r‖s)") }
        self.protectedBytes = protectedBytes
        self.algorithm = algorithm
        self.kid = kid
        self.payload = payload
        self.signature = signature
    }

    private static func decode(_ bytes: [UInt8]) throws(COSEError) -> CBORValue {
        do { return try CBORValue(decoding: bytes) } catch { throw .invalidCBOR(error) }
    }

    /// The protected header map; a zero-length byte string stands for the empty map (RFC 9052 §3).
    private static func protectedHeader(_ bytes: [UInt8]) throws(COSEError) -> [CBORValue: CBORValue] {
        if bytes.isEmpty { return [:] }
        guard let map = try decode(bytes).mapValue else {
            throw .malformed("the protected header must encode a map")
        }
        return map
    }
}
