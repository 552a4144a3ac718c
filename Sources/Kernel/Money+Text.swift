/// Money as text: strict parsing of yuan amounts and display with grouping.
extension Money: CustomStringConvertible {
    /// How to display an amount.
    public enum Style: Sendable, Hashable {
        /// `¥1,234.56`.
        case symbol
        /// `1,234.56元`.
        case yuan
    }

    /// Parses a yuan amount such as `12.30`, `12.3` or `12`, with an optional leading `-`.
    ///
    /// Strict on purpose: no spaces, no `+`, no grouping commas, no leading zeros, at most two
    /// decimals and at least one digit on each side of the point. An amount like `12.345`
    /// is refused rather than rounded, because silently dropping a fraction of a fen is a bug.
    public init(parsing text: String) throws(DomainError) {
        var bytes = Array(text.utf8)
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes.removeFirst() }
        let point = bytes.firstIndex(of: UInt8(ascii: "."))
        let whole = bytes[..<(point ?? bytes.endIndex)]
        let fraction = point.map { bytes[($0 + 1)...] } ?? []
        guard !whole.isEmpty, whole.allSatisfy(Self.isDigit), whole.count == 1 || whole.first != UInt8(ascii: "0"),
            point == nil || (1...2).contains(fraction.count), fraction.allSatisfy(Self.isDigit)
        else {
            throw DomainError(
                .invalid, code: "money.invalid-amount", title: "金额格式错误",
                detail: "“\(text)”不是有效的金额，请以元为单位填写，最多两位小数，如 12.30。")
        }
        let padding = [UInt8](repeating: UInt8(ascii: "0"), count: 2 - fraction.count)
        var fen: Int64 = 0
        for byte in whole + fraction + padding { fen = try Self.appendingDigit(byte, to: fen) }
        self.init(fen: negative ? -fen : fen)
    }

    /// The amount in the given style, with thousands grouped.
    public func formatted(_ style: Style = .symbol) -> String {
        let magnitude = fen.magnitude
        var whole = String(magnitude / 100)
        var index = whole.endIndex
        while whole.distance(from: whole.startIndex, to: index) > 3 {
            index = whole.index(index, offsetBy: -3)
            whole.insert(",", at: index)
        }
        let cents = magnitude % 100
        let number = whole + "." + (cents < 10 ? "0" : "") + String(cents)
        let sign = fen < 0 ? "-" : ""
        switch style {
        case .symbol: return sign + "¥" + number
        case .yuan: return sign + number + "元"
        }
    }

    /// The amount in yuan with two decimals and no grouping, such as `1234.56`; `init(parsing:)` reads it back.
    public var decimalText: String {
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        return (fen < 0 ? "-" : "") + String(magnitude / 100) + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    /// The amount as `¥1,234.56`.
    public var description: String { formatted(.symbol) }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func appendingDigit(_ byte: UInt8, to value: Int64) throws(DomainError) -> Int64 {
        let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
        let (result, overflowB) = shifted.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
        guard !overflowA, !overflowB else { throw overflow }
        return result
    }
}
