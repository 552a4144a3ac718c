import Foundation
import Kernel
import PaymentChannels
import Payments

/// What every payment page shares: an order as the pages show it, its fee lines, grouped payment
/// codes and the Chinese names of channels and states.
enum PaymentPageFormat {
    /// One fee line: the standard, the reduction and its basis, and what is owed.
    struct Line {
        var name: String
        var standard: String
        var reduction: String?
        var amount: String
    }

    /// An order as every page shows it; personal data arrives masked from the domain.
    struct Order {
        var id: String
        var code: String
        var codeGrouped: String
        var itemName: String
        var department: String
        var payer: String
        var caseNumber: String?
        var lines: [Line]
        var amount: String
        var state: String
        var stateKey: String
        var isPayable: Bool
        var wasPaid: Bool
        var channel: String?
        var paid: String?
        var refunded: String?
        var refundable: String?
        var expiresAt: String
        var paidAt: String?
        var createdAt: String
        var cancelReason: String?
    }

    /// `order` for a page.
    static func order(_ order: PaymentOrder) -> Order {
        let left = (try? order.paid.subtracting(order.refunded)) ?? .zero
        return Order(
            id: order.id.uuidString, code: order.code, codeGrouped: grouped(order.code), itemName: order.itemName,
            department: order.departmentName, payer: order.payerNameMasked,
            caseNumber: order.caseNumber.map(CasePageFormat.grouped), lines: order.lines.map(line),
            amount: order.amount.formatted(.yuan), state: order.state.label, stateKey: order.state.rawValue,
            isPayable: order.state.isPayable, wasPaid: order.state.wasPaid, channel: order.channel?.label,
            paid: order.state.wasPaid ? order.paid.formatted(.yuan) : nil,
            refunded: order.refunded.fen > 0 ? order.refunded.formatted(.yuan) : nil,
            refundable: left.fen > 0 ? left.decimalText : nil, expiresAt: CasePageFormat.time(order.expiresAt),
            paidAt: CasePageFormat.time(order.paidAt), createdAt: CasePageFormat.time(order.createdAt),
            cancelReason: order.cancelReason)
    }

    /// A fee line with its reduction spelled out.
    static func line(_ line: FeeLine) -> Line {
        Line(
            name: line.name, standard: line.standard.formatted(.yuan),
            reduction: line.reduction.map { "\($0.mode == .exempt ? "免收" : "减半")（\($0.basis)）" },
            amount: line.amount.formatted(.yuan))
    }

    /// A 20-digit payment code in groups of four, as printed on a notice; other text as it is.
    static func grouped(_ code: String) -> String {
        guard code.count == 20 else { return code }
        var groups: [String] = []
        var rest = Substring(code)
        while !rest.isEmpty {
            groups.append(String(rest.prefix(4)))
            rest = rest.dropFirst(4)
        }
        return groups.joined(separator: " ")
    }

    /// What a payer types: the code without the spaces and dashes of its printed groups.
    static func typed(_ text: String) -> String {
        String(text.filter { !$0.isWhitespace && $0 != "-" }.prefix(40))
    }

    /// The Chinese name of a stored channel word.
    static func channelLabel(_ raw: String) -> String {
        PaymentChannelID(rawValue: raw).label
    }

    /// Where a refund stands, and whether it went back by itself.
    static func refundState(_ refund: PaymentRefund) -> String {
        refund.state.label + (refund.automatic ? "（系统自动退款）" : "")
    }

    /// How a notification record reached us.
    static func sourceLabel(_ raw: String) -> String {
        switch raw {
        case "notify": "渠道异步通知"
        case "query": "主动查询"
        case "sandbox": "演示支付"
        default: raw
        }
    }

    /// What was made of a notification record.
    static func outcomeLabel(_ raw: String) -> String {
        switch PaymentOutcome(rawValue: raw) {
        case .paid: "已入账"
        case .duplicate: "重复通知，未重复入账"
        case .refunding: "缴款单不可缴费，已转退款"
        case .refused: "已拒绝"
        case .ignored: "未入账（非支付成功）"
        case nil: raw
        }
    }
}
