/// A demo staff member with the password and fixed TOTP secret a tester logs in with.
public struct DemoStaff: Sendable {
    /// The account.
    public var member: StaffMember
    /// The roles it holds.
    public var roles: [RoleAssignment]
    /// The demo password.
    public var password: String
    /// The TOTP secret in base32, already enrolled; add it to an authenticator app or `oathtool`.
    public var totpSecret: String
}
