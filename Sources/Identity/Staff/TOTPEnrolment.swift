/// A new TOTP secret to add to an authenticator app; the first valid code confirms it.
public struct TOTPEnrolment: Sendable, Equatable {
    /// The secret in base32, for typing in by hand.
    public var secret: String
    /// The `otpauth://` URI, for a QR code.
    public var uri: String
}
