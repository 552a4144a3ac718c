public import Foundation

/// One use of a license inside a case (用证记录): who looked at it, when, for which case.
public struct LicenseUse: Sendable, Equatable, Codable {
    /// The case.
    public var caseID: UUID
    /// Its 办件编号.
    public var caseNumber: String?
    /// The department that used it.
    public var departmentName: String
    /// Who: `staff:<id>`.
    public var actor: String
    /// When.
    public var usedAt: Date
}
