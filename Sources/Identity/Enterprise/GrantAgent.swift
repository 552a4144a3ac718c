public import Kernel

/// What a legal representative submits to authorise an agent (授权经办人).
public struct GrantAgent: Sendable, Equatable, Codable {
    /// The agent's mobile number or 身份证号, as registered on the platform.
    public var agent: String
    /// The service items the agent may handle.
    public var scope: AgentScope
    /// The last day of the authority on the Beijing calendar, inclusive; at most three years ahead.
    public var validUntil: CalendarDay

    /// Creates the command.
    public init(agent: String, scope: AgentScope, validUntil: CalendarDay) {
        self.agent = agent
        self.scope = scope
        self.validUntil = validUntil
    }
}
