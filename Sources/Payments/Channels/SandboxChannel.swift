import Crypto
public import Foundation
public import Kernel
public import PaymentChannels
import SQLKit
public import Storage

/// The demo channel: a provider played by the platform itself, so a demo (and the browser journey)
/// can pay without a bank. Its QR opens the platform's own payer page; paying there produces a
/// notification signed with HMAC-SHA256 that goes through exactly the path real notifications take.
///
/// Never enable it in production: anyone who opens the page can "pay".
public struct SandboxChannel: PaymentChannel {
    /// The channel id.
    public let id = PaymentChannelID.sandbox
    private let database: any Database
    private let clock: any Clock
    private let secretBytes: Data
    private var secret: SymmetricKey { SymmetricKey(data: secretBytes) }
    private let payerPageBase: @Sendable () -> URL

    /// A sandbox keeping its trades in `database`; `payerPageBase` is where its QR codes point, read
    /// when a trade opens (a development server learns its port only once it listens).
    public init(database: any Database, clock: any Clock, secret: Data, payerPageBase: @escaping @Sendable () -> URL) {
        self.database = database
        self.clock = clock
        self.secretBytes = secret
        self.payerPageBase = payerPageBase
    }

    /// Opens a trade, or returns the open one with the same number.
    public func prepay(_ request: PrepayRequest) async throws(PaymentChannelError) -> PrepayResult {
        let now = clock.now()
        do {
            try await database.transaction { tx in
                let existing = try await tx.sql.raw(
                    "SELECT state FROM pay_sandbox_trades WHERE out_trade_no = \(bind: request.outTradeNo)"
                ).first()
                if let state = try existing?.decode(column: "state", as: String.self) {
                    guard state == "open" else { throw PaymentChannelError.alreadyExists }
                    return
                }
                try await tx.sql.raw(
                    """
                    INSERT INTO pay_sandbox_trades (out_trade_no, amount_fen, description, notify_url, state, trade_no,
                        expires_at, created_at)
                    VALUES (\(bind: request.outTradeNo), \(bind: request.amount.fen), \(bind: request.description),
                        \(bind: request.notifyURL.absoluteString), 'open', \(bind: "SBX" + request.outTradeNo),
                        \(bind: request.expiresAt), \(bind: now))
                    """
                ).run()
            }
        } catch let error as PaymentChannelError {
            throw error
        } catch {
            throw .unavailable("\(error)")
        }
        return PrepayResult(qrContent: payerPageBase().appending(path: request.outTradeNo).absoluteString)
    }

    /// The trade's state.
    public func query(outTradeNo: String) async throws(PaymentChannelError) -> ChannelTradeStatus {
        guard let row = try await trade(outTradeNo) else {
            return ChannelTradeStatus(outTradeNo: outTradeNo, state: .unknown)
        }
        return row
    }

    /// Closes an unpaid trade.
    public func close(outTradeNo: String) async throws(PaymentChannelError) {
        try await run(
            "UPDATE pay_sandbox_trades SET state = 'closed' WHERE out_trade_no = \(bind: outTradeNo) AND state = 'open'"
        )
    }

    /// Refunds always succeed in the sandbox; a repeated refund number is the same refund.
    public func refund(_ request: ChannelRefundRequest) async throws(PaymentChannelError) -> ChannelRefundResult {
        let now = clock.now()
        do {
            try await database.transaction { tx in
                let inserted = try await tx.sql.raw(
                    """
                    INSERT INTO pay_sandbox_refunds (refund_no, out_trade_no, amount_fen, created_at)
                    VALUES (\(bind: request.refundNo), \(bind: request.outTradeNo), \(bind: request.amount.fen), \(bind: now))
                    ON CONFLICT (refund_no) DO NOTHING RETURNING refund_no
                    """
                ).first()
                if inserted != nil {
                    try await tx.sql.raw(
                        """
                        UPDATE pay_sandbox_trades SET refunded_fen = refunded_fen + \(bind: request.amount.fen)
                        WHERE out_trade_no = \(bind: request.outTradeNo)
                        """
                    ).run()
                }
            }
        } catch { throw .unavailable("\(error)") }
        return ChannelRefundResult(
            refundNo: request.refundNo, channelRefundNo: "SBXR" + request.refundNo, state: .succeeded)
    }

