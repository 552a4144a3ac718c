public import Foundation

/// The data of the license events on the outbox (`licenses.license-issued`, `…-status-changed`).
public struct LicenseEventPayload: Codable, Sendable, Equatable {
    /// The license row.
    public var licenseID: UUID
    /// Its identifier, as text.
    public var identifier: String
    /// The type key.
    public var typeKey: String
    /// The issuing department.
    public var departmentID: UUID
    /// The case that issued it, if any.
    public var caseID: UUID?
    /// The status after the change.
    public var status: LicenseStatus

    /// The payload for `license`.
    public init(_ license: License, departmentID: UUID) {
        licenseID = license.id
        identifier = license.identifier.description
        typeKey = license.typeKey
        self.departmentID = departmentID
        caseID = license.caseID
        status = license.status
    }
}
