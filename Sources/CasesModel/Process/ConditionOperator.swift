/// How a condition compares a form field with its operand.
public enum ConditionOperator: String, Codable, Sendable, CaseIterable {
    /// Equal (numbers compare as numbers when both sides are numbers).
    case equals = "eq"
    /// Not equal.
    case notEquals = "ne"
    /// Greater than (numbers only).
    case greaterThan = "gt"
    /// Greater than or equal (numbers only).
    case greaterOrEqual = "ge"
    /// Less than (numbers only).
    case lessThan = "lt"
    /// Less than or equal (numbers only).
    case lessOrEqual = "le"
    /// One of the listed values.
    case oneOf = "in"
    /// The field is filled in.
    case present
}
