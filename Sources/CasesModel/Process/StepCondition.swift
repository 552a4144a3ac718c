/// A condition on the application's form data, such as 经营面积 > 500.
public struct StepCondition: Codable, Sendable, Hashable {
    /// The form field's key.
    public var field: String
    /// The comparison.
    public var op: ConditionOperator
    /// The operands: one for comparisons, several for `in`, none for `present`.
    public var values: [String]

    /// Creates a condition.
    public init(field: String, op: ConditionOperator, values: [String] = []) {
        self.field = field
        self.op = op
        self.values = values
    }
}
