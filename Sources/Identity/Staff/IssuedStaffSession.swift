/// A new staff session: the secret token for the cookie, shown once, and its record.
public struct IssuedStaffSession: Sendable {
    /// The secret the client presents; only its SM3 hash is stored.
    public var token: String
    /// The stored session.
    public var info: StaffSessionInfo
}
