import Foundation
import Identity
import Kernel
import PaymentChannels
import Payments

/// The view model of one order for staff: its trades, refunds and the channel notifications about
/// it, with the forms their permissions open (退款, 取消, 窗口收款); a refused form keeps what was typed.
struct PaymentPageStaffOrder {
    /// One attempt to pay through a channel.
    struct Trade {
        var channel: String
        var outTradeNo: String
        var amount: String
        var state: String
        var channelTradeNo: String?
        var paidAt: String?
    }

    /// One refund.
    struct Refund {
        var refundNo: String
        var amount: String
        var reason: String
        var state: String
        var requestedBy: String
        var at: String
        var completedAt: String?
    }

    /// What the forms held when one was refused.
    struct Typed {
        var refundAmount = ""
        var refundReason = ""
        var cancelReason = ""
        var collectCard = false
        var collectReference = ""
    }

    var layout: Layout
    var order: PaymentPageFormat.Order
    var trades: [Trade]
    var hasTrades: Bool
    var refunds: [Refund]
    var hasRefunds: Bool
    /// The notifications naming this order.
    var notifications: [PaymentPageNotifications.Row]
    /// Whether the log was read (finance staff only).
    var showsNotifications: Bool
    var receiptHref: String?
    var caseHref: String?
    var canRefund: Bool
    var canCancel: Bool
    var canCollect: Bool
    var typed: Typed
    var notice: String?
    var error: DomainError?

    /// The page of `detail` for staff holding `permissions`.
    init(
        layout: Layout, detail: PaymentOrderDetail, notifications: [PaymentNotificationRecord]?,
        permissions: Set<Permission>, typed: Typed = Typed()
    ) {
        self.layout = layout
        let order = detail.order
        self.order = PaymentPageFormat.order(order)
        trades = detail.trades.map {
            Trade(
                channel: $0.channel.label, outTradeNo: $0.outTradeNo, amount: $0.amount.formatted(.yuan),
                state: Self.tradeState($0.state), channelTradeNo: $0.channelTradeNo,
                paidAt: CasePageFormat.time($0.paidAt))
        }
        refunds = detail.refunds.map {
            Refund(
                refundNo: $0.refundNo, amount: $0.amount.formatted(.yuan), reason: $0.reason,
                state: PaymentPageFormat.refundState($0),
                requestedBy: $0.automatic ? "系统" : LicenseStaffLicensePage.actorLabel($0.requestedBy),
                at: CasePageFormat.time($0.createdAt), completedAt: CasePageFormat.time($0.completedAt))
        }
        hasTrades = !trades.isEmpty
        hasRefunds = !refunds.isEmpty
        self.notifications = (notifications ?? []).filter { $0.outTradeNo == order.code }
            .map(PaymentPageNotifications.Row.init)
        showsNotifications = notifications != nil
        receiptHref = detail.receipt == nil ? nil : "/pay/\(order.code)/receipt"
        // Only staff who handle cases can open one; finance staff would get a 404.
        let handlesCases = !permissions.isDisjoint(with: [.casesIntake, .casesHandle, .casesApprove])
        caseHref = handlesCases ? order.caseID.map { "/staff/cases/\($0.uuidString)" } : nil
        let left = (try? order.paid.subtracting(order.refunded)) ?? .zero
        canRefund =
            permissions.contains(.paymentsFinance) && (order.state == .paid || order.state == .partiallyRefunded)
            && left.fen > 0
        canCancel = permissions.contains(.paymentsCollect) && order.state.isPayable
        canCollect = canCancel
        var typed = typed
        if typed.refundAmount.isEmpty { typed.refundAmount = left.fen > 0 ? left.decimalText : "" }
        self.typed = typed
    }

    /// The Chinese name of a trade's state.
    static func tradeState(_ state: PaymentTrade.State) -> String {
        switch state {
        case .open: "待支付"
        case .paid: "已支付"
        case .closed: "已关闭"
        }
    }
}
