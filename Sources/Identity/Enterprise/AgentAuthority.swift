public import Foundation
public import Kernel

/// Whether, and in which capacity, a person may act for an enterprise on a service item.
public enum AgentAuthority: Sendable, Equatable {
    /// The person may not act for the enterprise on that item at that time.
    case none
    /// The person is the legal representative, who may act on every item.
    case representative
    /// The person is an agent under the grant `grantID`, valid through `validUntil`.
    case agent(grantID: UUID, validUntil: CalendarDay)

    /// Whether the person may act at all.
    public var allowed: Bool { self != .none }
}
