/// A case's two clocks: the promised limit (承诺时限) the department answers for, and the legal
/// limit (法定时限) when the item has one.
public struct CaseClocks: Codable, Sendable, Equatable {
    /// The promised limit's reading.
    public var promised: ClockReading
    /// The legal limit's reading.
    public var legal: ClockReading?

    /// Creates the pair.
    public init(promised: ClockReading, legal: ClockReading?) {
        self.promised = promised
        self.legal = legal
    }
}
