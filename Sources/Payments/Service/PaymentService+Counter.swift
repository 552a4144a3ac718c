public import Foundation
public import Identity
import Kernel
import PaymentChannels
import SQLKit
import Storage

extension PaymentService {
    /// How a payment was taken at the counter.
    public enum CounterMethod: String, Sendable, CaseIterable {
        /// 现金.
        case cash
        /// 银行卡 (POS).
        case card

        /// The Chinese name.
        public var label: String { self == .cash ? "现金" : "银行卡" }
    }

    /// Records cash or card taken by a clerk for the order; the receipt and the case follow as for
    /// any payment. `reference` is the POS slip number for a card, optional for cash.
    public func recordCounterPayment(
        _ orderID: UUID, method: CounterMethod, reference: String, by staff: StaffActor
    ) async throws -> PaymentOrder {
        let reference = reference.trimmingCharacters(in: .whitespaces)
        guard reference.count <= 64 else {
            throw Self.invalid("counter-reference", "凭证号过长", "POS 凭证号最多64个字符。")
        }
        if method == .card && reference.isEmpty {
            throw Self.invalid("counter-reference", "请填写凭证号", "刷卡缴费须填写 POS 签购单上的凭证号。")
        }
        let now = clock.now()
        return try await database.transaction { tx in
            guard let order = try await OrderRow.load(orderID, locking: tx) else {
                throw Self.notFound()
            }
            try await organisation.authorize(staff, .paymentsCollect, department: order.departmentID, sql: tx.sql)
            guard order.state.isPayable else { throw Self.conflict("not-payable", "缴款单\(order.state.label)，不能收款。") }
            guard now < order.expiresAt else {
                throw Self.conflict("expired", "缴款单已超过缴费期限，请取消后重新开具。")
            }
            let trade = PaymentTrade(
                id: UUID(), orderID: order.id, channel: .counter, outTradeNo: order.code, amount: order.amount,
                qrContent: "", state: .paid,
                channelTradeNo:
                    "\(method.rawValue.uppercased())-\(reference.isEmpty ? String(UUID().uuidString.prefix(8)) : reference)",
                paidAt: now)
            try await tx.sql.raw(
                """
                INSERT INTO pay_trades (id, order_id, channel, out_trade_no, amount_fen, qr_content, state,
                    channel_trade_no, paid_at, created_at, updated_at)
                VALUES (\(bind: trade.id), \(bind: order.id), 'counter', \(bind: order.code), \(bind: order.amount.fen), '',
                    'paid', \(bind: trade.channelTradeNo), \(bind: now), \(bind: now), \(bind: now))
                """
            ).run()
            _ = try await settle(trade, by: staff.auditActor, at: now, tx: tx)
            guard let paid = try await OrderRow.load(order.id, sql: tx.sql) else { throw Self.notFound() }
            return paid
        }
    }

    /// Cancels an unpaid order (a wrong amount, a reduction to apply), closing its open trades.
    public func cancel(_ orderID: UUID, reason: String, by staff: StaffActor) async throws -> PaymentOrder {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...200).contains(reason.count) else {
            throw Self.invalid("cancel-reason", "请填写取消原因", "取消原因须为2到200个字。")
        }
        let now = clock.now()
        return try await database.transaction { tx in
            guard let order = try await OrderRow.load(orderID, locking: tx) else {
                throw Self.notFound()
            }
            try await organisation.authorize(staff, .paymentsCollect, department: order.departmentID, sql: tx.sql)
            guard order.state.isPayable else { throw Self.conflict("not-cancellable", "缴款单\(order.state.label)，不能取消。") }
            try await tx.sql.raw(
                """
                UPDATE pay_orders SET state = 'cancelled', cancel_reason = \(bind: reason), updated_at = \(bind: now),
                    revision = revision + 1
                WHERE id = \(bind: orderID)
                """
            ).run()
            for trade in try await OrderRow.trades(of: orderID, sql: tx.sql) where trade.state == .open {
                try await jobs.enqueue(kind: JobKind.close, payload: TradeJob(tradeID: trade.id, attempt: 1), in: tx)
            }
            try await audit.append(
                staff.auditActor.entry(
                    action: "payments.order-cancelled", objectType: "payment-order", objectID: orderID.uuidString,
                    changeDigest: reason), in: tx)
            guard let cancelled = try await OrderRow.load(orderID, sql: tx.sql) else { throw Self.notFound() }
            return cancelled
        }
    }
}
