import Foundation
import Kernel
import Payments

/// The 缴费 section of a case page: each order of the case with its amount and state, a link to
/// pay while the applicant still can, and a link to the order's own page.
struct PaymentPageCaseSection {
    /// One order of the case.
    struct Row {
        var code: String
        var amount: String
        var state: String
        var paid: String?
        var refunded: String?
        var payHref: String?
        var href: String
    }

    var rows: [Row]
    /// Whether the applicant reads it (a column of pay links).
    var forApplicant: Bool

    /// The section of `orders`, for the applicant (`applicant` true: pay links, their own order pages)
    /// or for staff; nil when the case has no order, so the page shows no empty section.
    init?(orders: [PaymentOrder], applicant: Bool) {
        guard !orders.isEmpty else { return nil }
        forApplicant = applicant
        rows = orders.map { order in
            Row(
                code: PaymentPageFormat.grouped(order.code), amount: order.amount.formatted(.yuan),
                state: order.state.label, paid: order.state.wasPaid ? order.paid.formatted(.yuan) : nil,
                refunded: order.refunded.fen > 0 ? order.refunded.formatted(.yuan) : nil,
                payHref: applicant && order.state.isPayable ? "/pay/\(order.code)" : nil,
                href: applicant ? "/me/payments/\(order.id.uuidString)" : "/staff/payments/\(order.id.uuidString)")
        }
    }
}
