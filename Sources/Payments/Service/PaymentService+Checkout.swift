import Foundation
import Kernel
public import PaymentChannels
import SQLKit
public import Storage

extension PaymentService {
    /// Opens (or reopens) a scan-to-pay trade for the order with payment code `code` on `channelID`.
    ///
    /// Anyone holding the code may do this, logged in or not (缴款码缴费). Opening the same channel
    /// twice gives the same trade; the provider is asked before anything is written, and asked again
    /// with the same trade number if a crash came between, which providers answer with the same code.
    public func checkout(code: String, channel channelID: PaymentChannelID, by actor: Actor) async throws
        -> PaymentCheckout
    {
        let order = try await payableOrder(code: code)
        guard channelID != .counter, let channel = channels.channel(channelID) else {
            throw Self.invalid("unknown-channel", "不支持的缴费渠道", "请选择页面上列出的缴费渠道。")
        }
        if let open = try await database.read({ sql in try await Self.openTrade(order.id, channelID, sql: sql) }) {
            return PaymentCheckout(order: order, trade: open)
        }
        let result: PrepayResult
        do {
            result = try await channel.prepay(
                PrepayRequest(
                    outTradeNo: order.code, description: String("\(order.itemName) \(order.code)".prefix(40)),
                    amount: order.amount, expiresAt: order.expiresAt,
                    notifyURL: settings.publicBaseURL.appending(path: "api/v1/payments/notify/\(channelID.rawValue)")))
        } catch { throw error.domainError }
        let now = clock.now()
        return try await database.transaction { tx in
            guard let current = try await OrderRow.load(order.id, locking: tx), current.state.isPayable
            else { throw Self.conflict("not-payable", "缴款单状态已变化，请刷新后查看。") }
            if let open = try await Self.openTrade(order.id, channelID, sql: tx.sql) {
                return PaymentCheckout(order: current, trade: open)
            }
            let tradeID = UUID()
            try await tx.sql.raw(
                """
                INSERT INTO pay_trades (id, order_id, channel, out_trade_no, amount_fen, qr_content, state, created_at,
                    updated_at)
                VALUES (\(bind: tradeID), \(bind: order.id), \(bind: channelID.rawValue), \(bind: order.code),
                    \(bind: order.amount.fen), \(bind: result.qrContent), 'open', \(bind: now), \(bind: now))
                """
            ).run()
            try await tx.sql.raw(
                """
                UPDATE pay_orders SET state = 'pending', updated_at = \(bind: now), revision = revision + 1
                WHERE id = \(bind: order.id) AND state = 'created'
                """
            ).run()
            try await jobs.enqueue(
                kind: JobKind.query, payload: TradeJob(tradeID: tradeID, attempt: 1),
                runAt: now.addingTimeInterval(settings.firstQueryDelay), in: tx)
            try await audit.append(
                actor.entry(
                    action: "payments.checkout", objectType: "payment-order", objectID: order.id.uuidString,
                    changeDigest: channelID.rawValue), in: tx)
            guard let pending = try await OrderRow.load(order.id, sql: tx.sql),
                let trade = try await Self.openTrade(order.id, channelID, sql: tx.sql)
            else { throw Self.notFound() }
            return PaymentCheckout(order: pending, trade: trade)
        }
    }

    /// The order with `code` if it can be paid now.
    func payableOrder(code: String) async throws -> PaymentOrder {
        let order = try await order(code: code)
        guard order.state.isPayable else {
            throw Self.conflict("not-payable", "缴款单\(order.state.label)，不能缴费。")
        }
        guard clock.now() < order.expiresAt else {
            throw Self.conflict("expired", "缴款单已超过缴费期限，请联系办理部门重新开具。")
        }
        return order
    }

    static func openTrade(_ orderID: UUID, _ channel: PaymentChannelID, sql: any SQLDatabase) async throws
        -> PaymentTrade?
    {
        try await sql.raw(
            """
            SELECT * FROM pay_trades
            WHERE order_id = \(bind: orderID) AND channel = \(bind: channel.rawValue) AND state = 'open'
            """
        ).first().map(OrderRow.trade)
    }
}

/// The payload of the jobs that act on one trade.
struct TradeJob: Codable, Sendable {
    var tradeID: UUID
    var attempt: Int
}
