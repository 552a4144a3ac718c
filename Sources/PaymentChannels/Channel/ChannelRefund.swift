public import Kernel

/// A refund asked of a provider.
public struct ChannelRefundRequest: Sendable, Hashable {
    /// Our trade number of the paid trade.
    public var outTradeNo: String
    /// Our refund number (商户退款单号); repeating it repeats the same refund.
    public var refundNo: String
    /// How much to give back.
    public var amount: Money
    /// What the trade was for in total.
    public var total: Money
    /// Why, shown to the payer.
    public var reason: String

    /// Creates a request.
    public init(outTradeNo: String, refundNo: String, amount: Money, total: Money, reason: String) {
        self.outTradeNo = outTradeNo
        self.refundNo = refundNo
        self.amount = amount
        self.total = total
        self.reason = reason
    }
}

/// The provider's answer to a refund.
public struct ChannelRefundResult: Sendable, Hashable {
    /// Where the refund stands.
    public enum State: String, Sendable, Hashable {
        /// Money is on its way back.
        case succeeded
        /// Accepted, not finished.
        case processing
        /// Refused or abnormal; finance staff must act.
        case failed
    }

    /// Our refund number.
    public var refundNo: String
    /// The provider's refund number.
    public var channelRefundNo: String?
    /// The state.
    public var state: State

    /// Creates a result.
    public init(refundNo: String, channelRefundNo: String?, state: State) {
        self.refundNo = refundNo
        self.channelRefundNo = channelRefundNo
        self.state = state
    }
}
