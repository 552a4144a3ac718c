import Foundation
import Kernel
import PaymentChannels
import Payments

/// The JSON bodies of the payments API: camelCase, money as whole fen in fields named `…Fen`, instants
/// in ISO 8601 and days as `yyyy-MM-dd`.
enum PaymentAPIModels {
    /// A reduction (减免) of one fee, as asked when the order is issued and as printed on its line.
    struct Reduction: Codable {
        var fee: String
        var basis: String
        var mode: FeeReduction.Mode

        init(_ reduction: FeeReduction) {
            fee = reduction.fee
            basis = reduction.basis
            mode = reduction.mode
        }

        var domain: FeeReduction { FeeReduction(fee: fee, basis: basis, mode: mode) }
    }

    /// One fee line: the standard, the reduction and what is owed.
    struct Line: Codable {
        var name: String
        var standardFen: Int64
        var reduction: Reduction?
        var amountFen: Int64

        init(_ line: FeeLine) {
            name = line.name
            standardFen = line.standard.fen
            reduction = line.reduction.map(Reduction.init)
            amountFen = line.amount.fen
        }
    }

    /// A channel the payer may choose.
    struct Channel: Codable {
        var id: String
        var label: String

        init(_ id: PaymentChannelID) {
            self.id = id.rawValue
            label = id.label
        }
    }

    /// An order as its payer and the payee department's staff see it.
    struct Order: Codable {
        var id: UUID
        var code: String
        var caseId: UUID?
        var caseNumber: String?
        var itemCode: String
        var itemName: String
        var departmentId: UUID
        var departmentName: String
        var payerNameMasked: String
        var lines: [Line]
        var amountFen: Int64
        var state: String
        var stateLabel: String
        var channel: String?
        var channelLabel: String?
        var paidFen: Int64
        var refundedFen: Int64
        var expiresAt: Date
        var paidAt: Date?
        var cancelReason: String?
        var createdAt: Date
        var revision: Int

        init(_ order: PaymentOrder) {
            id = order.id
            code = order.code
            caseId = order.caseID
            caseNumber = order.caseNumber
            itemCode = order.itemCode
            itemName = order.itemName
            departmentId = order.departmentID
            departmentName = order.departmentName
            payerNameMasked = order.payerNameMasked
            lines = order.lines.map(Line.init)
            amountFen = order.amount.fen
            state = order.state.rawValue
            stateLabel = order.state.label
            channel = order.channel?.rawValue
            channelLabel = order.channel?.label
            paidFen = order.paid.fen
            refundedFen = order.refunded.fen
            expiresAt = order.expiresAt
            paidAt = order.paidAt
            cancelReason = order.cancelReason
            createdAt = order.createdAt
            revision = order.revision
        }
    }

    /// A list of orders.
    struct OrderList: Codable {
        var items: [Order]
    }

    /// What anyone holding the payment code sees (缴款码查询): no ids, the payer masked, and the
    /// channels offered while the order can be paid.
    struct PublicOrder: Codable {
        var code: String
        var itemName: String
        var departmentName: String
        var payerNameMasked: String
        var lines: [Line]
        var amountFen: Int64
        var state: String
        var stateLabel: String
        var payable: Bool
        var expiresAt: Date
        var paidAt: Date?
        var channels: [Channel]

        init(_ order: PaymentOrder, channels: [PaymentChannelID], now: Date) {
            code = order.code
            itemName = order.itemName
            departmentName = order.departmentName
            payerNameMasked = order.payerNameMasked
            lines = order.lines.map(Line.init)
            amountFen = order.amount.fen
            state = order.state.rawValue
            stateLabel = order.state.label
            payable = order.state.isPayable && now < order.expiresAt
            expiresAt = order.expiresAt
            paidAt = order.paidAt
            self.channels = payable ? channels.map(Channel.init) : []
        }
    }
}
