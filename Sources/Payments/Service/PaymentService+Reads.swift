public import Cases
public import Foundation
public import Identity
import Kernel
import SQLKit
import Storage

extension PaymentService {
    /// The order with payment code `code`: what a payer sees after typing the code (masked names only).
    public func order(code: String) async throws -> PaymentOrder {
        let code = code.filter { !$0.isWhitespace }
        guard codes.isWellFormed(code) else {
            throw Self.invalid("bad-code", "缴款码有误", "缴款码为20位数字，请核对后重新输入（最后一位是校验位）。")
        }
        guard let order = try await database.read({ sql in try await OrderRow.load(code: code, sql: sql) }) else {
            throw Self.notFound()
        }
        return order
    }

    /// The order with `id`, for a reader allowed to see it.
    public func order(_ id: UUID, by reader: PaymentReader) async throws -> PaymentOrder {
        try await database.read { sql in
            guard let order = try await OrderRow.load(id, sql: sql), try await may(reader, read: order, sql: sql) else {
                throw Self.notFound()
            }
            return order
        }
    }

    /// The order with its trades, refunds and receipt.
    public func detail(_ id: UUID, by reader: PaymentReader) async throws -> PaymentOrderDetail {
        let order = try await order(id, by: reader)
        let (trades, refunds) = try await database.read { sql in
            (try await OrderRow.trades(of: id, sql: sql), try await OrderRow.refunds(of: id, sql: sql))
        }
        let receipt = order.state.wasPaid ? try? await receipt(id, by: reader) : nil
        return PaymentOrderDetail(order: order, trades: trades, refunds: refunds, receipt: receipt)
    }

    /// A payer's orders, newest first.
    public func myOrders(accountID: UUID, limit: Int = 50) async throws -> [PaymentOrder] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT \(OrderRow.columns) FROM pay_orders WHERE payer_account = \(bind: accountID)
                ORDER BY created_at DESC LIMIT \(bind: min(max(limit, 1), 200))
                """
            ).all().map(OrderRow.order)
        }
    }

    /// The orders of a case, for anyone who may read the case.
    public func orders(ofCase caseID: UUID, by actor: CaseActor) async throws -> [PaymentOrder] {
        guard try await cases.mayRead(caseID, by: actor) else { throw CaseService.notFound() }
        return try await database.read { sql in
            try await sql.raw(
                "SELECT \(OrderRow.columns) FROM pay_orders WHERE case_id = \(bind: caseID) ORDER BY created_at"
            ).all().map(OrderRow.order)
        }
    }

    /// The orders of the departments `staff` handles payments for, newest first, optionally in one state.
    public func orders(state: PaymentOrderState? = nil, limit: Int = 100, by staff: StaffActor) async throws
        -> [PaymentOrder]
    {
        try await database.read { sql in
            let finance = try await organisation.departments(reachableBy: staff, with: .paymentsFinance, sql: sql)
            let collect = try await organisation.departments(reachableBy: staff, with: .paymentsCollect, sql: sql)
            var query: SQLQueryString = "SELECT \(OrderRow.columns) FROM pay_orders WHERE 1 = 1"
            if let state { query += " AND state = \(bind: state.rawValue)" }
            // nil is every department; staff with neither permission reach none.
            if let finance, let collect {
                let reach = Array(finance.union(collect))
                guard !reach.isEmpty else { return [] }
                query += " AND department_id IN (\(binds: reach))"
            }
            query += " ORDER BY created_at DESC LIMIT \(bind: min(max(limit, 1), 500))"
            return try await sql.raw(query).all().map(OrderRow.order)
        }
    }

    /// The notifications received lately, accepted or refused, for finance staff.
    public func notifications(limit: Int = 100, by staff: StaffActor) async throws -> [PaymentNotificationRecord] {
        try await organisation.authorize(staff, .paymentsFinance)
        return try await database.read { sql in
            try await sql.raw(
                "SELECT * FROM pay_notifications ORDER BY received_at DESC LIMIT \(bind: min(max(limit, 1), 500))"
            ).all().map(PaymentNotificationRecord.init(row:))
        }
    }

    func may(_ reader: PaymentReader, read order: PaymentOrder, sql: any SQLDatabase) async throws -> Bool {
        switch reader {
        case .payer(let account): return order.payerAccount == account
        case .code(let code): return order.code == code
        case .staff(let staff):
            return try await organisation.holdsAny(
                staff, of: [.paymentsFinance, .paymentsCollect, .casesIntake, .casesHandle, .casesApprove],
                department: order.departmentID, sql: sql)
        }
    }
}
