public import Foundation

/// An approved case whose license could not be issued automatically, waiting for staff.
public struct PendingIssue: Sendable, Equatable, Codable {
    /// The case.
    public var caseID: UUID
    /// Its 办件编号.
    public var caseNumber: String?
    /// The license type it should have issued.
    public var typeKey: String
    /// Why it could not.
    public var reason: String
    /// When the case concluded.
    public var createdAt: Date
}
