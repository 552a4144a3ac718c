/// Whom an item serves (服务对象).
public enum Audience: String, Codable, Sendable, CaseIterable, Comparable {
    /// 自然人.
    case person
    /// 法人 (enterprises and other organisations).
    case enterprise

    /// The Chinese name.
    public var label: String {
        switch self {
        case .person: "自然人"
        case .enterprise: "法人"
        }
    }

    /// Orders people before enterprises, so stored sets are stable.
    public static func < (lhs: Audience, rhs: Audience) -> Bool { lhs == .person && rhs == .enterprise }
}
