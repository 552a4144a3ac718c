public import Foundation

/// A person's personal data in clear, for staff whose work needs it; every reveal is audited.
public struct PersonInClear: Sendable, Equatable {
    /// The account id.
    public var id: UUID
    /// The legal name.
    public var name: String
    /// The 18-character 身份证号.
    public var idNumber: String
    /// The 11-digit mobile number.
    public var phone: String
}
