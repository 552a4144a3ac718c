import Foundation
import Kernel
public import PaymentChannels
import SQLKit
import Storage

extension PaymentService {
    /// Handles a channel's asynchronous notification and gives the answer the channel expects.
    ///
    /// The signature is checked (and the content decrypted) by the channel's adapter before anything
    /// is read. A forged, mismatched or unknown notification is refused and logged; a repeated one is
    /// acknowledged and changes nothing. The answer goes out only after the change has committed.
    public func receiveNotification(_ channelID: PaymentChannelID, _ notification: ChannelNotification) async
        -> ChannelAcknowledgement
    {
        guard let channel = channels.channel(channelID) else {
            return ChannelAcknowledgement(status: 404, contentType: "text/plain", body: "unknown channel")
        }
        let notice: ChannelPaymentNotice
        do {
            notice = try channel.notice(from: notification)
        } catch {
            await logRefusal(channelID, reason: error.domainError.detail)
            return channel.acknowledgement(accepted: false)
        }
        do {
            let outcome = try await apply(notice, channel: channelID, source: "notify")
            return channel.acknowledgement(accepted: outcome != .refused)
        } catch {
            return channel.acknowledgement(accepted: false)
        }
    }

    /// Records a payment a channel reported, in one transaction with everything that follows from it.
    func apply(_ notice: ChannelPaymentNotice, channel: PaymentChannelID, source: String) async throws
        -> PaymentOutcome
    {
        let now = clock.now()
        return try await database.transaction { tx in
            func log(_ outcome: PaymentOutcome, _ reason: String?) async throws {
                try await tx.sql.raw(
                    """
                    INSERT INTO pay_notifications (id, channel, source, outcome, reason, out_trade_no, channel_trade_no,
                        amount_fen, received_at)
                    VALUES (\(bind: UUID()), \(bind: channel.rawValue), \(bind: source), \(bind: outcome.rawValue),
                        \(bind: reason), \(bind: notice.outTradeNo), \(bind: notice.channelTradeNo),
                        \(bind: notice.amount.fen), \(bind: now))
                    """
                ).run()
            }
            let query: SQLQueryString = """
                SELECT * FROM pay_trades WHERE channel = \(bind: channel.rawValue) AND out_trade_no = \(bind: notice.outTradeNo)\(unsafeRaw: tx.forUpdate)
                """
            guard let trade = try await tx.sql.raw(query).first().map(OrderRow.trade) else {
                try await log(.refused, "没有这笔交易")
                try await audit.append(
                    Actor.system.entry(
                        action: "payments.notification-refused", objectType: "payment-trade",
                        objectID: notice.outTradeNo, changeDigest: "unknown-trade"), in: tx)
                return .refused
            }
            guard notice.state == .paid else {
                try await log(.ignored, "交易状态 \(notice.state.rawValue)")
                return .ignored
            }
            guard notice.amount == trade.amount else {
                try await log(.refused, "金额不符：应为 \(trade.amount.fen) 分，通知为 \(notice.amount.fen) 分")
                try await audit.append(
                    Actor.system.entry(
                        action: "payments.amount-mismatch", objectType: "payment-trade", objectID: trade.id.uuidString,
                        changeDigest: "\(trade.amount.fen)/\(notice.amount.fen)"), in: tx)
                return .refused
            }
            if trade.state == .paid {
                let same = trade.channelTradeNo == notice.channelTradeNo
                try await log(same ? .duplicate : .refused, same ? "重复通知" : "渠道交易号与已记录的不同")
                return same ? .duplicate : .refused
            }
            try await tx.sql.raw(
                """
                UPDATE pay_trades SET state = 'paid', channel_trade_no = \(bind: notice.channelTradeNo),
                    paid_at = \(bind: notice.paidAt ?? now), updated_at = \(bind: now)
                WHERE id = \(bind: trade.id)
                """
            ).run()
            var paidTrade = trade
            paidTrade.state = .paid
            paidTrade.channelTradeNo = notice.channelTradeNo
            paidTrade.paidAt = notice.paidAt ?? now
            let outcome = try await settle(paidTrade, by: .system, at: now, tx: tx)
            try await log(outcome, source == "notify" ? nil : "由\(source == "query" ? "主动查询" : source)确认")
            return outcome
        }
    }

