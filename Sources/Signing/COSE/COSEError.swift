/// Why a COSE_Sign1 message was not accepted, one case per check, in the order they run.
public enum COSEError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The message, or its protected header, is not acceptable CBOR.
    case invalidCBOR(CBORError)
    /// The CBOR is fine but is not a COSE_Sign1 we accept; the text says which rule failed.
    case malformed(String)
    /// The protected `alg` is not one of the algorithms the verifier allows (or not one we know).
    case algorithmNotAllowed(Int64)
    /// No published key has this key id.
    case unknownKey(kid: [UInt8])
    /// The header names one algorithm and the key with that kid is for another (`key` is the JWK `alg`).
    case algorithmMismatch(header: SigningAlgorithm, key: String)
    /// The signature does not verify: the bytes were changed, or another key signed them.
    case badSignature

    /// A sentence for logs and developers.
    public var description: String {
        switch self {
        case .invalidCBOR(let error): "not valid CBOR: \(error)"
        case .malformed(let reason): "not an acceptable COSE_Sign1: \(reason)"
        case .algorithmNotAllowed(let value): "algorithm \(value) is not allowed"
        case .unknownKey(let kid): "no published key has kid \(String(decoding: kid, as: UTF8.self))"
        case .algorithmMismatch(let header, let key):
            "the header says \(header.rawValue) but the key is for \(key)"
        case .badSignature: "the signature does not verify"
        }
    }
}
