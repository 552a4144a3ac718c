import Foundation

/// What checking a license QR code found, with the reason in Chinese for the person at the counter.
public struct LicenseVerification: Sendable, Equatable {
    /// The verdict.
    public enum Verdict: String, Sendable, Codable {
        /// Signature sound, issuer's key published, not expired, and (online) status valid.
        case valid
        /// The text is not a license code: wrong prefix, broken encoding, or not our claims.
        case malformed
        /// Signed by a key the verifier does not know, or one withdrawn as leaked.
        case unknownKey = "unknown-key"
        /// The signature does not match: the code was altered or forged.
        case badSignature = "bad-signature"
        /// Past its last valid day.
        case expired
        /// Suspended by the issuer.
        case suspended
        /// Withdrawn by the issuer.
        case revoked
        /// Replaced by a newer version.
        case superseded
        /// Signed correctly, but the platform has no such license (never stored).
        case unknownLicense = "unknown-license"
    }

    /// The verdict.
    public var verdict: Verdict
    /// Why, in Chinese.
    public var reason: String
    /// What the code says, when its signature checked out.
    public var claims: LicenseClaims?
    /// The issuer's name, from the published key list.
    public var issuerName: String?
    /// The key id the code was signed with.
    public var kid: String?
    /// The signature algorithm.
    public var algorithm: String?
    /// Whether the status was looked up on the platform (false for a purely offline check).
    public var statusChecked: Bool

    /// Whether the license can be relied on.
    public var isValid: Bool { verdict == .valid }
}
