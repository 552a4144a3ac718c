import Foundation

extension StepCondition {
    /// Whether the condition holds for an application's form data.
    ///
    /// A field that is missing or blank (only spaces) counts as not filled in: `present` is then
    /// false, `ne` is true (nothing differs from every operand) and every other operator is false.
    /// Values and operands are trimmed; when both sides read as finite decimal numbers they compare
    /// as numbers (`500` equals `500.0`), otherwise as exact text. `gt`/`ge`/`lt`/`le` are false
    /// unless both sides are numbers. `in` holds when the value equals any operand, by the same rule.
    public func holds(for data: FormData) -> Bool {
        let value = (data[field] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty {
            return op == .notEquals
        }
        switch op {
        case .present:
            return true
        case .equals:
            return values.first.map { Self.same(value, $0) } ?? false
        case .notEquals:
            return values.first.map { !Self.same(value, $0) } ?? false
        case .oneOf:
            return values.contains { Self.same(value, $0) }
        case .greaterThan, .greaterOrEqual, .lessThan, .lessOrEqual:
            guard let operand = values.first, let left = Self.number(value), let right = Self.number(operand) else {
                return false
            }
            return compare(left, right)
        }
    }

    /// Orders two numbers by this condition's comparison operator.
    private func compare(_ left: Double, _ right: Double) -> Bool {
        switch op {
        case .greaterThan: left > right
        case .greaterOrEqual: left >= right
        case .lessThan: left < right
        case .lessOrEqual: left <= right
        case .equals, .notEquals, .oneOf, .present: false
        }
    }

    /// Equality as conditions see it: numerically when both sides are numbers, else as text.
    static func same(_ value: String, _ operand: String) -> Bool {
        let operand = operand.trimmingCharacters(in: .whitespacesAndNewlines)
        if let left = number(value), let right = number(operand) {
            return left == right
        }
        return value == operand
    }

    /// The text as a finite decimal number (`12`, `-3.5`, `1e3`), or nil; hexadecimal, `nan` and
    /// `inf`, which `Double` would also accept, are not numbers on a form.
    static func number(_ text: String) -> Double? {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let allowed = text.unicodeScalars.allSatisfy { scalar in
            ("0"..."9").contains(scalar) || scalar == "." || scalar == "-" || scalar == "+" || scalar == "e"
                || scalar == "E"
        }
        guard allowed, let number = Double(text), number.isFinite else { return nil }
        return number
    }
}
