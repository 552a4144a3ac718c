import Kernel

/// The words and measurements of a process diagram: labels in Chinese, XML escaping, and a width
/// estimate good enough to size boxes without a font engine.
enum ProcessDiagramText {
    /// Text made safe for XML character data and attribute values.
    static func escape(_ text: String) -> String { XMLText.escape(text) }

    /// The rough width of text at a font size: Latin letters run about 0.6 em, Chinese a full em.
    static func width(_ text: String, size: Int) -> Int {
        let tenths = text.unicodeScalars.reduce(0) { sum, scalar in sum + (scalar.isASCII ? 6 : 10) }
        return (tenths * size + 9) / 10
    }

    /// Who acts, in words: 受理人员, 经办人员 or 审批人员, and the department when named.
    static func actor(_ actor: StepActor) -> String {
        let role =
            switch actor.permission {
            case "cases.intake": "受理人员"
            case "cases.handle": "经办人员"
            case "cases.approve": "审批人员"
            default: actor.permission
            }
        return actor.department.map { "\(role)（\($0)）" } ?? role
    }

    /// The short label of a signing rule: 会签, 或签, or n人签.
    static func signing(_ rule: SigningRule) -> String {
        switch rule {
        case .single: "单人办理"
        case .all: "会签"
        case .any: "或签"
        case .quorum(let n): "\(n)人签"
        }
    }

    /// The signing rule spelt out, for the text description.
    static func signingSentence(_ rule: SigningRule, branchCount: Int) -> String {
        switch rule {
        case .single: "单人办理"
        case .all: "会签，\(branchCount)个分支全部同意"
        case .any: "或签，任一分支决定"
        case .quorum(let n): "\(n)人签，\(branchCount)个分支中\(n)个同意"
        }
    }

    /// A condition in words, such as 经营场所面积（平方米） > 500, naming the field by its label.
    static func condition(_ condition: StepCondition, form: FormSchema) -> String {
        let field = form.field(condition.field)?.label ?? condition.field
        let operand = condition.values.first ?? ""
        switch condition.op {
        case .equals: return "\(field) = \(operand)"
        case .notEquals: return "\(field) ≠ \(operand)"
        case .greaterThan: return "\(field) > \(operand)"
        case .greaterOrEqual: return "\(field) ≥ \(operand)"
        case .lessThan: return "\(field) < \(operand)"
        case .lessOrEqual: return "\(field) ≤ \(operand)"
        case .oneOf: return "\(field)为\(condition.values.joined(separator: "、"))之一"
        case .present: return "已填写\(field)"
        }
    }

    /// The label on a transition: its condition, 其他情况 for the catch-all after conditions, or
    /// nothing for a step's only way on.
    static func transition(_ transition: Transition, of step: ProcessStepDefinition, form: FormSchema) -> String {
        if let when = transition.when {
            return condition(when, form: form)
        }
        return step.next.count > 1 ? "其他情况" : ""
    }
}
