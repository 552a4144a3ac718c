public import Kernel

/// The case handling figures of a period: overall, per department, per item.
public struct CaseFigures: Codable, Sendable, Equatable {
    /// The first day of the period.
    public var from: CalendarDay
    /// The last day of the period.
    public var to: CalendarDay
    /// All cases.
    public var overall: CaseFigureRow
    /// One row per department, most cases first.
    public var departments: [CaseFigureRow]
    /// One row per item, most cases first.
    public var items: [CaseFigureRow]

    /// Creates the figures.
    public init(
        from: CalendarDay, to: CalendarDay, overall: CaseFigureRow, departments: [CaseFigureRow], items: [CaseFigureRow]
    ) {
        self.from = from
        self.to = to
        self.overall = overall
        self.departments = departments
        self.items = items
    }
}
