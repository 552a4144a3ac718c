/// One field of a license type: what it holds, whether it is personal, whether the QR code carries it.
public struct LicenseField: Codable, Sendable, Equatable {
    /// What kind of value a field holds; decides validation and masking.
    public enum Kind: String, Codable, Sendable {
        /// Free text.
        case text
        /// A calendar date, `YYYY-MM-DD`.
        case date
        /// A person's name; masked as personal data.
        case personName
        /// A 身份证号; validated and masked.
        case idNumber
        /// A 统一社会信用代码; validated.
        case creditCode
        /// A number written as text.
        case number
    }

    /// The key, as in the CSV import header and the case mapping.
    public var key: String
    /// The Chinese label printed on the license.
    public var label: String
    /// The kind of value.
    public var kind: Kind
    /// Whether a license cannot be issued without it.
    public var required: Bool
    /// Whether the QR code carries it (masked if personal); long fields such as a business scope stay out.
    public var inCode: Bool

    /// Whether the value is personal data, masked wherever a stranger may see it.
    public var isPersonal: Bool { kind == .personName || kind == .idNumber }

    /// Declares a field.
    public init(key: String, label: String, kind: Kind, required: Bool = true, inCode: Bool = true) {
        self.key = key
        self.label = label
        self.kind = kind
        self.required = required
        self.inCode = inCode
    }
}
