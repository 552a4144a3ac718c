public import Kernel

/// One line of a payment order: a fee of the item's standards, less any reduction (减免).
public struct FeeLine: Codable, Sendable, Hashable {
    /// The fee's name, such as 居民身份证工本费.
    public var name: String
    /// The standard amount.
    public var standard: Money
    /// The reduction applied, if any.
    public var reduction: FeeReduction?
    /// What is owed for this line.
    public var amount: Money

    /// Creates a line.
    public init(name: String, standard: Money, reduction: FeeReduction?, amount: Money) {
        self.name = name
        self.standard = standard
        self.reduction = reduction
        self.amount = amount
    }
}

/// A reduction of one fee, on one of the bases the item's guide declares for it.
public struct FeeReduction: Codable, Sendable, Hashable {
    /// How much is taken off.
    public enum Mode: String, Codable, Sendable, Hashable, CaseIterable {
        /// 免收: nothing is owed.
        case exempt
        /// 减半: half is owed, rounded down to the fen in the payer's favour.
        case half
    }

    /// The fee it applies to, by name.
    public var fee: String
    /// The declared basis (减免政策), exactly as the guide states it.
    public var basis: String
    /// How much is taken off.
    public var mode: Mode

    /// Creates a reduction.
    public init(fee: String, basis: String, mode: Mode) {
        self.fee = fee
        self.basis = basis
        self.mode = mode
    }
}
