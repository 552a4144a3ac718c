public import Foundation
import Kernel
import SQLKit

/// One notification or query answer as logged, accepted or refused.
public struct PaymentNotificationRecord: Sendable, Hashable {
    /// The channel.
    public var channel: String
    /// notify, query or sandbox.
    public var source: String
    /// What was made of it (`PaymentOutcome` raw value).
    public var outcome: String
    /// Why it was refused or ignored.
    public var reason: String?
    /// Our trade number it named.
    public var outTradeNo: String?
    /// The amount it named, in fen.
    public var amountFen: Int64?
    /// When it arrived.
    public var receivedAt: Date

    init(row: any SQLRow) throws {
        channel = try row.decode(column: "channel", as: String.self)
        source = try row.decode(column: "source", as: String.self)
        outcome = try row.decode(column: "outcome", as: String.self)
        reason = try row.decode(column: "reason", as: String?.self)
        outTradeNo = try row.decode(column: "out_trade_no", as: String?.self)
        amountFen = try row.decode(column: "amount_fen", as: Int64?.self)
        receivedAt = try row.decode(column: "received_at", as: Date.self)
    }
}
