public import Foundation
public import Identity
public import Kernel
import PaymentChannels
import SQLKit
import Storage

extension PaymentService {
    /// Gives back `amount` of a paid order (all or part), for `reason`; finance staff of the payee
    /// department only. The channel is asked by a job after this commits, with a refund number that
    /// makes a repeated request the same refund.
    public func refund(_ orderID: UUID, amount: Money, reason: String, by staff: StaffActor) async throws
        -> PaymentRefund
    {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...200).contains(reason.count) else {
            throw Self.invalid("refund-reason", "请填写退款原因", "退款原因须为2到200个字。")
        }
        guard amount.fen > 0 else { throw Self.invalid("refund-amount", "退款金额有误", "退款金额须大于零。") }
        let now = clock.now()
        return try await database.transaction { tx in
            guard let order = try await OrderRow.load(orderID, locking: tx) else {
                throw Self.notFound()
            }
            try await organisation.authorize(staff, .paymentsFinance, department: order.departmentID, sql: tx.sql)
            guard order.state == .paid || order.state == .partiallyRefunded else {
                throw Self.conflict("not-refundable", "缴款单\(order.state.label)，不能退款。")
            }
            let left = try order.paid.subtracting(order.refunded)
            guard amount <= left else {
                throw Self.invalid(
                    "refund-too-much", "退款金额超出可退金额", "最多可退 \(left.formatted(.yuan))，申请了 \(amount.formatted(.yuan))。")
            }
            let trade = try await OrderRow.trades(of: orderID, sql: tx.sql).first {
                $0.state == .paid && $0.channel == order.channel
            }
            let refund = try await requestRefund(
                order: order, trade: trade, amount: amount, reason: reason, automatic: false, by: staff.auditActor,
                at: now,
                tx: tx)
            let refunded = try order.refunded.adding(amount)
            try await tx.sql.raw(
                """
                UPDATE pay_orders SET refunded_fen = \(bind: refunded.fen),
                    state = \(bind: refunded == order.paid ? "refunded" : "partially-refunded"),
                    updated_at = \(bind: now), revision = revision + 1
                WHERE id = \(bind: orderID)
                """
            ).run()
            try await audit.append(
                staff.auditActor.entry(
                    action: "payments.refund", objectType: "payment-order", objectID: orderID.uuidString,
                    changeDigest: "\(refund.refundNo)/\(amount.fen)"), in: tx)
            return refund
        }
    }

    /// Writes a refund and its job; a counter refund is cash handed back, done at once.
    @discardableResult
    func requestRefund(
        order: PaymentOrder, trade: PaymentTrade?, amount: Money, reason: String, automatic: Bool, by actor: Actor,
        at now: Date, tx: Transaction
    ) async throws -> PaymentRefund {
        let channel = trade?.channel ?? order.channel ?? .counter
        let id = UUID()
        let refundNo = "RF" + order.code + String(id.uuidString.prefix(8)).replacingOccurrences(of: "-", with: "")
        let immediate = channel == .counter
        try await tx.sql.raw(
            """
            INSERT INTO pay_refunds (id, refund_no, order_id, trade_id, channel, amount_fen, reason, automatic, state,
                requested_by, created_at, completed_at)
            VALUES (\(bind: id), \(bind: refundNo), \(bind: order.id), \(bind: trade?.id), \(bind: channel.rawValue),
                \(bind: amount.fen), \(bind: reason), \(bind: automatic ? 1 : 0),
                \(bind: immediate ? "succeeded" : "requested"), \(bind: actor.id), \(bind: now),
                \(bind: immediate ? now : nil))
            """
        ).run()
        if !immediate {
            try await jobs.enqueue(kind: JobKind.refund, payload: RefundJob(refundID: id, attempt: 1), in: tx)
        }
        try await tx.publish(
            try DomainEvent(
                type: PaymentEventPayload.EventType.refundRequested, aggregateType: "payment-order",
                aggregateID: order.id.uuidString,
                value: PaymentEventPayload(
                    orderID: order.id, code: order.code, caseID: order.caseID, amount: amount, channel: channel, at: now
                ),
                occurredAt: now))
        guard let row = try await tx.sql.raw("SELECT * FROM pay_refunds WHERE id = \(bind: id)").first() else {
            throw Self.notFound()
        }
        return try OrderRow.refund(row)
    }
}

/// The payload of a refund job.
struct RefundJob: Codable, Sendable {
    var refundID: UUID
    var attempt: Int
}
