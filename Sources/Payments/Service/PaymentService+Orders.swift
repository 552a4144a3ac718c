import Cases
import CasesModel
import CatalogModel
public import Foundation
import Guomi
public import Identity
import Kernel
import SQLKit
import Storage

/// A request to issue a payment order for a case.
public struct CreatePaymentOrder: Codable, Sendable, Hashable {
    /// The case.
    public var caseID: UUID
    /// Reductions of some of the item's fees.
    public var reductions: [FeeReduction]

    /// Creates a request.
    public init(caseID: UUID, reductions: [FeeReduction] = []) {
        self.caseID = caseID
        self.reductions = reductions
    }
}

extension PaymentService {
    /// Issues the order for a case's fees, computed from the item's fee standards less `reductions`.
    ///
    /// `idempotencyKey` makes a retry safe: the same key with the same request returns the order
    /// first issued; with a different request it is refused (409), so one key never names two orders.
    public func createOrder(
        _ request: CreatePaymentOrder, idempotencyKey: String, by staff: StaffActor
    ) async throws -> PaymentOrder {
        try await issueOrder(request, idempotencyKey: idempotencyKey, by: staff).order
    }

    /// As `createOrder`, telling whether the order was issued now or returned to a retry (`replayed`),
    /// so the API can answer 201 or 200.
    public func issueOrder(
        _ request: CreatePaymentOrder, idempotencyKey: String, by staff: StaffActor
    ) async throws -> (order: PaymentOrder, replayed: Bool) {
        let key = try Self.checkedIdempotencyKey(idempotencyKey)
        let digest = Self.digest(of: request)
        return try await database.transaction { tx in
            if let earlier = try await replay(key: key, digest: digest, creator: staff.staffID.uuidString, sql: tx.sql)
            {
                return (earlier, true)
            }
            let source = try await cases.paymentSource(request.caseID, in: tx)
            try await organisation.authorize(
                staff, .paymentsCollect, department: source.record.departmentID, sql: tx.sql)
            let order = try await insertOrder(
                for: source, reductions: request.reductions, creator: staff.staffID.uuidString,
                idempotency: (key, digest), tx: tx)
            try await audit.append(
                staff.auditActor.entry(
                    action: "payments.order-created", objectType: "payment-order", objectID: order.id.uuidString,
                    changeDigest: "\(order.code)/\(order.amount.fen)"), in: tx)
            return (order, false)
        }
    }

    /// The order a case's payment step asks for, issued by the platform with no reductions. Nothing
    /// happens when the case already has an order owed or paid (the event was delivered again).
    func createOrderForPaymentStep(caseID: UUID, round: String, tx: Transaction) async throws {
        let live = try await tx.sql.raw(
            """
            SELECT id FROM pay_orders
            WHERE case_id = \(bind: caseID) AND state IN ('created', 'pending', 'paid', 'partially-refunded')
            """
        ).first()
        guard live == nil else { return }
        let source = try await cases.paymentSource(caseID, in: tx)
        let order = try await insertOrder(
            for: source, reductions: [], creator: "system", idempotency: ("case-step:\(caseID):\(round)", ""), tx: tx)
        try await audit.append(
            Actor.system.entry(
                action: "payments.order-created", objectType: "payment-order", objectID: order.id.uuidString,
                changeDigest: "\(order.code)/\(order.amount.fen)"), in: tx)
    }

