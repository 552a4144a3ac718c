import Foundation
import Kernel
import PaymentChannels
import Payments

extension PaymentAPIModels {
    /// One attempt to pay through a channel; the QR content stays out, as it is only for the checkout.
    struct Trade: Codable {
        var id: UUID
        var channel: String
        var channelLabel: String
        var outTradeNo: String
        var amountFen: Int64
        var state: String
        var channelTradeNo: String?
        var paidAt: Date?

        init(_ trade: PaymentTrade) {
            id = trade.id
            channel = trade.channel.rawValue
            channelLabel = trade.channel.label
            outTradeNo = trade.outTradeNo
            amountFen = trade.amount.fen
            state = trade.state.rawValue
            channelTradeNo = trade.channelTradeNo
            paidAt = trade.paidAt
        }
    }

    /// Money given back on an order.
    struct Refund: Codable {
        var id: UUID
        var refundNo: String
        var orderId: UUID
        var channel: String
        var channelLabel: String
        var amountFen: Int64
        var reason: String
        var automatic: Bool
        var state: String
        var stateLabel: String
        /// Who asked: shown to staff only; the payer needs no staff ids.
        var requestedBy: String?
        var createdAt: Date
        var completedAt: Date?

        init(_ refund: PaymentRefund, forStaff: Bool) {
            id = refund.id
            refundNo = refund.refundNo
            orderId = refund.orderID
            channel = refund.channel.rawValue
            channelLabel = refund.channel.label
            amountFen = refund.amount.fen
            reason = refund.reason
            automatic = refund.automatic
            state = refund.state.rawValue
            stateLabel = refund.state.label
            requestedBy = forStaff ? refund.requestedBy : nil
            createdAt = refund.createdAt
            completedAt = refund.completedAt
        }
    }

    /// One fee and what was paid for it, as the receipt asserts.
    struct ReceiptLine: Codable {
        var name: String
        var amountFen: Int64
    }

    /// What an e-receipt's signed code asserts.
    struct ReceiptClaims: Codable {
        var issuer: String
        var issuedAt: Date
        var receiptCode: String
        var receiptNumber: String
        var paymentCode: String
        var payerNameMasked: String
        var payee: String
        var itemName: String
        var amountFen: Int64
        var lines: [ReceiptLine]
        var channel: String

        init(_ claims: Payments.ReceiptClaims) {
            issuer = claims.issuer
            issuedAt = claims.issuedAt
            receiptCode = claims.receiptCode
            receiptNumber = claims.receiptNumber
            paymentCode = claims.paymentCode
            payerNameMasked = claims.payerNameMasked
            payee = claims.payee
            itemName = claims.itemName
            amountFen = claims.amount.fen
            lines = claims.lines.map { ReceiptLine(name: $0.name, amountFen: $0.amount.fen) }
            channel = claims.channel
        }
    }

    /// An e-receipt (电子票据): its numbers, its signed code and what the code asserts.
    struct Receipt: Codable {
        var receiptCode: String
        var receiptNumber: String
        var signedCode: String
        var issuedAt: Date
        var claims: ReceiptClaims?

        init(_ receipt: PaymentReceipt) {
            receiptCode = receipt.receiptCode
            receiptNumber = receipt.receiptNumber
            signedCode = receipt.signedCode
            issuedAt = receipt.issuedAt
            claims = receipt.claims.map(ReceiptClaims.init)
        }
    }

    /// An order with its trades, refunds and receipt.
    struct Detail: Codable {
        var order: Order
        var trades: [Trade]
        var refunds: [Refund]
        var receipt: Receipt?

        init(_ detail: PaymentOrderDetail, forStaff: Bool) {
            order = Order(detail.order)
            trades = detail.trades.map(Trade.init)
            refunds = detail.refunds.map { Refund($0, forStaff: forStaff) }
            receipt = detail.receipt.map(Receipt.init)
        }
    }

    /// What a payer gets on choosing a channel: the order, the QR to scan (text and SVG) and the trade.
    struct Checkout: Codable {
        var order: PublicOrder
        var channel: String
        var channelLabel: String
        var qrContent: String
        var qrSvg: String
        var tradeId: UUID
        var outTradeNo: String
    }

    /// The answer of a receipt check.
    struct Verification: Codable {
        var verdict: String
        var valid: Bool
        var reason: String
        var claims: ReceiptClaims?
        var checkedOnRecord: Bool

        init(_ verification: ReceiptVerification) {
            verdict = verification.verdict.rawValue
            valid = verification.verdict == .valid
            reason = verification.reason
            claims = verification.claims.map(ReceiptClaims.init)
            checkedOnRecord = verification.checkedOnRecord
        }
    }
}
