/// The result of checking an e-receipt's QR code.
public struct ReceiptVerification: Sendable, Hashable {
    /// The verdict.
    public enum Verdict: String, Sendable, Hashable {
        /// Signed by the receipt issuer and on record.
        case valid
        /// Not a receipt code, or damaged.
        case malformed
        /// The signature does not verify: tampered or forged.
        case badSignature = "bad-signature"
        /// Signed with a key that is not (or no longer) published.
        case unknownKey = "unknown-key"
        /// Correctly signed, but this platform never issued it (a stolen key).
        case unknownReceipt = "unknown-receipt"
    }

    /// The verdict.
    public var verdict: Verdict
    /// Why, in Chinese.
    public var reason: String
    /// What the code asserts, when it could be read.
    public var claims: ReceiptClaims?
    /// Whether the platform's own records were consulted (false offline).
    public var checkedOnRecord: Bool
}
