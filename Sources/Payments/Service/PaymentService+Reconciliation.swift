import Crypto
public import Foundation
public import Identity
public import Kernel
public import PaymentChannels
import SQLKit
import Storage

extension PaymentService {
    /// The channels a payer can scan, in the registry's order.
    public var scanChannels: [PaymentChannelID] { channels.scanChannels }

    /// Imports a channel's statement of `day` (the file given, or downloaded from the channel) and
    /// reconciles it against our trades and refunds of that day; every difference is kept for finance
    /// staff. A day is imported once per channel.
    public func importStatement(
        channel channelID: PaymentChannelID, day: CalendarDay, file: Data?, by staff: StaffActor
    ) async throws -> StatementImport {
        try await organisation.authorize(staff, .paymentsFinance)
        return try await importStatement(channel: channelID, day: day, file: file, actor: staff.auditActor)
    }

    /// The statements imported lately, newest first, with their mismatches.
    public func statements(channel: PaymentChannelID? = nil, limit: Int = 30, by staff: StaffActor) async throws
        -> [StatementImport]
    {
        try await organisation.authorize(staff, .paymentsFinance)
        return try await database.read { sql in
            var query: SQLQueryString = "SELECT * FROM pay_statements"
            if let channel { query += " WHERE channel = \(bind: channel.rawValue)" }
            query += " ORDER BY day DESC, imported_at DESC LIMIT \(bind: min(max(limit, 1), 200))"
            var result: [StatementImport] = []
            for row in try await sql.raw(query).all() {
                result.append(try await Self.statement(row, sql: sql))
            }
            return result
        }
    }

