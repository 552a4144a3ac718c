import Foundation

/// What a payer gets on choosing a channel: the order and the QR content to scan.
public struct PaymentCheckout: Sendable, Hashable {
    /// The order, now pending.
    public var order: PaymentOrder
    /// The trade opened at the channel.
    public var trade: PaymentTrade
}
