public import Foundation

/// What a correct password earns: a short-lived, single-use ticket for the TOTP step.
public struct StaffLoginChallenge: Sendable {
    /// The secret ticket the second step presents; only its hash is stored.
    public var token: String
    /// When the ticket ends (5 minutes after the password step).
    public var expiresAt: Date
    /// Present when the account has no authenticator yet: the secret to add, shown this once.
    public var enrolment: TOTPEnrolment?
}
