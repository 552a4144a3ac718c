import Foundation
import Kernel
import Payments

/// The view model of 非税收入 for staff: the orders of the departments they collect or do finance
/// for, newest first, optionally in one state.
struct PaymentPageStaffList {
    /// One state of the filter.
    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    /// One order of the list.
    struct Row {
        var href: String
        var itemName: String
        var department: String
        var code: String
        var payer: String
        var caseNumber: String?
        var amount: String
        var state: String
        var createdAt: String
    }

    var layout: Layout
    var states: [Option]
    var rows: [Row]
    var filtered: Bool
    var isFinance: Bool

    /// The list of `orders`, filtered by `state` when given.
    init(layout: Layout, orders: [PaymentOrder], state: PaymentOrderState?, isFinance: Bool) {
        self.layout = layout
        states = PaymentOrderState.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: $0 == state) }
        rows = orders.map { order in
            Row(
                href: "/staff/payments/\(order.id.uuidString)", itemName: order.itemName,
                department: order.departmentName, code: PaymentPageFormat.grouped(order.code),
                payer: order.payerNameMasked, caseNumber: order.caseNumber.map(CasePageFormat.grouped),
                amount: order.amount.formatted(.yuan), state: order.state.label,
                createdAt: CasePageFormat.time(order.createdAt))
        }
        filtered = state != nil
        self.isFinance = isFinance
    }
}
