/// Whom a license belongs to: a person (by 身份证号) or an organisation (by 统一社会信用代码).
public enum LicenseHolderKind: String, Codable, Sendable {
    /// 自然人.
    case person
    /// 法人或其他组织.
    case organisation

    /// The Chinese label.
    public var label: String {
        switch self {
        case .person: "自然人"
        case .organisation: "法人或其他组织"
        }
    }
}
