public import Foundation

/// A scan-to-login request shown as a QR code on a computer (扫码登录).
public struct ScanLoginTicket: Sendable, Equatable {
    /// The ticket id, kept by the computer with its browser secret.
    public var id: UUID
    /// The secret in the QR code's URL, which the phone opens; only its hash is stored.
    public var code: String
    /// The secret only the requesting browser holds (a cookie), so nobody else can collect the login.
    public var browserSecret: String
    /// When the QR code stops working (two minutes).
    public var expiresAt: Date
}

/// Where a ticket stands.
public enum ScanLoginStatus: String, Sendable, Codable {
    /// Shown, not yet answered on a phone.
    case pending
    /// Confirmed on a phone; the computer may now collect its session.
    case confirmed
    /// Declined on the phone.
    case declined
    /// Collected: the computer is signed in.
    case used
    /// Past its time.
    case expired
}

/// What the phone shows before the person confirms: where the login would happen.
public struct ScanLoginRequest: Sendable, Equatable {
    /// The computer's address.
    public var requesterAddress: String
    /// The computer's browser.
    public var requesterAgent: String
    /// When the QR code was made.
    public var createdAt: Date
    /// Where the ticket stands.
    public var status: ScanLoginStatus
}
