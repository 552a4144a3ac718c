import Foundation
import Kernel
import PaymentChannels
import SQLKit
public import Storage

extension PaymentService {
    /// The job handlers: expiry, the query when no notification came, closing trades, refunds.
    public func jobHandlers() -> [JobHandler] {
        [
            JobHandler(kind: JobKind.expire) { job in try await expire(try job.decode(OrderJob.self).orderID) },
            JobHandler(kind: JobKind.query) { job in try await queryTrade(try job.decode(TradeJob.self)) },
            JobHandler(kind: JobKind.close) { job in try await closeTrade(try job.decode(TradeJob.self)) },
            JobHandler(kind: JobKind.refund) { job in try await sendRefund(try job.decode(RefundJob.self)) },
            JobHandler(kind: JobKind.reconcile) { _ in try await reconcileYesterday() },
        ]
    }

    /// Marks an unpaid order expired once its time is up, and closes its trades at the channels.
    func expire(_ orderID: UUID) async throws {
        let now = clock.now()
        try await database.transaction { tx in
            let expired = try await tx.sql.raw(
                """
                UPDATE pay_orders SET state = 'expired', updated_at = \(bind: now), revision = revision + 1
                WHERE id = \(bind: orderID) AND state IN ('created', 'pending') AND expires_at <= \(bind: now)
                RETURNING id
                """
            ).first()
            guard expired != nil else { return }
            for trade in try await OrderRow.trades(of: orderID, sql: tx.sql) where trade.state == .open {
                try await jobs.enqueue(kind: JobKind.close, payload: TradeJob(tradeID: trade.id, attempt: 1), in: tx)
            }
            try await audit.append(
                Actor.system.entry(
                    action: "payments.order-expired", objectType: "payment-order", objectID: orderID.uuidString,
                    changeDigest: ""), in: tx)
        }
    }

    /// Asks the channel about a trade nobody has heard of since it opened: a payment whose notification
    /// was lost is recorded as if notified; a waiting trade is asked again later, up to its expiry.
    func queryTrade(_ job: TradeJob) async throws {
        guard let (trade, order) = try await tradeAndOrder(job.tradeID), trade.state == .open,
            let channel = channels.channel(trade.channel)
        else { return }
        let status: ChannelTradeStatus
        do { status = try await channel.query(outTradeNo: trade.outTradeNo) } catch { throw error.domainError }
        let now = clock.now()
        switch status.state {
        case .paid, .refunded:
            let notice = ChannelPaymentNotice(
                outTradeNo: trade.outTradeNo, channelTradeNo: status.channelTradeNo ?? "", state: .paid,
                amount: status.amount ?? trade.amount, paidAt: status.paidAt, notificationID: nil)
            _ = try await apply(notice, channel: trade.channel, source: "query")
        case .closed:
            try await markClosed(trade.id)
        case .notPaid, .unknown:
            // Asked again with a growing delay until a little after expiry, when the close job takes over.
            guard now < order.expiresAt.addingTimeInterval(600), job.attempt < 40 else { return }
            let delay = min(settings.firstQueryDelay * Double(1 << min(job.attempt, 4)), 1800)
            try await jobs.enqueue(
                kind: JobKind.query, payload: TradeJob(tradeID: trade.id, attempt: job.attempt + 1),
                runAt: now.addingTimeInterval(delay))
        }
    }

    /// Closes an open trade at its channel (its order was paid another way, cancelled or expired),
    /// then asks once more: a payment that slipped in before the close is recorded and refunded.
    func closeTrade(_ job: TradeJob) async throws {
        guard let (trade, _) = try await tradeAndOrder(job.tradeID), trade.state == .open,
            let channel = channels.channel(trade.channel)
        else { return }
        do {
            try await channel.close(outTradeNo: trade.outTradeNo)
            let status = try await channel.query(outTradeNo: trade.outTradeNo)
            if status.state == .paid {
                let notice = ChannelPaymentNotice(
                    outTradeNo: trade.outTradeNo, channelTradeNo: status.channelTradeNo ?? "", state: .paid,
                    amount: status.amount ?? trade.amount, paidAt: status.paidAt, notificationID: nil)
                _ = try await apply(notice, channel: trade.channel, source: "query")
                return
            }
        } catch let error as PaymentChannelError where error == .alreadyExists {
            // WeChat answers ORDER_PAID to a close of a paid trade; the query above records it next time.
            throw PaymentChannelError.unavailable("交易已支付，待查询确认").domainError
        }
        try await markClosed(trade.id)
    }

