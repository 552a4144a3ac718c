/// A kind of license (营业执照, 结婚证 …): its fields, issuer, validity and how cases issue it.
public struct LicenseType: Codable, Sendable, Equatable, Identifiable {
    /// The key catalog materials name it by (`business-license`), stable across code changes.
    public var key: String
    /// 证照类型代码, the identifier's type part.
    public var code: String
    /// The Chinese name printed as the title.
    public var name: String
    /// Person or organisation.
    public var holder: LicenseHolderKind
    /// The code of the department that issues it here, such as `SJZ-SCJGJ`.
    public var issuerDepartment: String
    /// Years a license stays valid from its issue; nil for 长期 (no expiry).
    public var validYears: Int?
    /// The fields, in print order.
    public var fields: [LicenseField]
    /// The field holding the holder's name, shown in lists and on the verifier page.
    public var holderNameField: String
    /// The field holding the holder's 身份证号 or 统一社会信用代码: whose wallet the license is in.
    public var holderIDField: String
    /// The field holding the 身份证号 of the organisation's representative, whose wallet shows it too.
    public var representativeIDField: String?
    /// The cases that issue it when approved, if any.
    public var fromCases: CaseLicenseMapping?

    /// Declares a type.
    public init(
        key: String, code: String, name: String, holder: LicenseHolderKind, issuerDepartment: String, validYears: Int?,
        fields: [LicenseField], holderNameField: String, holderIDField: String, representativeIDField: String? = nil,
        fromCases: CaseLicenseMapping? = nil
    ) {
        self.key = key
        self.code = code
        self.name = name
        self.holder = holder
        self.issuerDepartment = issuerDepartment
        self.validYears = validYears
        self.fields = fields
        self.holderNameField = holderNameField
        self.holderIDField = holderIDField
        self.representativeIDField = representativeIDField
        self.fromCases = fromCases
    }

    /// The key is the identity.
    public var id: String { key }

    /// The field with `key`, if the type has one.
    public func field(_ key: String) -> LicenseField? { fields.first { $0.key == key } }
}
