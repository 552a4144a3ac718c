public import Foundation

/// One line of the report: a department (or all of them) on the first and the last day.
public struct ReengineeringComparison: Codable, Sendable, Hashable {
    /// The department; nil for the overall line.
    public var departmentID: UUID?
    /// Its name, or 全部部门 for the overall line.
    public var departmentName: String
    /// The indicators on the first day.
    public var before: ReengineeringIndicators
    /// The indicators on the last day.
    public var after: ReengineeringIndicators
    /// After minus before.
    public var change: IndicatorChange

    /// Creates a line; the change is computed.
    public init(
        departmentID: UUID?, departmentName: String, before: ReengineeringIndicators, after: ReengineeringIndicators
    ) {
        self.departmentID = departmentID
        self.departmentName = departmentName
        self.before = before
        self.after = after
        change = IndicatorChange(from: before, to: after)
    }
}
