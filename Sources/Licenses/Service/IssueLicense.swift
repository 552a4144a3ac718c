import Foundation

/// A staff member's command to issue a license by hand.
public struct IssueLicense: Sendable, Equatable, Codable {
    /// The type key, such as `business-license`.
    public var typeKey: String
    /// The field values by key.
    public var fields: [String: String]
    /// The first valid day, `YYYY-MM-DD`; today if absent (a legacy license keeps its own date).
    public var issuedOn: String?

    /// Describes the command.
    public init(typeKey: String, fields: [String: String], issuedOn: String? = nil) {
        self.typeKey = typeKey
        self.fields = fields
        self.issuedOn = issuedOn
    }
}
