/// One enterprise a person may act for, and in which capacity: an entry of 我的企业.
public struct EnterpriseMembership: Sendable, Equatable, Codable {
    /// The enterprise.
    public var enterprise: Enterprise
    /// Representative or agent.
    public var role: EnterpriseRole
    /// The agent grant, for an agent; nil for the representative.
    public var grant: AgentGrant?
}
