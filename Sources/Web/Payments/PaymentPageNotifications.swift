import Foundation
import Kernel
import Payments

/// The view model of 支付通知日志: every notification and query answer the channels gave, accepted
/// or refused, with the reason of each refusal.
struct PaymentPageNotifications {
    /// One logged notification.
    struct Row {
        var channel: String
        var source: String
        var outcome: String
        var accepted: Bool
        var reason: String?
        var outTradeNo: String?
        var amount: String?
        var at: String

        /// `record` for a page.
        init(_ record: PaymentNotificationRecord) {
            channel = PaymentPageFormat.channelLabel(record.channel)
            source = PaymentPageFormat.sourceLabel(record.source)
            outcome = PaymentPageFormat.outcomeLabel(record.outcome)
            accepted = record.outcome != PaymentOutcome.refused.rawValue
            reason = CasePageFormat.nonEmpty(record.reason)
            outTradeNo = record.outTradeNo
            amount = record.amountFen.map { Money(fen: $0).formatted(.yuan) }
            at = CasePageFormat.time(record.receivedAt)
        }
    }

    var layout: Layout
    var rows: [Row]

    /// The log of `records`, newest first as given.
    init(layout: Layout, records: [PaymentNotificationRecord]) {
        self.layout = layout
        rows = records.map(Row.init)
    }
}
