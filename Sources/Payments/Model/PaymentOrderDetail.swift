/// An order with its trades, refunds and receipt, for the order pages.
public struct PaymentOrderDetail: Sendable {
    /// The order.
    public var order: PaymentOrder
    /// Its trades, oldest first.
    public var trades: [PaymentTrade]
    /// Its refunds, oldest first.
    public var refunds: [PaymentRefund]
    /// Its receipt, once paid.
    public var receipt: PaymentReceipt?
}
