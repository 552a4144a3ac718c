public import Foundation

/// One line of a license's history: issued, suspended, renewed …
public struct LicenseHistoryEntry: Sendable, Equatable, Codable {
    /// What happened (`issued`, `suspend`, `revoke`, `renewed`, `superseded` …).
    public var action: String
    /// Who did it: `staff:<id>`, `system`.
    public var actor: String
    /// The reason given.
    public var reason: String?
    /// When.
    public var at: Date
}
