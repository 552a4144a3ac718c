/// Where a payment order stands (缴款单状态).
///
/// created → pending (a channel trade is open) → paid | expired | cancelled; a paid order may then be
/// refunded in part (partially-refunded) or in whole (refunded).
public enum PaymentOrderState: String, Codable, Sendable, CaseIterable {
    /// 待缴费: issued, no channel chosen yet.
    case created
    /// 缴费中: a QR code of some channel is out.
    case pending
    /// 已缴费.
    case paid
    /// 已过期: not paid in time.
    case expired
    /// 已取消.
    case cancelled
    /// 部分退款.
    case partiallyRefunded = "partially-refunded"
    /// 已全额退款.
    case refunded

    /// The Chinese name.
    public var label: String {
        switch self {
        case .created: "待缴费"
        case .pending: "缴费中"
        case .paid: "已缴费"
        case .expired: "已过期"
        case .cancelled: "已取消"
        case .partiallyRefunded: "部分退款"
        case .refunded: "已退款"
        }
    }

    /// Whether the order can still be paid.
    public var isPayable: Bool { self == .created || self == .pending }

    /// Whether money was received for it.
    public var wasPaid: Bool { self == .paid || self == .partiallyRefunded || self == .refunded }
}
