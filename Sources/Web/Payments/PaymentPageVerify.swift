import Foundation
import Kernel
import Payments

/// The view model of 电子票据核验: the pasted text and, after a check, the verdict with its reason
/// and what the receipt asserts (the payer arrives masked in the code itself).
struct PaymentPageVerify {
    /// What a check found.
    struct Result {
        var isValid: Bool
        var verdict: String
        var reason: String
        var receiptCode: String?
        var receiptNumber: String?
        var paymentCode: String?
        var payer: String?
        var payee: String?
        var itemName: String?
        var lines: [PaymentPageReceipt.Line]
        var amount: String?
        var channel: String?
        var issuedAt: String?
        var checkedOnRecord: Bool
    }

    /// The most of the pasted text the page echoes back; a receipt code is well under 2000 characters.
    static let echoLimit = 5000

    var layout: Layout
    var code: String
    var result: Result?

    /// The empty form, or the form with `code` and the outcome of checking it.
    init(layout: Layout, code: String = "", verification: ReceiptVerification? = nil) {
        self.layout = layout
        self.code = String(code.prefix(Self.echoLimit))
        guard let verification else { return }
        let valid = verification.verdict == .valid
        // Claims of a code that did not verify are not shown: they would read as if they were true.
        let claims = valid ? verification.claims : nil
        result = Result(
            isValid: valid, verdict: verification.verdict.rawValue, reason: verification.reason,
            receiptCode: claims?.receiptCode, receiptNumber: claims?.receiptNumber,
            paymentCode: claims.map { PaymentPageFormat.grouped($0.paymentCode) }, payer: claims?.payerNameMasked,
            payee: claims?.payee, itemName: claims?.itemName,
            lines: (claims?.lines ?? []).map {
                PaymentPageReceipt.Line(name: $0.name, amount: $0.amount.formatted(.yuan))
            },
            amount: claims?.amount.formatted(.yuan), channel: claims.map { PaymentPageFormat.channelLabel($0.channel) },
            issuedAt: claims.map { CasePageFormat.time($0.issuedAt) }, checkedOnRecord: verification.checkedOnRecord)
    }
}
