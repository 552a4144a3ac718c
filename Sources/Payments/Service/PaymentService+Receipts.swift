public import Foundation
import Kernel
import SQLKit
import Signing
import Storage

extension PaymentService {
    /// Issues the e-receipt of a paid order inside the paying transaction, so no paid order lacks one.
    ///
    /// 票据代码 is the payee division's first four digits, the year and 01 (非税收入缴款书); 票据号码
    /// runs on per code. The code is `ZTR1:` + Base45(zlib(COSE_Sign1)) signed by the receipt issuer's key.
    func issueReceipt(for order: PaymentOrder, trade: PaymentTrade, at now: Date, tx: Transaction) async throws {
        let year = CalendarDay(now).year % 100
        let division = order.code.prefix(4)
        let receiptCode = "\(division)\(year < 10 ? "0" : "")\(year)01"
        let row = try await tx.sql.raw(
            """
            INSERT INTO pay_receipt_sequences (receipt_code, last_number) VALUES (\(bind: receiptCode), 1)
            ON CONFLICT (receipt_code) DO UPDATE SET last_number = pay_receipt_sequences.last_number + 1
            RETURNING last_number
            """
        ).first()
        let sequence = try row?.decode(column: "last_number", as: Int64.self) ?? 1
        let number = String(sequence)
        let receiptNumber = String(repeating: "0", count: max(0, 10 - number.count)) + number
        let claims = ReceiptClaims(
            issuer: settings.receiptIssuer, issuedAt: now, receiptCode: receiptCode, receiptNumber: receiptNumber,
            paymentCode: order.code, payerNameMasked: order.payerNameMasked, payee: order.departmentName,
            itemName: order.itemName, amount: trade.amount, lines: order.lines.map { ($0.name, $0.amount) },
            channel: trade.channel.rawValue)
        let key = try await keys.liveKey(issuer: settings.receiptIssuer, algorithm: settings.receiptAlgorithm, in: tx)
        let signed = try SignedCode(prefix: ReceiptVerifier.prefix).encode(claims.encoded(), signedBy: key)
        try await tx.sql.raw(
            """
            INSERT INTO pay_receipts (id, order_id, receipt_code, receipt_number, signed_code, issued_at)
            VALUES (\(bind: UUID()), \(bind: order.id), \(bind: receiptCode), \(bind: receiptNumber), \(bind: signed),
                \(bind: now))
            """
        ).run()
    }

    /// The receipt of an order, for whoever may read the order.
    public func receipt(_ orderID: UUID, by reader: PaymentReader) async throws -> PaymentReceipt {
        _ = try await order(orderID, by: reader)
        let row = try await database.read { sql in
            try await sql.raw("SELECT * FROM pay_receipts WHERE order_id = \(bind: orderID)").first()
        }
        guard let row else {
            throw DomainError(.notFound, code: "payments.receipt-not-found", title: "票据不存在", detail: "该缴款单尚未缴费，没有电子票据。")
        }
        let signed = try row.decode(column: "signed_code", as: String.self)
        return PaymentReceipt(
            orderID: orderID, receiptCode: try row.decode(column: "receipt_code", as: String.self),
            receiptNumber: try row.decode(column: "receipt_number", as: String.self), signedCode: signed,
            issuedAt: try row.decode(column: "issued_at", as: Date.self),
            claims: try await receiptVerifier().verify(signed).claims)
    }

    /// An offline verifier over the receipt keys published now.
    public func receiptVerifier() async throws -> ReceiptVerifier {
        ReceiptVerifier(keys: try await keys.publishedKeys(), issuer: settings.receiptIssuer)
    }

    /// Checks a receipt QR text with the published keys, then against the platform's records.
    public func verifyReceipt(_ text: String) async throws -> ReceiptVerification {
        var result = try await receiptVerifier().verify(text)
        guard result.verdict == .valid, let claims = result.claims else { return result }
        let row = try await database.read { sql in
            try await sql.raw(
                """
                SELECT signed_code FROM pay_receipts
                WHERE receipt_code = \(bind: claims.receiptCode) AND receipt_number = \(bind: claims.receiptNumber)
                """
            ).first()
        }
        result.checkedOnRecord = true
        if row == nil {
            result.verdict = .unknownReceipt
            result.reason = "签名有效，但平台上没有这张票据的开具记录，请勿采信。"
        }
        return result
    }
}
