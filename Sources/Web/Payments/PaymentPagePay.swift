import Foundation
import Kernel
import PaymentChannels
import Payments

/// The view model of 缴费 by payment code: the form to type the code, then the order with its fee
/// lines and one button per scan channel while it can be paid.
struct PaymentPagePay {
    /// A channel the payer may choose.
    struct Channel {
        var id: String
        var label: String
    }

    var layout: Layout
    /// What was typed, echoed back (bounded).
    var typed: String
    var order: PaymentPageFormat.Order?
    var channels: [Channel]
    var hasChannels = false
    /// Said when the order can no longer be paid, and why.
    var closed: String?
    var receiptHref: String?
    var error: DomainError?

    /// The empty form, or the form with what was typed and why it found no order.
    init(layout: Layout, typed: String = "", error: DomainError? = nil) {
        self.layout = layout
        self.typed = typed
        channels = []
        self.error = error
    }

    /// The order `order` as it stands `now`, payable through `channels`.
    init(layout: Layout, order: PaymentOrder, channels: [PaymentChannelID], now: Date, error: DomainError? = nil) {
        self.layout = layout
        typed = order.code
        self.order = PaymentPageFormat.order(order)
        let expired = order.state.isPayable && now >= order.expiresAt
        if order.state.isPayable && !expired {
            self.channels = channels.map { Channel(id: $0.rawValue, label: $0.label) }
            hasChannels = !channels.isEmpty
        } else {
            self.channels = []
        }
        if expired {
            closed = "缴款单已超过缴费期限，不能再缴费。请联系办理部门重新开具。"
        } else if !order.state.isPayable {
            closed = order.state.wasPaid ? "该缴款单已缴费，无需重复缴费。" : "缴款单\(order.state.label)，不能缴费。"
        }
        if order.state.wasPaid { receiptHref = "/pay/\(order.code)/receipt" }
        self.error = error
    }
}
