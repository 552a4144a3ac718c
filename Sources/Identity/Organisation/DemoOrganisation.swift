/// What the demo seed created: the department tree and staff who can log in.
public struct DemoOrganisation: Sendable {
    /// The departments, parents before children.
    public var departments: [Department]
    /// The staff with their credentials.
    public var staff: [DemoStaff]
}
