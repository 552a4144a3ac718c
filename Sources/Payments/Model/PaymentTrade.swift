public import Foundation
public import Kernel
public import PaymentChannels

/// One attempt to pay an order through one channel: the QR code that channel gave out.
public struct PaymentTrade: Sendable, Hashable, Identifiable {
    /// Where the trade stands.
    public enum State: String, Sendable, Hashable {
        /// The QR code is out.
        case open
        /// The payer paid it.
        case paid
        /// Closed without payment.
        case closed
    }

    /// The trade's id.
    public var id: UUID
    /// The order.
    public var orderID: UUID
    /// The channel.
    public var channel: PaymentChannelID
    /// Our trade number at the channel (the payment code).
    public var outTradeNo: String
    /// The amount asked.
    public var amount: Money
    /// What the payer scans.
    public var qrContent: String
    /// The state.
    public var state: State
    /// The channel's trade number, once paid.
    public var channelTradeNo: String?
    /// When it was paid.
    public var paidAt: Date?
}
