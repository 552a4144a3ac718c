public import Foundation

/// A signed-in session as the account holder sees it in 我的设备.
public struct SessionInfo: Sendable, Equatable, Codable {
    /// The session id (not the secret token).
    public var id: UUID
    /// The account.
    public var personID: UUID
    /// The channel it was opened through: `web`, `h5`, `counter`, …
    public var channel: String
    /// The client address at login.
    public var clientAddress: String
    /// The browser or app at login.
    public var userAgent: String
    /// When it was opened.
    public var createdAt: Date
    /// When it was last used.
    public var lastSeenAt: Date
    /// When it ends at the latest.
    public var expiresAt: Date
    /// How the person proved who they are, as an OIDC `amr` value: `pwd`, `sms`.
    public var authMethod: String = "pwd"
}

/// A new session: the secret token for the cookie, shown once, and its record.
public struct IssuedSession: Sendable {
    /// The secret the client presents; only its SHA-256 is stored.
    public var token: String
    /// The stored session.
    public var info: SessionInfo
}

/// Where a login request came from.
public struct LoginContext: Sendable, Equatable {
    /// The channel: `web`, `h5`, `counter`, `api`.
    public var channel: String
    /// The client address.
    public var clientAddress: String
    /// The User-Agent header.
    public var userAgent: String

    /// Creates the context.
    public init(channel: String, clientAddress: String, userAgent: String) {
        self.channel = channel
        self.clientAddress = clientAddress
        self.userAgent = String(userAgent.prefix(300))
    }
}