    private func insertOrder(
        for source: CasePaymentSource, reductions: [FeeReduction], creator: String,
        idempotency: (key: String, digest: String), tx: Transaction
    ) async throws -> PaymentOrder {
        let record = source.record
        guard !record.state.isFinal else {
            throw Self.conflict("case-final", "办件已\(record.state.label)，不能再开具缴款单。")
        }
        let guide = try await catalog.guide(itemID: record.itemID, version: record.itemVersion)
        let lines = try FeeCalculator.lines(fees: guide.fees, reductions: reductions)
        let amount = try Money.sum(lines.map(\.amount))
        guard amount.fen > 0 else {
            throw Self.invalid("nothing-owed", "无需缴费", "该事项的收费项目经减免后应缴金额为零，无需开具缴款单。")
        }
        let live = try await tx.sql.raw(
            """
            SELECT code FROM pay_orders
            WHERE case_id = \(bind: record.id) AND state IN ('created', 'pending', 'paid', 'partially-refunded')
            """
        ).first()
        if let code = try live?.decode(column: "code", as: String.self) {
            throw Self.conflict("case-has-order", "该办件已有缴款单（缴款码 \(code)），请先取消后再重新开具。")
        }
        let departmentName =
            try await organisation.publicDepartments().first { $0.id == record.departmentID }?.name ?? record.itemName
        let now = clock.now()
        let id = UUID()
        let code = codes.next(divisionCode: record.divisionCode, at: now)
        let expiresAt = now.addingTimeInterval(settings.orderLifetime)
        let linesJSON = String(decoding: try JSONEncoder().encode(lines), as: UTF8.self)
        try await tx.sql.raw(
            """
            INSERT INTO pay_orders (id, code, case_id, case_number, item_code, item_name, department_id, department_name,
                payer_account, payer_name_masked, lines, amount_fen, state, expires_at, created_by, idempotency_key,
                request_digest, created_at, updated_at, revision)
            VALUES (\(bind: id), \(bind: code), \(bind: record.id), \(bind: record.number), \(bind: record.itemCode),
                \(bind: record.itemName), \(bind: record.departmentID), \(bind: departmentName),
                \(bind: record.applicantAccount), \(bind: record.applicantNameMasked), \(bind: linesJSON),
                \(bind: amount.fen), 'created', \(bind: expiresAt), \(bind: creator), \(bind: idempotency.key),
                \(bind: idempotency.digest), \(bind: now), \(bind: now), 1)
            """
        ).run()
        try await jobs.enqueue(kind: JobKind.expire, payload: OrderJob(orderID: id), runAt: expiresAt, in: tx)
        guard let order = try await OrderRow.load(id, sql: tx.sql) else { throw Self.notFound() }
        return order
    }

    /// The order first issued under `key` by `creator`, if its request matches; 409 if it does not.
    private func replay(key: String, digest: String, creator: String, sql: any SQLDatabase) async throws
        -> PaymentOrder?
    {
        guard
            let row = try await sql.raw(
                """
                SELECT id, request_digest FROM pay_orders
                WHERE created_by = \(bind: creator) AND idempotency_key = \(bind: key)
                """
            ).first()
        else { return nil }
        guard try row.decode(column: "request_digest", as: String?.self) == digest else {
            throw DomainError(
                .conflict, code: "payments.idempotency-key-reused", title: "幂等键已用于其他请求",
                detail: "这个 Idempotency-Key 已用于内容不同的开单请求；重试请使用原请求内容，新请求请换一个键。")
        }
        return try await OrderRow.load(try row.decode(column: "id", as: UUID.self), sql: sql)
    }

    static func checkedIdempotencyKey(_ key: String) throws -> String {
        let trimmed = key.trimmingCharacters(in: .whitespaces)
        guard (1...128).contains(trimmed.utf8.count),
            trimmed.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value < 127 })
        else {
            throw invalid(
                "idempotency-key-required", "缺少幂等键", "开具缴款单须带 Idempotency-Key 请求头：1到128个可见 ASCII 字符，如一个 UUID。")
        }
        return trimmed
    }

    /// A stable digest of the request: sorted-key JSON hashed with SM3.
    static func digest(of request: CreatePaymentOrder) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(request)) ?? Data()
        return SM3.hash(data).hexString
    }
}

/// The payload of the jobs that act on one order.
struct OrderJob: Codable, Sendable {
    var orderID: UUID
}
