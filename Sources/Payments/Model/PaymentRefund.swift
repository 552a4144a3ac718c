public import Foundation
public import Kernel
public import PaymentChannels

/// Money given back on a paid order, asked by finance staff or by the platform itself (a payment of
/// an expired or cancelled order, or a second payment of a paid one).
public struct PaymentRefund: Sendable, Hashable, Identifiable {
    /// Where the refund stands.
    public enum State: String, Sendable, Hashable {
        /// Asked of the channel, no answer yet.
        case requested
        /// The channel is processing it.
        case processing
        /// Done.
        case succeeded
        /// The channel refused; finance staff must act.
        case failed

        /// The Chinese name.
        public var label: String {
            switch self {
            case .requested: "退款申请中"
            case .processing: "退款处理中"
            case .succeeded: "已退款"
            case .failed: "退款失败"
            }
        }
    }

    /// The refund's id.
    public var id: UUID
    /// Our refund number (退款单号).
    public var refundNo: String
    /// The order.
    public var orderID: UUID
    /// The channel the money goes back through.
    public var channel: PaymentChannelID
    /// How much.
    public var amount: Money
    /// Why.
    public var reason: String
    /// Whether the platform asked for it by itself.
    public var automatic: Bool
    /// The state.
    public var state: State
    /// Who asked.
    public var requestedBy: String
    /// When.
    public var createdAt: Date
    /// When the channel confirmed it.
    public var completedAt: Date?
}
