public import Identity

/// A signed-in staff member as the request sees them: the session and the permissions they hold.
public struct StaffContext: Sendable {
    /// The staff session.
    public var session: StaffSessionInfo
    /// The permissions of their roles (in any data scope), read afresh on every request.
    public var permissions: Set<Permission>

    /// The actor for the organisation service.
    var actor: StaffActor { StaffActor(session: session) }
}