    /// Reads a notification after checking its HMAC and its age (five minutes).
    public func notice(from notification: ChannelNotification) throws(PaymentChannelError) -> ChannelPaymentNotice {
        guard notification.body.count <= 16 * 1024 else { throw .malformed("通知过长") }
        guard let signature = notification.headers["x-sandbox-signature"],
            let expected = Optional(
                Array(HMAC<SHA256>.authenticationCode(for: notification.body, using: secret)).hexString),
            signature.utf8.count == expected.utf8.count,
            zip(signature.utf8, expected.utf8).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0
        else { throw .badSignature }
        guard let body = try? JSONDecoder().decode(SandboxNotice.self, from: notification.body) else {
            throw .malformed("通知不是约定的 JSON")
        }
        guard abs(body.timestamp - clock.now().timeIntervalSince1970) <= 300 else { throw .malformed("通知已过期（重放）") }
        return ChannelPaymentNotice(
            outTradeNo: body.outTradeNo, channelTradeNo: body.tradeNo, state: .paid, amount: Money(fen: body.amountFen),
            paidAt: Date(timeIntervalSince1970: body.timestamp), notificationID: body.nonce)
    }

    /// The sandbox answers like a plain webhook.
    public func acknowledgement(accepted: Bool) -> ChannelAcknowledgement {
        accepted
            ? ChannelAcknowledgement(status: 200, contentType: "text/plain", body: "OK")
            : ChannelAcknowledgement(status: 400, contentType: "text/plain", body: "FAIL")
    }

    /// The day's statement in the sandbox's CSV: `交易时间,商户订单号,渠道交易号,类型,金额（元）,退款单号`.
    public func statement(of day: CalendarDay) async throws(PaymentChannelError) -> Data {
        do {
            return try await database.read { sql in
                var csv = "交易时间,商户订单号,渠道交易号,类型,金额（元）,退款单号\n"
                let from = day.startDate
                let to = day.adding(days: 1).startDate
                for row in try await sql.raw(
                    """
                    SELECT out_trade_no, trade_no, amount_fen, paid_at FROM pay_sandbox_trades
                    WHERE paid_at >= \(bind: from) AND paid_at < \(bind: to) ORDER BY paid_at
                    """
                ).all() {
                    let at = try row.decode(column: "paid_at", as: Date.self)
                    csv += "\(ShanghaiTime.text(at)),\(try row.decode(column: "out_trade_no", as: String.self)),"
                    csv += "\(try row.decode(column: "trade_no", as: String.self)),支付,"
                    csv += "\(Money(fen: try row.decode(column: "amount_fen", as: Int64.self)).decimalText),\n"
                }
                for row in try await sql.raw(
                    """
                    SELECT r.refund_no, r.out_trade_no, r.amount_fen, r.created_at, t.trade_no FROM pay_sandbox_refunds r
                    JOIN pay_sandbox_trades t ON t.out_trade_no = r.out_trade_no
                    WHERE r.created_at >= \(bind: from) AND r.created_at < \(bind: to) ORDER BY r.created_at
                    """
                ).all() {
                    csv += "\(ShanghaiTime.text(try row.decode(column: "created_at", as: Date.self))),"
                    csv += "\(try row.decode(column: "out_trade_no", as: String.self)),"
                    csv += "\(try row.decode(column: "trade_no", as: String.self)),退款,"
                    csv += "\(Money(fen: try row.decode(column: "amount_fen", as: Int64.self)).decimalText),"
                    csv += "\(try row.decode(column: "refund_no", as: String.self))\n"
                }
                return Data(csv.utf8)
            }
        } catch { throw .unavailable("\(error)") }
    }

