public import Foundation
public import Kernel
public import PaymentChannels

/// The data of `payments.payment-succeeded` and `payments.refund-requested` on the outbox.
public struct PaymentEventPayload: Codable, Sendable, Equatable {
    /// The order.
    public var orderID: UUID
    /// Its payment code.
    public var code: String
    /// The case it is for.
    public var caseID: UUID?
    /// The amount paid (or, for a refund, refunded).
    public var amount: Money
    /// The channel.
    public var channel: PaymentChannelID
    /// When.
    public var at: Date

    /// Creates a payload.
    public init(orderID: UUID, code: String, caseID: UUID?, amount: Money, channel: PaymentChannelID, at: Date) {
        self.orderID = orderID
        self.code = code
        self.caseID = caseID
        self.amount = amount
        self.channel = channel
        self.at = at
    }

    /// The event names.
    public enum EventType {
        /// PaymentSucceeded: an order was paid; the case moves on.
        public static let succeeded = "payments.payment-succeeded"
        /// RefundRequested: money is being given back.
        public static let refundRequested = "payments.refund-requested"
    }
}
