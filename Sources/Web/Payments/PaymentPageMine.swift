import Foundation
import Kernel
import PaymentChannels
import Payments

/// The view models of 我的缴费: the signed-in person's orders, newest first, and one order with its
/// refunds and receipt.
struct PaymentPageMine {
    /// One order of the list.
    struct Row {
        var href: String
        var itemName: String
        var code: String
        var amount: String
        var state: String
        var createdAt: String
        var payHref: String?
    }

    var layout: Layout
    var rows: [Row]

    /// The list of `orders`.
    init(layout: Layout, orders: [PaymentOrder]) {
        self.layout = layout
        rows = orders.map { order in
            Row(
                href: "/me/payments/\(order.id.uuidString)", itemName: order.itemName,
                code: PaymentPageFormat.grouped(order.code), amount: order.amount.formatted(.yuan),
                state: order.state.label, createdAt: CasePageFormat.time(order.createdAt),
                payHref: order.state.isPayable ? "/pay/\(order.code)" : nil)
        }
    }
}

/// The payer's page of one order: the order, its refunds, where to pay and the receipt.
struct PaymentPageMineOrder {
    /// One refund, as the payer sees it.
    struct Refund {
        var amount: String
        var reason: String
        var state: String
        var at: String
    }

    var layout: Layout
    var order: PaymentPageFormat.Order
    var refunds: [Refund]
    var payHref: String?
    var receiptHref: String?
    var caseHref: String?

    /// The page of `detail`.
    init(layout: Layout, detail: PaymentOrderDetail) {
        self.layout = layout
        let order = detail.order
        self.order = PaymentPageFormat.order(order)
        refunds = detail.refunds.map {
            Refund(
                amount: $0.amount.formatted(.yuan), reason: $0.reason, state: PaymentPageFormat.refundState($0),
                at: CasePageFormat.time($0.createdAt))
        }
        payHref = order.state.isPayable ? "/pay/\(order.code)" : nil
        receiptHref = detail.receipt == nil ? nil : "/pay/\(order.code)/receipt"
        caseHref = order.caseID.map { "/me/cases/\($0.uuidString)" }
    }
}
