public import Foundation

/// A time-limited link a holder gives someone to check one license without logging in.
public struct LicenseShare: Sendable, Equatable, Codable {
    /// The secret in the link; only its hash is stored.
    public var token: String
    /// The license shared.
    public var licenseID: UUID
    /// When the link stops working.
    public var expiresAt: Date
}
