/// COSE_Sign1 (RFC 9052 §4.2): one signer, payload attached, as the EU digital COVID certificate uses it.
///
/// The message is tag 18 on `[protected, unprotected, payload, signature]`. The protected header holds
/// `{1: alg, 4: kid}` (kid = the UTF-8 bytes of the key's JWK thumbprint); the unprotected header is empty.
/// The signature is r‖s (64 bytes) over the Sig_structure of §4.4. Format: docs/signed-codes.md.
public enum COSESign1 {
    /// CBOR tag for COSE_Sign1.
    static let tag: UInt64 = 18
    /// Header labels (RFC 9052 §3.1).
    static let algorithmLabel = CBORValue.unsigned(1)
    static let criticalLabel = CBORValue.unsigned(2)
    static let keyIDLabel = CBORValue.unsigned(4)

    /// The tagged COSE_Sign1 bytes of `payload` signed by `key`; `externalAAD` is signed but not carried.
    public static func sign(_ payload: [UInt8], with key: SigningKey, externalAAD: [UInt8] = []) throws -> [UInt8] {
        let protected = CBORValue.map([
            algorithmLabel: .integer(key.algorithm.coseIdentifier),
            keyIDLabel: .bytes(Array(key.kid.utf8)),
        ]).encoded()
        let input = signatureInput(protected: protected, externalAAD: externalAAD, payload: payload)
        let signature = try key.sign(input)
        let message = CBORValue.array([.bytes(protected), .map([:]), .bytes(payload), .bytes(signature)])
        return CBORValue.tagged(tag, message).encoded()
    }

    /// The Sig_structure (RFC 9052 §4.4) the signature covers: the protected header as the exact bytes
    /// received, never re-encoded.
    static func signatureInput(protected: [UInt8], externalAAD: [UInt8], payload: [UInt8]) -> [UInt8] {
        CBORValue.array([.text("Signature1"), .bytes(protected), .bytes(externalAAD), .bytes(payload)]).encoded()
    }
}
