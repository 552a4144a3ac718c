public import Foundation

/// One line of the published status list: a license that no longer verifies, and since when.
public struct LicenseStatusEntry: Sendable, Equatable, Codable {
    /// The identifier.
    public var identifier: String
    /// Its status (never `valid`).
    public var status: LicenseStatus
    /// When it took that status.
    public var since: Date
}
