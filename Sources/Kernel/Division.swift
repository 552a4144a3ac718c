/// One entry of the division table: a code with its name and place in the hierarchy.
public struct Division: Hashable, Sendable {
    /// The division's code.
    public var code: DivisionCode
    /// The Chinese name, such as 长安区.
    public var name: String
    /// The tier of the division.
    public var level: DivisionLevel
    /// The division directly above, nil for a province; counties of a municipality hang
    /// directly under the province, with no city tier between.
    public var parent: DivisionCode?
    /// Whether the code no longer names a current division; kept because old records
    /// (and old 身份证号) still carry it.
    public var isHistorical: Bool

    /// Creates a division entry.
    public init(code: DivisionCode, name: String, level: DivisionLevel, parent: DivisionCode?, isHistorical: Bool) {
        self.code = code
        self.name = name
        self.level = level
        self.parent = parent
        self.isHistorical = isHistorical
    }
}