    /// A paid trade's consequence: the order paid (receipt, PaymentSucceeded, other trades closed),
    /// or, when the order could not take the payment, an automatic refund of this trade.
    func settle(_ trade: PaymentTrade, by actor: Actor, at now: Date, tx: Transaction) async throws -> PaymentOutcome {
        let paidAt = trade.paidAt ?? now
        let updated = try await tx.sql.raw(
            """
            UPDATE pay_orders SET state = 'paid', channel = \(bind: trade.channel.rawValue), trade_id = \(bind: trade.id),
                paid_fen = \(bind: trade.amount.fen), paid_at = \(bind: paidAt), updated_at = \(bind: now),
                revision = revision + 1
            WHERE id = \(bind: trade.orderID) AND state IN ('created', 'pending')
            RETURNING id
            """
        ).first()
        guard let order = try await OrderRow.load(trade.orderID, sql: tx.sql) else { throw Self.notFound() }
        guard updated != nil else {
            let reason =
                order.state.wasPaid ? "缴款单已缴费（重复支付），自动退回" : "缴款单\(order.state.label)后仍收到付款，自动退回"
            try await requestRefund(
                order: order, trade: trade, amount: trade.amount, reason: reason, automatic: true, by: .system, at: now,
                tx: tx)
            try await audit.append(
                actor.entry(
                    action: "payments.refund-automatic", objectType: "payment-order", objectID: order.id.uuidString,
                    changeDigest: "\(trade.channel.rawValue)/\(trade.amount.fen)"), in: tx)
            return .refunding
        }
        try await issueReceipt(for: order, trade: trade, at: now, tx: tx)
        for other in try await OrderRow.trades(of: order.id, sql: tx.sql) where other.state == .open {
            try await jobs.enqueue(kind: JobKind.close, payload: TradeJob(tradeID: other.id, attempt: 1), in: tx)
        }
        try await tx.publish(
            try DomainEvent(
                type: PaymentEventPayload.EventType.succeeded, aggregateType: "payment-order",
                aggregateID: order.id.uuidString,
                value: PaymentEventPayload(
                    orderID: order.id, code: order.code, caseID: order.caseID, amount: trade.amount,
                    channel: trade.channel, at: paidAt),
                occurredAt: now))
        try await audit.append(
            actor.entry(
                action: "payments.paid", objectType: "payment-order", objectID: order.id.uuidString,
                changeDigest: "\(trade.channel.rawValue)/\(trade.amount.fen)"), in: tx)
        return .paid
    }

    /// Refusals logged per channel and minute at most: the endpoint is open to anyone, and a flood of
    /// garbage must not grow the log and the audit chain without bound.
    static let refusalLogLimit = 60

    private func logRefusal(_ channel: PaymentChannelID, reason: String) async {
        let now = clock.now()
        // Best effort: a refused notification must not fail because the log could not be written.
        try? await database.transaction { tx in
            let recent =
                try await tx.sql.raw(
                    """
                    SELECT COUNT(*) AS n FROM pay_notifications
                    WHERE channel = \(bind: channel.rawValue) AND outcome = 'refused' AND out_trade_no IS NULL
                      AND received_at > \(bind: now.addingTimeInterval(-60))
                    """
                ).first()?.decode(column: "n", as: Int.self) ?? 0
            guard recent < Self.refusalLogLimit else { return }
            try await tx.sql.raw(
                """
                INSERT INTO pay_notifications (id, channel, source, outcome, reason, received_at)
                VALUES (\(bind: UUID()), \(bind: channel.rawValue), 'notify', 'refused', \(bind: reason), \(bind: now))
                """
            ).run()
            try await audit.append(
                Actor.system.entry(
                    action: "payments.notification-refused", objectType: "payment-channel", objectID: channel.rawValue,
                    changeDigest: String(reason.prefix(100))), in: tx)
        }
    }
}
