public import Foundation
public import Kernel

/// Where a trade stands at the provider, as a query answers.
public struct ChannelTradeStatus: Sendable, Hashable {
    /// The provider's view of a trade.
    public enum State: String, Sendable, Hashable {
        /// Paid (WeChat SUCCESS; Alipay TRADE_SUCCESS or TRADE_FINISHED).
        case paid
        /// Opened and not paid yet (NOTPAY, USERPAYING; WAIT_BUYER_PAY).
        case notPaid
        /// Closed or revoked without payment (CLOSED, REVOKED; TRADE_CLOSED without payment).
        case closed
        /// Paid and since refunded in part or whole (REFUND).
        case refunded
        /// The provider does not know the trade (ORDER_NOT_EXIST; ACQ.TRADE_NOT_EXIST).
        case unknown
    }

    /// Our trade number.
    public var outTradeNo: String
    /// The provider's state.
    public var state: State
    /// The provider's own trade number, once paid.
    public var channelTradeNo: String?
    /// The amount paid, once paid.
    public var amount: Money?
    /// When it was paid.
    public var paidAt: Date?

    /// Creates a status.
    public init(
        outTradeNo: String, state: State, channelTradeNo: String? = nil, amount: Money? = nil, paidAt: Date? = nil
    ) {
        self.outTradeNo = outTradeNo
        self.state = state
        self.channelTradeNo = channelTradeNo
        self.amount = amount
        self.paidAt = paidAt
    }
}