    /// Asks the channel for a refund; a refund still processing is asked about again later.
    func sendRefund(_ job: RefundJob) async throws {
        guard
            let row = try await database.read({ sql in
                try await sql.raw("SELECT * FROM pay_refunds WHERE id = \(bind: job.refundID)").first()
            })
        else { return }
        let refund = try OrderRow.refund(row)
        guard refund.state == .requested || refund.state == .processing, let channel = channels.channel(refund.channel),
            let order = try await database.read({ sql in try await OrderRow.load(refund.orderID, sql: sql) })
        else { return }
        let tradeID = try row.decode(column: "trade_id", as: UUID?.self)
        let tradeAmount =
            try await database.read { sql in
                try await sql.raw("SELECT amount_fen FROM pay_trades WHERE id = \(bind: tradeID)").first()?
                    .decode(column: "amount_fen", as: Int64.self)
            } ?? order.paid.fen
        let result: ChannelRefundResult
        do {
            result = try await channel.refund(
                ChannelRefundRequest(
                    outTradeNo: order.code, refundNo: refund.refundNo, amount: refund.amount,
                    total: Money(fen: tradeAmount), reason: refund.reason))
        } catch { throw error.domainError }
        let now = clock.now()
        try await database.transaction { tx in
            let state = result.state == .succeeded ? "succeeded" : result.state == .failed ? "failed" : "processing"
            try await tx.sql.raw(
                """
                UPDATE pay_refunds SET state = \(bind: state), channel_refund_no = \(bind: result.channelRefundNo),
                    completed_at = \(bind: result.state == .succeeded ? now : nil)
                WHERE id = \(bind: refund.id) AND state IN ('requested', 'processing')
                """
            ).run()
            if result.state == .failed, !refund.automatic {
                // The money did not go back: the order owes the payer nothing less.
                try await tx.sql.raw(
                    """
                    UPDATE pay_orders SET refunded_fen = refunded_fen - \(bind: refund.amount.fen),
                        state = CASE WHEN refunded_fen - \(bind: refund.amount.fen) = 0 THEN 'paid' ELSE 'partially-refunded' END,
                        updated_at = \(bind: now), revision = revision + 1
                    WHERE id = \(bind: order.id)
                    """
                ).run()
            }
            if result.state == .processing, job.attempt < 50 {
                try await jobs.enqueue(
                    kind: JobKind.refund, payload: RefundJob(refundID: refund.id, attempt: job.attempt + 1),
                    runAt: now.addingTimeInterval(300), in: tx)
            }
            try await audit.append(
                Actor.system.entry(
                    action: "payments.refund-\(state)", objectType: "payment-refund", objectID: refund.id.uuidString,
                    changeDigest: refund.refundNo), in: tx)
        }
    }

    private func tradeAndOrder(_ tradeID: UUID) async throws -> (PaymentTrade, PaymentOrder)? {
        try await database.read { sql in
            guard
                let trade = try await sql.raw("SELECT * FROM pay_trades WHERE id = \(bind: tradeID)").first()
                    .map(OrderRow.trade),
                let order = try await OrderRow.load(trade.orderID, sql: sql)
            else { return nil }
            return (trade, order)
        }
    }

    private func markClosed(_ tradeID: UUID) async throws {
        let now = clock.now()
        try await database.transaction { tx in
            try await tx.sql.raw(
                """
                UPDATE pay_trades SET state = 'closed', updated_at = \(bind: now)
                WHERE id = \(bind: tradeID) AND state = 'open'
                """
            ).run()
        }
    }
}
