import Foundation
import Kernel
import PaymentChannels
import Payments

/// The view model of the demo payer page (演示支付): what a WeChat or Alipay app would show after
/// scanning, with one button that "pays" without moving any money.
struct PaymentPageSandbox {
    var layout: Layout
    var outTradeNo: String
    var amount: String
    var itemName: String?
    var payee: String?
    var state: String
    var canPay: Bool
    var apiURL: String
    var formURL: String
    /// The outcome after paying, in words.
    var result: String?
    var isPaid: Bool
    var orderHref: String

    /// The page of trade `status`, for the order it pays when that could be read.
    init(layout: Layout, status: ChannelTradeStatus, order: PaymentOrder?, result: PaymentOutcome? = nil) {
        self.layout = layout
        outTradeNo = status.outTradeNo
        amount = status.amount?.formatted(.yuan) ?? order?.amount.formatted(.yuan) ?? ""
        itemName = order?.itemName
        payee = order?.departmentName
        isPaid = status.state == .paid || status.state == .refunded
        state =
            switch status.state {
            case .paid, .refunded: "已支付"
            case .notPaid: "待支付"
            case .closed: "交易已关闭"
            case .unknown: "交易不存在"
            }
        canPay = status.state == .notPaid
        apiURL = "/api/v1/payments/sandbox/\(status.outTradeNo)/pay"
        formURL = "/payments/sandbox/\(status.outTradeNo)/pay"
        orderHref = "/pay/\(status.outTradeNo)"
        self.result = result.map(Self.words)
    }

    /// What the platform made of the payment, as the payer reads it.
    static func words(_ outcome: PaymentOutcome) -> String {
        switch outcome {
        case .paid, .duplicate: "支付成功"
        case .refunding: "缴款单已不能缴费（已过期、已取消或已缴费），款项将自动原路退回。"
        case .refused: "平台未接受这笔支付，请返回缴款单查看状态。"
        case .ignored: "平台尚未确认这笔支付，请稍后在缴款单页面查看。"
        }
    }
}
