import Kernel

/// A signed code for a QR code, verifiable offline: `prefix` + Base45(zlib(COSE_Sign1)), the layering of
/// the EU digital COVID certificate (docs/signed-codes.md).
///
/// Each domain picks its own prefix (licenses `ZT1:`) and its own claims map inside the payload.
public struct SignedCode: Sendable {
    /// The longest text accepted by default: what a version-40 QR code holds in alphanumeric mode.
    public static let defaultMaxTextLength = 4296
    /// The most bytes the content may inflate to by default.
    public static let defaultMaxDecompressedSize = 16 * 1024

    /// The text before the Base45 part, required exactly; keep it in the QR alphanumeric set (`ZT1:`).
    public let prefix: String
    /// Texts longer than this (in characters of the ASCII alphabet, so in bytes) are refused unread.
    public var maxTextLength: Int
    /// Content that inflates past this many bytes is refused without inflating the rest.
    public var maxDecompressedSize: Int

    /// A format with `prefix` and the given limits.
    public init(
        prefix: String, maxTextLength: Int = SignedCode.defaultMaxTextLength,
        maxDecompressedSize: Int = SignedCode.defaultMaxDecompressedSize
    ) {
        self.prefix = prefix
        self.maxTextLength = maxTextLength
        self.maxDecompressedSize = maxDecompressedSize
    }

    /// The code for `payload` (the CBOR claims map of the domain) signed by `key`.
    ///
    /// Throws `SignedCodeError.tooLarge` or `.tooLong` when the result would break this format's own
    /// limits, so nothing is issued that verifiers will refuse.
    public func encode(_ payload: [UInt8], signedBy key: SigningKey) throws -> String {
        let message = try COSESign1.sign(payload, with: key)
        guard message.count <= maxDecompressedSize else { throw SignedCodeError.tooLarge(limit: maxDecompressedSize) }
        let text = prefix + Base45.encode(try Zlib.compress(message))
        guard text.utf8.count <= maxTextLength else { throw SignedCodeError.tooLong(limit: maxTextLength) }
        return text
    }

    /// The payload of `text` when one of `keys` signed it with an allowed algorithm.
    public func decode(
        _ text: String, keys: [JSONWebKey], allowing algorithms: Set<SigningAlgorithm> = Set(SigningAlgorithm.allCases)
    ) throws(SignedCodeError) -> [UInt8] {
        try decode(text, allowing: algorithms) { kid in keys.first { Array($0.kid.utf8) == kid } }
    }

    /// The payload of `text` when the key `lookup` returns for its kid signed it with an allowed algorithm.
    ///
    /// Layers are undone outermost first and each failure names its layer: length, prefix, Base45, zlib,
    /// then the COSE checks.
    public func decode(
        _ text: String, allowing algorithms: Set<SigningAlgorithm> = Set(SigningAlgorithm.allCases),
        key lookup: (_ kid: [UInt8]) -> JSONWebKey?
    ) throws(SignedCodeError) -> [UInt8] {
        let message = try unwrap(text)
        do { return try COSESign1.verify(message, allowing: algorithms, key: lookup) } catch { throw .cose(error) }
    }

    /// As `decode(_:allowing:key:)` with keys the caller parsed once.
    public func decode(
        _ text: String, allowing algorithms: Set<SigningAlgorithm> = Set(SigningAlgorithm.allCases),
        parsedKey lookup: (_ kid: [UInt8]) -> VerifyingKey?
    ) throws(SignedCodeError) -> [UInt8] {
        let message = try unwrap(text)
        do { return try COSESign1.verify(message, allowing: algorithms, parsedKey: lookup) } catch {
            throw .cose(error)
        }
    }

    /// The COSE_Sign1 bytes inside `text`: length, prefix, Base45 and zlib undone and checked.
    private func unwrap(_ text: String) throws(SignedCodeError) -> [UInt8] {
        let bytes = text.utf8
        guard bytes.count <= maxTextLength else { throw .tooLong(limit: maxTextLength) }
        // Compared as bytes: String comparison would accept canonically equivalent Unicode.
        guard bytes.starts(with: prefix.utf8) else { throw .wrongPrefix(expected: prefix) }
        let compressed: [UInt8]
        do {
            compressed = try Base45.decode(String(decoding: bytes.dropFirst(prefix.utf8.count), as: UTF8.self))
        } catch {
            throw .notBase45(error)
        }
        return try Zlib.decompress(compressed, limit: maxDecompressedSize)
    }
}
