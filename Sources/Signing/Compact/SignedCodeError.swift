public import Kernel

/// Why a signed code was not accepted, one case per layer, outermost first.
public enum SignedCodeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is longer than the decoder accepts.
    case tooLong(limit: Int)
    /// The text does not start with exactly the expected prefix (case and colon included).
    case wrongPrefix(expected: String)
    /// The rest of the text is not Base45.
    case notBase45(Base45.DecodingError)
    /// The bytes are not one complete zlib stream (RFC 1950), or something follows it.
    case badCompression
    /// The content inflates to more bytes than the decoder accepts: a zip bomb or not ours.
    case tooLarge(limit: Int)
    /// The COSE_Sign1 inside failed a check: structure, key, algorithm or signature.
    case cose(COSEError)

    /// A sentence for logs and developers.
    public var description: String {
        switch self {
        case .tooLong(let limit): "the code is longer than \(limit) characters"
        case .wrongPrefix(let expected): "the code does not start with \(expected)"
        case .notBase45(let error): "the code is not Base45: \(error)"
        case .badCompression: "the content is not one complete zlib stream"
        case .tooLarge(let limit): "the content inflates to more than \(limit) bytes"
        case .cose(let error): error.description
        }
    }
}
