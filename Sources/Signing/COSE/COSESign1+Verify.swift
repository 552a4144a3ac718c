extension COSESign1 {
    /// The payload of `bytes` when a key of `keys` (matched by the UTF-8 bytes of its `kid`) signed it with
    /// an allowed algorithm; otherwise a `COSEError` naming the check that failed.
    public static func verify(
        _ bytes: [UInt8], keys: [JSONWebKey],
        allowing algorithms: Set<SigningAlgorithm> = Set(SigningAlgorithm.allCases),
        externalAAD: [UInt8] = []
    ) throws(COSEError) -> [UInt8] {
        try verify(bytes, allowing: algorithms, externalAAD: externalAAD) { kid in
            keys.first { Array($0.kid.utf8) == kid }
        }
    }

    /// The payload of `bytes` when the key `lookup` returns for its kid signed it with an allowed algorithm.
    ///
    /// The algorithm must be in the protected header, allowed, and the one the key is for: a header can
    /// never talk the verifier into another algorithm than the key's.
    public static func verify(
        _ bytes: [UInt8], allowing algorithms: Set<SigningAlgorithm> = Set(SigningAlgorithm.allCases),
        externalAAD: [UInt8] = [], key lookup: (_ kid: [UInt8]) -> JSONWebKey?
    ) throws(COSEError) -> [UInt8] {
        try verify(bytes, allowing: algorithms, externalAAD: externalAAD) { kid throws(COSEError) in
            guard let jwk = lookup(kid) else { throw .unknownKey(kid: kid) }
            return (jwk.alg, VerifyingKey(jwk: jwk))
        }
    }

    /// As `verify(_:allowing:externalAAD:key:)` with keys the caller parsed once: a verifier that checks
    /// many codes keeps its `VerifyingKey`s instead of reading JWKs on every call.
    public static func verify(
        _ bytes: [UInt8], allowing algorithms: Set<SigningAlgorithm> = Set(SigningAlgorithm.allCases),
        externalAAD: [UInt8] = [], parsedKey lookup: (_ kid: [UInt8]) -> VerifyingKey?
    ) throws(COSEError) -> [UInt8] {
        try verify(bytes, allowing: algorithms, externalAAD: externalAAD) { kid throws(COSEError) in
            guard let key = lookup(kid) else { throw .unknownKey(kid: kid) }
            return (key.jwk.alg, key)
        }
    }

    private static func verify(
        _ bytes: [UInt8], allowing algorithms: Set<SigningAlgorithm>, externalAAD: [UInt8],
        resolve: (_ kid: [UInt8]) throws(COSEError) -> (algorithm: String, key: VerifyingKey?)
    ) throws(COSEError) -> [UInt8] {
        let message = try COSESign1Message(parsing: bytes)
        guard let algorithm = SigningAlgorithm(coseIdentifier: message.algorithm), algorithms.contains(algorithm)
        else { throw .algorithmNotAllowed(message.algorithm) }
        let resolved = try resolve(message.kid)
        guard resolved.algorithm == algorithm.rawValue else {
            throw .algorithmMismatch(header: algorithm, key: resolved.algorithm)
        }
        // A published key that does not parse can vouch for nothing.
        guard let key = resolved.key else { throw .badSignature }
        let input = signatureInput(
            protected: message.protectedBytes, externalAAD: externalAAD, payload: message.payload)
        guard key.isValid(message.signature, for: input) else { throw .badSignature }
        return message.payload
    }
}
