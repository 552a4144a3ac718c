/// How a concluded case of some service items becomes a license of this type.
///
/// Each license field names its source: `form.<key>` (the application form), `result.<key>` (the
/// decision's result data), `applicant.name`, `applicant.idNumber`, `case.number`, `case.concludedOn`,
/// or a constant written `const:<text>`.
public struct CaseLicenseMapping: Codable, Sendable, Equatable {
    /// The 业务办理项编码 of the items whose approval issues this license.
    public var items: [String]
    /// License field key → source.
    public var fields: [String: String]

    /// Declares a mapping.
    public init(items: [String], fields: [String: String]) {
        self.items = items
        self.fields = fields
    }
}