    /// Resolves a mismatch with the reason finance staff record (an adjustment made, a late refund…).
    public func resolveMismatch(_ id: UUID, reason: String, by staff: StaffActor) async throws
        -> ReconciliationMismatch
    {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...500).contains(reason.count) else {
            throw Self.invalid("resolution-reason", "请填写处理说明", "处理说明须为2到500个字。")
        }
        try await organisation.authorize(staff, .paymentsFinance)
        let now = clock.now()
        return try await database.transaction { tx in
            let updated = try await tx.sql.raw(
                """
                UPDATE pay_mismatches SET state = 'resolved', resolution = \(bind: reason),
                    resolved_by = \(bind: staff.auditActor.id), resolved_at = \(bind: now)
                WHERE id = \(bind: id) AND state = 'open' RETURNING id
                """
            ).first()
            guard updated != nil else {
                throw DomainError(
                    .conflict, code: "payments.mismatch-resolved", title: "差错已处理或不存在", detail: "这条对账差错不存在或已经处理过。")
            }
            try await audit.append(
                staff.auditActor.entry(
                    action: "payments.mismatch-resolved", objectType: "payment-mismatch", objectID: id.uuidString,
                    changeDigest: String(reason.prefix(100))), in: tx)
            guard let row = try await tx.sql.raw("SELECT * FROM pay_mismatches WHERE id = \(bind: id)").first() else {
                throw Self.notFound()
            }
            return try Self.mismatch(row)
        }
    }

    func importStatement(channel channelID: PaymentChannelID, day: CalendarDay, file: Data?, actor: Actor) async throws
        -> StatementImport
    {
        guard let channel = channels.channel(channelID) else {
            throw Self.invalid("unknown-channel", "不支持的缴费渠道", "没有名为 \(channelID.rawValue) 的缴费渠道。")
        }
        guard day < CalendarDay.today(clock) else {
            throw Self.invalid("statement-day", "对账日期有误", "只能导入今天以前的对账单：渠道在次日才出具前一天的账单。")
        }
        let content: Data
        let lines: [StatementLine]
        switch await Self.read(channel, day: day, file: file) {
        case .success(let read): (content, lines) = read
        case .failure(let error): throw error.domainError
        }
        let ours = try await database.read { sql in try await self.ourRecords(channel: channelID, day: day, sql: sql) }
        let found = Reconciler.compare(statement: lines, ours: ours)
        let now = clock.now()
        let statementID = UUID()
        let payments = try Money.sum(lines.filter { $0.kind == .payment }.map(\.amount))
        let refunds = try Money.sum(lines.filter { $0.kind == .refund }.map(\.amount))
        try await database.transaction { tx in
            let existing = try await tx.sql.raw(
                "SELECT id FROM pay_statements WHERE channel = \(bind: channelID.rawValue) AND day = \(bind: day.description)"
            ).first()
            guard existing == nil else {
                throw DomainError(
                    .conflict, code: "payments.statement-imported", title: "对账单已导入",
                    detail: "\(channelID.label) \(day.description) 的对账单已经导入过，差错请在对账报告中处理。")
            }
            try await tx.sql.raw(
                """
                INSERT INTO pay_statements (id, channel, day, line_count, payments_fen, refunds_fen, file_digest,
                    imported_by, imported_at)
                VALUES (\(bind: statementID), \(bind: channelID.rawValue), \(bind: day.description), \(bind: lines.count),
                    \(bind: payments.fen), \(bind: refunds.fen), \(bind: Self.sha256(content)), \(bind: actor.id),
                    \(bind: now))
                """
            ).run()
            for difference in found {
                try await tx.sql.raw(
                    """
                    INSERT INTO pay_mismatches (id, statement_id, channel, day, kind, out_trade_no, ref, ours_fen,
                        theirs_fen, state)
                    VALUES (\(bind: UUID()), \(bind: statementID), \(bind: channelID.rawValue), \(bind: day.description),
                        \(bind: difference.kind.rawValue), \(bind: difference.outTradeNo), \(bind: difference.reference),
                        \(bind: difference.ours?.fen), \(bind: difference.theirs?.fen), 'open')
                    """
                ).run()
            }
            try await audit.append(
                actor.entry(
                    action: "payments.statement-imported", objectType: "payment-statement",
                    objectID: statementID.uuidString, changeDigest: "\(channelID.rawValue)/\(day)/\(found.count)"),
                in: tx)
        }
        return try await database.read { sql in
            guard let row = try await sql.raw("SELECT * FROM pay_statements WHERE id = \(bind: statementID)").first()
            else { throw Self.notFound() }
            return try await Self.statement(row, sql: sql)
        }
    }

    /// The statement file and its lines, downloaded when no file is given.
    private static func read(_ channel: any PaymentChannel, day: CalendarDay, file: Data?) async
        -> Result<(Data, [StatementLine]), PaymentChannelError>
    {
        do {
            let content = if let file { file } else { try await channel.statement(of: day) }
            return .success((content, try channel.statementLines(content)))
        } catch {
            return .failure(error)
        }
    }

    /// Our paid trades and confirmed refunds of `channel` on `day` (Asia/Shanghai).
    private func ourRecords(channel: PaymentChannelID, day: CalendarDay, sql: any SQLDatabase) async throws
        -> [StatementLine]
    {
        let from = day.startDate
        let to = day.adding(days: 1).startDate
        var records = try await sql.raw(
            """
            SELECT out_trade_no, channel_trade_no, amount_fen FROM pay_trades
            WHERE channel = \(bind: channel.rawValue) AND state = 'paid' AND paid_at >= \(bind: from) AND paid_at < \(bind: to)
            """
        ).all().map { row in
            StatementLine(
                outTradeNo: try row.decode(column: "out_trade_no", as: String.self),
                channelTradeNo: try row.decode(column: "channel_trade_no", as: String?.self) ?? "", kind: .payment,
                amount: Money(fen: try row.decode(column: "amount_fen", as: Int64.self)))
        }
        records += try await sql.raw(
            """
            SELECT r.refund_no, r.amount_fen, o.code FROM pay_refunds r JOIN pay_orders o ON o.id = r.order_id
            WHERE r.channel = \(bind: channel.rawValue) AND r.state = 'succeeded'
              AND r.completed_at >= \(bind: from) AND r.completed_at < \(bind: to)
            """
        ).all().map { row in
            StatementLine(
                outTradeNo: try row.decode(column: "code", as: String.self), channelTradeNo: "", kind: .refund,
                amount: Money(fen: try row.decode(column: "amount_fen", as: Int64.self)),
                refundNo: try row.decode(column: "refund_no", as: String.self))
        }
        return records
    }

    static func statement(_ row: any SQLRow, sql: any SQLDatabase) async throws -> StatementImport {
        let id = try row.decode(column: "id", as: UUID.self)
        let mismatches = try await sql.raw(
            "SELECT * FROM pay_mismatches WHERE statement_id = \(bind: id) ORDER BY kind, out_trade_no"
        ).all().map(mismatch)
        return StatementImport(
            id: id, channel: PaymentChannelID(rawValue: try row.decode(column: "channel", as: String.self)),
            day: try CalendarDay(parsing: try row.decode(column: "day", as: String.self)),
            lineCount: try row.decode(column: "line_count", as: Int.self),
            payments: Money(fen: try row.decode(column: "payments_fen", as: Int64.self)),
            refunds: Money(fen: try row.decode(column: "refunds_fen", as: Int64.self)),
            importedBy: try row.decode(column: "imported_by", as: String.self),
            importedAt: try row.decode(column: "imported_at", as: Date.self), mismatches: mismatches)
    }

    static func mismatch(_ row: any SQLRow) throws -> ReconciliationMismatch {
        ReconciliationMismatch(
            id: try row.decode(column: "id", as: UUID.self),
            channel: PaymentChannelID(rawValue: try row.decode(column: "channel", as: String.self)),
            day: try CalendarDay(parsing: try row.decode(column: "day", as: String.self)),
            kind: ReconciliationMismatch.Kind(rawValue: try row.decode(column: "kind", as: String.self))
                ?? .missingOurs,
            outTradeNo: try row.decode(column: "out_trade_no", as: String.self),
            reference: try row.decode(column: "ref", as: String?.self),
            ours: try row.decode(column: "ours_fen", as: Int64?.self).map(Money.init(fen:)),
            theirs: try row.decode(column: "theirs_fen", as: Int64?.self).map(Money.init(fen:)),
            resolved: try row.decode(column: "state", as: String.self) == "resolved",
            resolution: try row.decode(column: "resolution", as: String?.self),
            resolvedBy: try row.decode(column: "resolved_by", as: String?.self),
            resolvedAt: try row.decode(column: "resolved_at", as: Date?.self))
    }

    static func sha256(_ data: Data) -> String {
        Array(SHA256.hash(data: data)).hexString
    }
}
