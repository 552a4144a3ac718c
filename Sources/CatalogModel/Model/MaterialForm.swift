/// In what form a material is handed in (材料形式).
public enum MaterialForm: String, Codable, Sendable, CaseIterable {
    /// 原件.
    case original
    /// 复印件.
    case copy
    /// 原件和复印件.
    case originalAndCopy
    /// 电子件.
    case electronic

    /// The Chinese name.
    public var label: String {
        switch self {
        case .original: "原件"
        case .copy: "复印件"
        case .originalAndCopy: "原件和复印件"
        case .electronic: "电子件"
        }
    }
}
