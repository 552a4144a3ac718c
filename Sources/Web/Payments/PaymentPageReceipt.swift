import Foundation
import Kernel
import PaymentChannels
import Payments

/// The view model of the e-receipt (电子票据): its numbers, the payer and payee, the fees and the QR
/// of its signed code, laid out to print on one A4 page.
struct PaymentPageReceipt {
    /// One fee on the receipt.
    struct Line {
        var name: String
        var amount: String
    }

    var layout: Layout
    var receiptCode: String
    var receiptNumber: String
    var paymentCode: String
    var payer: String
    var payee: String
    var itemName: String
    var lines: [Line]
    var amount: String
    var channel: String
    var issuedAt: String
    var paidAt: String
    var refunded: String?
    var signedCode: String
    var qr: String?
    var backHref: String

    /// The receipt of `order`; what it shows comes from the signed claims where they could be read.
    init(layout: Layout, receipt: PaymentReceipt, order: PaymentOrder, backHref: String) {
        self.layout = layout
        let claims = receipt.claims
        receiptCode = receipt.receiptCode
        receiptNumber = receipt.receiptNumber
        paymentCode = PaymentPageFormat.grouped(claims?.paymentCode ?? order.code)
        payer = claims?.payerNameMasked ?? order.payerNameMasked
        payee = claims?.payee ?? order.departmentName
        itemName = claims?.itemName ?? order.itemName
        lines =
            claims?.lines.map { Line(name: $0.name, amount: $0.amount.formatted(.yuan)) }
            ?? order.lines.map { Line(name: $0.name, amount: $0.amount.formatted(.yuan)) }
        amount = (claims?.amount ?? order.paid).formatted(.yuan)
        channel = claims.map { PaymentPageFormat.channelLabel($0.channel) } ?? order.channel?.label ?? ""
        issuedAt = CasePageFormat.time(receipt.issuedAt)
        paidAt = CasePageFormat.time(order.paidAt ?? receipt.issuedAt)
        refunded = order.refunded.fen > 0 ? "已退款 \(order.refunded.formatted(.yuan))（\(order.state.label)）" : nil
        signedCode = receipt.signedCode
        qr = try? QRCode(text: receipt.signedCode, level: .medium).svg(
            label: "电子票据验证二维码，票据号码\(receipt.receiptNumber)，金额\(amount)，可在票据核验页面扫描核验")
        self.backHref = backHref
    }
}
