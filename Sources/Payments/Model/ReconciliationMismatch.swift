public import Foundation
public import Kernel
public import PaymentChannels

/// One difference between a channel's statement and our records, for finance staff to resolve.
public struct ReconciliationMismatch: Sendable, Hashable, Identifiable {
    /// What differs.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The channel lists it, we have no such payment or refund (长款).
        case missingOurs = "missing-ours"
        /// We recorded it, the channel does not list it (短款).
        case missingTheirs = "missing-theirs"
        /// Both have it with different amounts.
        case amountDiffers = "amount-differs"

        /// The Chinese name.
        public var label: String {
            switch self {
            case .missingOurs: "渠道有、平台无"
            case .missingTheirs: "平台有、渠道无"
            case .amountDiffers: "金额不符"
            }
        }
    }

    /// The mismatch's id.
    public var id: UUID
    /// The channel.
    public var channel: PaymentChannelID
    /// The statement day.
    public var day: CalendarDay
    /// What differs.
    public var kind: Kind
    /// The trade number concerned.
    public var outTradeNo: String
    /// The refund number, when a refund differs.
    public var reference: String?
    /// Our amount.
    public var ours: Money?
    /// The channel's amount.
    public var theirs: Money?
    /// Whether finance staff have resolved it.
    public var resolved: Bool
    /// Their recorded reason.
    public var resolution: String?
    /// Who resolved it.
    public var resolvedBy: String?
    /// When.
    public var resolvedAt: Date?
}
