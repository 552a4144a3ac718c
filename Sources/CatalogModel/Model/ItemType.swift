/// The kind of power or service an item is (事项类型), with its two-digit code in the base code.
///
/// Only the kinds a citizen or enterprise applies for are listed; punishment, coercion and
/// inspection are exercised by departments, not requested, so they never enter the service hall.
public enum ItemType: String, Codable, Sendable, CaseIterable {
    /// 行政许可.
    case licensing
    /// 行政征收.
    case levy
    /// 行政给付.
    case benefit
    /// 行政确认.
    case confirmation
    /// 行政奖励.
    case reward
    /// 行政裁决.
    case adjudication
    /// 其他行政权力.
    case otherPower
    /// 公共服务.
    case publicService

    /// The two digits that open the base code.
    public var code: String {
        switch self {
        case .licensing: "00"
        case .levy: "03"
        case .benefit: "04"
        case .confirmation: "06"
        case .reward: "07"
        case .adjudication: "08"
        case .otherPower: "09"
        case .publicService: "20"
        }
    }

    /// The Chinese name.
    public var label: String {
        switch self {
        case .licensing: "行政许可"
        case .levy: "行政征收"
        case .benefit: "行政给付"
        case .confirmation: "行政确认"
        case .reward: "行政奖励"
        case .adjudication: "行政裁决"
        case .otherPower: "其他行政权力"
        case .publicService: "公共服务"
        }
    }

    /// The type whose code is `code`, if any.
    public init?(code: String) {
        guard let match = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = match
    }
}
