public import Foundation

/// A signed-in staff session.
public struct StaffSessionInfo: Sendable, Equatable, Codable {
    /// The session id (not the secret token).
    public var id: UUID
    /// The staff member.
    public var staffID: UUID
    /// The channel it was opened through.
    public var channel: String
    /// The client address at login.
    public var clientAddress: String
    /// The browser at login.
    public var userAgent: String
    /// When it was opened.
    public var createdAt: Date
    /// When it was last used.
    public var lastSeenAt: Date
    /// When it ends at the latest.
    public var expiresAt: Date
}
