import Foundation
import Kernel
import PaymentChannels
import SQLKit
import Storage

/// Reads orders, trades and refunds from their rows.
enum OrderRow {
    static let columns: SQLQueryString = """
        id, code, case_id, case_number, item_code, item_name, department_id, department_name, payer_account,
        payer_name_masked, lines, amount_fen, state, channel, paid_fen, refunded_fen, expires_at, paid_at,
        cancel_reason, created_at, revision
        """

    static func load(_ id: UUID, sql: any SQLDatabase) async throws -> PaymentOrder? {
        try await sql.raw("SELECT \(columns) FROM pay_orders WHERE id = \(bind: id)").first().map(order)
    }

    /// The order with `id`, locked until `tx` ends, so two commands on one order run one after the other.
    static func load(_ id: UUID, locking tx: Transaction) async throws -> PaymentOrder? {
        try await tx.sql.raw("SELECT \(columns) FROM pay_orders WHERE id = \(bind: id)\(unsafeRaw: tx.forUpdate)")
            .first()
            .map(order)
    }

    static func load(code: String, sql: any SQLDatabase) async throws -> PaymentOrder? {
        try await sql.raw("SELECT \(columns) FROM pay_orders WHERE code = \(bind: code)").first().map(order)
    }

    static func order(_ row: any SQLRow) throws -> PaymentOrder {
        let lines = try JSONDecoder().decode(
            [FeeLine].self, from: Data(try row.decode(column: "lines", as: String.self).utf8))
        return PaymentOrder(
            id: try row.decode(column: "id", as: UUID.self),
            code: try row.decode(column: "code", as: String.self),
            caseID: try row.decode(column: "case_id", as: UUID?.self),
            caseNumber: try row.decode(column: "case_number", as: String?.self),
            itemCode: try row.decode(column: "item_code", as: String.self),
            itemName: try row.decode(column: "item_name", as: String.self),
            departmentID: try row.decode(column: "department_id", as: UUID.self),
            departmentName: try row.decode(column: "department_name", as: String.self),
            payerAccount: try row.decode(column: "payer_account", as: UUID?.self),
            payerNameMasked: try row.decode(column: "payer_name_masked", as: String.self),
            lines: lines,
            amount: Money(fen: try row.decode(column: "amount_fen", as: Int64.self)),
            state: PaymentOrderState(rawValue: try row.decode(column: "state", as: String.self)) ?? .cancelled,
            channel: try row.decode(column: "channel", as: String?.self).map(PaymentChannelID.init(rawValue:)),
            paid: Money(fen: try row.decode(column: "paid_fen", as: Int64.self)),
            refunded: Money(fen: try row.decode(column: "refunded_fen", as: Int64.self)),
            expiresAt: try row.decode(column: "expires_at", as: Date.self),
            paidAt: try row.decode(column: "paid_at", as: Date?.self),
            cancelReason: try row.decode(column: "cancel_reason", as: String?.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            revision: try row.decode(column: "revision", as: Int.self))
    }

    static func trade(_ row: any SQLRow) throws -> PaymentTrade {
        PaymentTrade(
            id: try row.decode(column: "id", as: UUID.self),
            orderID: try row.decode(column: "order_id", as: UUID.self),
            channel: PaymentChannelID(rawValue: try row.decode(column: "channel", as: String.self)),
            outTradeNo: try row.decode(column: "out_trade_no", as: String.self),
            amount: Money(fen: try row.decode(column: "amount_fen", as: Int64.self)),
            qrContent: try row.decode(column: "qr_content", as: String.self),
            state: PaymentTrade.State(rawValue: try row.decode(column: "state", as: String.self)) ?? .closed,
            channelTradeNo: try row.decode(column: "channel_trade_no", as: String?.self),
            paidAt: try row.decode(column: "paid_at", as: Date?.self))
    }

    static func trades(of orderID: UUID, sql: any SQLDatabase) async throws -> [PaymentTrade] {
        try await sql.raw("SELECT * FROM pay_trades WHERE order_id = \(bind: orderID) ORDER BY created_at").all()
            .map(trade)
    }

    static func refund(_ row: any SQLRow) throws -> PaymentRefund {
        PaymentRefund(
            id: try row.decode(column: "id", as: UUID.self),
            refundNo: try row.decode(column: "refund_no", as: String.self),
            orderID: try row.decode(column: "order_id", as: UUID.self),
            channel: PaymentChannelID(rawValue: try row.decode(column: "channel", as: String.self)),
            amount: Money(fen: try row.decode(column: "amount_fen", as: Int64.self)),
            reason: try row.decode(column: "reason", as: String.self),
            automatic: try row.decode(column: "automatic", as: Int.self) != 0,
            state: PaymentRefund.State(rawValue: try row.decode(column: "state", as: String.self)) ?? .failed,
            requestedBy: try row.decode(column: "requested_by", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            completedAt: try row.decode(column: "completed_at", as: Date?.self))
    }

    static func refunds(of orderID: UUID, sql: any SQLDatabase) async throws -> [PaymentRefund] {
        try await sql.raw("SELECT * FROM pay_refunds WHERE order_id = \(bind: orderID) ORDER BY created_at").all()
            .map(refund)
    }
}
