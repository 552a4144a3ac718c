public import Foundation
public import Kernel

/// An authorisation of a natural person to act as agent (经办人) for an enterprise.
public struct AgentGrant: Sendable, Equatable, Codable {
    /// The grant's id.
    public var id: UUID
    /// The enterprise the agent acts for.
    public var enterpriseID: UUID
    /// The agent's natural-person account.
    public var personID: UUID
    /// The agent's name, masked (李*).
    public var nameMasked: String
    /// The agent's mobile number, masked (139****0001).
    public var phoneMasked: String
    /// The service items the agent may handle.
    public var scope: AgentScope
    /// The last day of the authority on the Beijing calendar, inclusive.
    public var validUntil: CalendarDay
    /// The account that granted it (the legal representative).
    public var grantedBy: UUID
    /// When it was granted.
    public var grantedAt: Date
    /// When it was revoked, if it was.
    public var revokedAt: Date?
    /// Who revoked it: a person's account id, or `staff:<id>`.
    public var revokedBy: String?
    /// Why it was revoked.
    public var revokeReason: String?

    /// Where the grant stands at `instant`: a grant revoked later than `instant` was still current then.
    public func status(at instant: Date) -> AgentGrantStatus {
        if let revokedAt, revokedAt <= instant { return .revoked }
        return CalendarDay(instant) > validUntil ? .expired : .current
    }

    /// Whether the grant lets its agent handle `item` at `instant`.
    public func allows(_ item: String, at instant: Date) -> Bool {
        grantedAt <= instant && status(at: instant) == .current && scope.covers(item)
    }
}
