import Foundation
import Kernel

/// One trade as the simulated Alipay keeps it.
struct AlipaySimulatedTrade: Sendable {
    /// Alipay's trade states, plus the stage before the payer scans, when Alipay has no trade yet.
    enum Status: String, Sendable {
        /// Precreated; the QR exists, the trade does not (query and close answer ACQ.TRADE_NOT_EXIST).
        case precreated
        /// Scanned, waiting for the payer to confirm.
        case waitBuyerPay = "WAIT_BUYER_PAY"
        /// Paid.
        case success = "TRADE_SUCCESS"
        /// Closed unpaid, or refunded in full.
        case closed = "TRADE_CLOSED"
    }

    /// One refund, keyed by its `out_request_no`.
    struct Refund: Sendable {
        /// The amount.
        var amount: Money
        /// When Alipay recorded it.
        var at: Date
        /// Whether the money has moved (false while the simulator holds refunds back).
        var settled: Bool
    }

    /// Our trade number.
    var outTradeNo: String
    /// Alipay's trade number.
    var tradeNo: String
    /// The amount.
    var amount: Money
    /// The subject.
    var subject: String
    /// When the trade was precreated.
    var createdAt: Date
    /// After this instant the QR can no longer be paid.
    var expiresAt: Date?
    /// Where notifications go.
    var notifyURL: String?
    /// The QR text.
    var qrCode: String
    /// The state.
    var status: Status = .precreated
    /// A close asked before the payer scanned: Alipay answered ACQ.TRADE_NOT_EXIST but bars the QR.
    var barred = false
    /// When it was paid.
    var paidAt: Date?
    /// Refunds by `out_request_no`, in the order they came.
    var refunds: [(requestNo: String, refund: Refund)] = []

    /// The total refunded so far.
    var refunded: Money { Money(fen: refunds.reduce(0) { $0 + $1.refund.amount.fen }) }
}
