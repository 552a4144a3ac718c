public import Foundation
public import Kernel

/// One line of a provider's statement (对账单), in the provider-neutral form reconciliation matches.
public struct StatementLine: Sendable, Hashable {
    /// A payment or a refund.
    public enum Kind: String, Sendable, Hashable {
        /// Money in.
        case payment
        /// Money back.
        case refund
    }

    /// Our trade number.
    public var outTradeNo: String
    /// The provider's trade number.
    public var channelTradeNo: String
    /// Payment or refund.
    public var kind: Kind
    /// The amount in fen, positive for both kinds.
    public var amount: Money
    /// Our refund number, for refunds.
    public var refundNo: String?
    /// When the provider recorded it.
    public var at: Date?

    /// Creates a line.
    public init(
        outTradeNo: String, channelTradeNo: String, kind: Kind, amount: Money, refundNo: String? = nil, at: Date? = nil
    ) {
        self.outTradeNo = outTradeNo
        self.channelTradeNo = channelTradeNo
        self.kind = kind
        self.amount = amount
        self.refundNo = refundNo
        self.at = at
    }
}
