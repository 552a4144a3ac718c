public import Foundation

/// A department registered to issue licenses, with the credit code its identifiers and keys carry.
public struct LicenseIssuer: Sendable, Equatable, Codable {
    /// The department.
    public var departmentID: UUID
    /// Its unified social credit code (机关 codes start with 11).
    public var creditCode: String
    /// Its name, printed on licenses.
    public var name: String

    /// Describes an issuer.
    public init(departmentID: UUID, creditCode: String, name: String) {
        self.departmentID = departmentID
        self.creditCode = creditCode
        self.name = name
    }
}
