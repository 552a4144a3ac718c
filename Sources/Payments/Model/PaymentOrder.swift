public import Foundation
public import Kernel
public import PaymentChannels

/// A payment order (缴款单): what one payer owes one department, under one 20-digit payment code.
public struct PaymentOrder: Sendable, Hashable, Identifiable {
    /// The order's id.
    public var id: UUID
    /// The 缴款码 (docs/payments.md § Payment codes).
    public var code: String
    /// The case it is for.
    public var caseID: UUID?
    /// That case's 办件编号.
    public var caseNumber: String?
    /// The item's 业务办理项编码.
    public var itemCode: String
    /// The item's name.
    public var itemName: String
    /// The payee department (执收单位).
    public var departmentID: UUID
    /// Its name.
    public var departmentName: String
    /// The payer's account, when they applied online.
    public var payerAccount: UUID?
    /// The payer's name, masked.
    public var payerNameMasked: String
    /// The fee lines.
    public var lines: [FeeLine]
    /// The total owed.
    public var amount: Money
    /// The state.
    public var state: PaymentOrderState
    /// The channel it was paid through.
    public var channel: PaymentChannelID?
    /// The amount received.
    public var paid: Money
    /// The amount refunded so far.
    public var refunded: Money
    /// After this it can no longer be paid.
    public var expiresAt: Date
    /// When it was paid.
    public var paidAt: Date?
    /// Why it was cancelled.
    public var cancelReason: String?
    /// When it was issued.
    public var createdAt: Date
    /// Bumped on every change.
    public var revision: Int
}