    /// Reads the sandbox's CSV statement.
    public func statementLines(_ file: Data) throws(PaymentChannelError) -> [StatementLine] {
        guard file.count <= 8 * 1024 * 1024 else { throw .malformed("对账单超过 8 MiB") }
        let text = String(decoding: file, as: UTF8.self)
        var lines: [StatementLine] = []
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() where index > 0 {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 6, let amount = try? Money(parsing: fields[4]),
                fields[3] == "支付" || fields[3] == "退款", !fields[1].isEmpty
            else { throw .malformed("第 \(index + 1) 行格式不对") }
            let refund = fields[3] == "退款"
            lines.append(
                StatementLine(
                    outTradeNo: fields[1], channelTradeNo: fields[2], kind: refund ? .refund : .payment, amount: amount,
                    refundNo: refund ? fields[5] : nil))
        }
        return lines
    }

    /// Plays the payer: pays the open trade and returns the notification the sandbox "sends".
    public func pay(outTradeNo: String) async throws -> ChannelNotification {
        let now = clock.now()
        let notice = try await database.transaction { tx -> SandboxNotice in
            guard
                let row = try await tx.sql.raw(
                    "SELECT * FROM pay_sandbox_trades WHERE out_trade_no = \(bind: outTradeNo)"
                ).first()
            else {
                throw DomainError(.notFound, code: "payments.sandbox-not-found", title: "交易不存在", detail: "演示支付中没有这笔交易。")
            }
            let state = try row.decode(column: "state", as: String.self)
            let tradeNo = try row.decode(column: "trade_no", as: String.self)
            let amount = try row.decode(column: "amount_fen", as: Int64.self)
            if state == "open" {
                guard now < (try row.decode(column: "expires_at", as: Date.self)) else {
                    throw DomainError(
                        .conflict, code: "payments.sandbox-expired", title: "交易已过期", detail: "这笔交易已超过支付期限。")
                }
                try await tx.sql.raw(
                    "UPDATE pay_sandbox_trades SET state = 'paid', paid_at = \(bind: now) WHERE out_trade_no = \(bind: outTradeNo)"
                ).run()
            } else if state != "paid" {
                throw DomainError(.conflict, code: "payments.sandbox-closed", title: "交易已关闭", detail: "这笔交易已关闭，不能支付。")
            }
            return SandboxNotice(
                outTradeNo: outTradeNo, tradeNo: tradeNo, amountFen: amount,
                timestamp: now.timeIntervalSince1970.rounded(),
                nonce: UUID().uuidString)
        }
        let body = try JSONEncoder().encode(notice)
        return ChannelNotification(
            headers: [
                "X-Sandbox-Signature": Array(HMAC<SHA256>.authenticationCode(for: body, using: secret)).hexString
            ],
            body: body)
    }

    /// What the payer page shows of a trade.
    public func trade(_ outTradeNo: String) async throws(PaymentChannelError) -> ChannelTradeStatus? {
        do {
            return try await database.read { sql in
                guard
                    let row = try await sql.raw(
                        "SELECT * FROM pay_sandbox_trades WHERE out_trade_no = \(bind: outTradeNo)"
                    )
                    .first()
                else { return nil }
                let state: ChannelTradeStatus.State =
                    switch try row.decode(column: "state", as: String.self) {
                    case "paid": .paid
                    case "closed": .closed
                    default: .notPaid
                    }
                return ChannelTradeStatus(
                    outTradeNo: outTradeNo, state: state,
                    channelTradeNo: state == .paid ? try row.decode(column: "trade_no", as: String.self) : nil,
                    amount: Money(fen: try row.decode(column: "amount_fen", as: Int64.self)),
                    paidAt: try row.decode(column: "paid_at", as: Date?.self))
            }
        } catch { throw .unavailable("\(error)") }
    }

    private func run(_ query: SQLQueryString) async throws(PaymentChannelError) {
        do { try await database.transaction { tx in try await tx.sql.raw(query).run() } } catch {
            throw .unavailable("\(error)")
        }
    }
}

/// The body of a sandbox notification.
struct SandboxNotice: Codable {
    var outTradeNo: String
    var tradeNo: String
    var amountFen: Int64
    var timestamp: Double
    var nonce: String
}
