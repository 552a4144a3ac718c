/// An amount of renminbi in integer fen (分), so that sums are exact; there is no floating point anywhere.
///
/// Arithmetic throws `money.overflow` instead of trapping, because amounts arrive from outside
/// and one absurd input must not bring the server down.
public struct Money: Hashable, Comparable, Sendable {
    /// The amount in fen; 1 yuan is 100 fen. Negative for refunds and differences.
    public let fen: Int64

    /// No money.
    public static let zero = Money(fen: 0)

    /// Creates an amount of `fen` fen.
    public init(fen: Int64) {
        self.fen = fen
    }

    /// The sum of two amounts; throws on overflow.
    public func adding(_ other: Money) throws(DomainError) -> Money {
        let (result, overflow) = fen.addingReportingOverflow(other.fen)
        guard !overflow else { throw Self.overflow }
        return Money(fen: result)
    }

    /// This amount less `other`; throws on overflow.
    public func subtracting(_ other: Money) throws(DomainError) -> Money {
        let (result, overflow) = fen.subtractingReportingOverflow(other.fen)
        guard !overflow else { throw Self.overflow }
        return Money(fen: result)
    }

    /// This amount times a whole quantity, such as a unit fee times copies; throws on overflow.
    public func multiplied(by quantity: Int64) throws(DomainError) -> Money {
        let (result, overflow) = fen.multipliedReportingOverflow(by: quantity)
        guard !overflow else { throw Self.overflow }
        return Money(fen: result)
    }

    /// The total of `amounts`; throws on overflow.
    public static func sum(_ amounts: some Sequence<Money>) throws(DomainError) -> Money {
        var total = Money.zero
        for amount in amounts { total = try total.adding(amount) }
        return total
    }

    /// Orders amounts by value.
    public static func < (lhs: Money, rhs: Money) -> Bool {
        lhs.fen < rhs.fen
    }

    static let overflow = DomainError(
        .invalid, code: "money.overflow", title: "金额超出范围",
        detail: "金额计算结果超出了系统可表示的范围，请检查输入的金额是否正确。")
}

/// Money travels in JSON as an integer number of fen, which no client can round.
extension Money: Codable {
    /// Decodes an integer number of fen.
    public init(from decoder: any Decoder) throws {
        fen = try decoder.singleValueContainer().decode(Int64.self)
    }

    /// Encodes the integer number of fen.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(fen)
    }
}
