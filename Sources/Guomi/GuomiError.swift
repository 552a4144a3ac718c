/// Errors thrown by the Guomi (国密) algorithms when input is rejected.
public enum GuomiError: Error, Equatable, Sendable {
    /// A key had the wrong number of bytes.
    case invalidKeyLength(expected: Int, actual: Int)
    /// A nonce, IV or counter block had an unusable length.
    case invalidNonceLength(Int)
    /// Ciphertext length is not acceptable for the mode (not a whole number of blocks, or too short).
    case invalidCiphertextLength(Int)
    /// PKCS#7 padding did not check out after decryption.
    case invalidPadding
    /// An authentication tag or SM2 C3 hash did not match: the data was tampered with or the key is wrong.
    case authenticationFailed
    /// A point is not on the SM2 curve, is the point at infinity, or has coordinates out of range.
    case pointNotOnCurve
    /// A private scalar is outside [1, n-2].
    case invalidPrivateKey
    /// A signature component r or s is outside [1, n-1].
    case signatureOutOfRange
    /// A signature did not verify.
    case invalidSignature
    /// An SM2 signer ID is longer than 8191 bytes, so its bit length does not fit ENTL.
    case invalidIdentifier
    /// The message to encrypt is empty or the derived key stream was all zero.
    case invalidPlaintext
    /// DER input could not be parsed or does not have the expected structure.
    case malformedDER(String)
    /// PEM input could not be parsed or has an unexpected label.
    case malformedPEM(String)
    /// The key or structure names an algorithm or curve other than SM2.
    case unsupportedAlgorithm(String)
}
