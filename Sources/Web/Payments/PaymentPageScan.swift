import Foundation
import Kernel
import PaymentChannels
import Payments

/// The view model of 扫码缴费: the channel's QR code with the amount, and a status line that the
/// page's script keeps current by asking the order's state every two seconds.
struct PaymentPageScan {
    var layout: Layout
    var order: PaymentPageFormat.Order
    var channel: String
    var qr: String?
    /// The text the QR holds, offered as a link when it is a web page (the demo payer page).
    var openHref: String?
    var pollURL: String
    var receiptHref: String
    var backHref: String
    var refreshHref: String
    var isPaid: Bool
    /// Said instead of the QR when the order cannot be paid any more.
    var closed: String?

    /// The page of `trade` for `order`; nil `trade` when none is open for the channel.
    init(layout: Layout, order: PaymentOrder, channel: PaymentChannelID, trade: PaymentTrade?) {
        self.layout = layout
        self.order = PaymentPageFormat.order(order)
        self.channel = channel.label
        pollURL = "/api/v1/payments/orders/\(order.code)"
        receiptHref = "/pay/\(order.code)/receipt"
        backHref = "/pay/\(order.code)"
        refreshHref = "/pay/\(order.code)/scan?channel=\(channel.rawValue)"
        isPaid = order.state.wasPaid
        guard !isPaid else { return }
        guard order.state.isPayable, let trade else {
            closed = "缴款单\(order.state.label)，二维码已失效。"
            return
        }
        let amount = trade.amount.formatted(.yuan)
        qr = try? QRCode(text: trade.qrContent, level: .medium).svg(
            label: "\(channel.label)收款二维码，金额\(amount)，请用\(Self.app(channel))扫描")
        if channel == .sandbox, trade.qrContent.hasPrefix("http") { openHref = trade.qrContent }
    }

    /// The app that scans a channel's code.
    static func app(_ channel: PaymentChannelID) -> String {
        switch channel {
        case .wechat: "微信"
        case .alipay: "支付宝"
        default: "手机"
        }
    }
}
