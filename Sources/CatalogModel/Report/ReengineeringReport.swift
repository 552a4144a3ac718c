public import Kernel

/// 流程再造报告: the indicators per department and overall on two days, and the versions that
/// took effect between them.
public struct ReengineeringReport: Codable, Sendable, Hashable {
    /// The first day compared.
    public var from: CalendarDay
    /// The last day compared.
    public var to: CalendarDay
    /// One line per department with items in force on either day, by department name.
    public var departments: [ReengineeringComparison]
    /// All the departments of the report together.
    public var overall: ReengineeringComparison
    /// Versions that took effect after `from` and on or before `to`, oldest first.
    public var changes: [VersionChangeSummary]
    /// Whether more versions took effect than `changes` lists.
    public var changesTruncated: Bool

    /// Creates a report.
    public init(
        from: CalendarDay, to: CalendarDay, departments: [ReengineeringComparison], overall: ReengineeringComparison,
        changes: [VersionChangeSummary], changesTruncated: Bool
    ) {
        self.from = from
        self.to = to
        self.departments = departments
        self.overall = overall
        self.changes = changes
        self.changesTruncated = changesTruncated
    }
}
