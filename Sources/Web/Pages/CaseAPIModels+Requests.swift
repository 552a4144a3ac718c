import CasesModel
import Foundation
import Kernel

extension CaseAPIModels {
    /// POST /api/v1/cases: a new draft.
    struct NewCase: Decodable {
        var itemCode: String
        var form: FormData?
        var situations: [String]?
    }

    /// PUT /api/v1/cases/{id}/form: the draft's (or correction's) new form.
    struct FormUpdate: Decodable {
        var form: FormData
        var situations: [String]?
    }

    /// A command with an optional comment or reason (withdraw, accept, reject).
    struct Note: Decodable {
        var comment: String?
        var reason: String?
    }

    /// POST …/accept-pending: 容缺受理.
    struct AcceptPending: Decodable {
        var materials: [String]
        var promise: String
        /// The follow-up deadline, `yyyy-MM-dd`.
        var due: String
    }

    /// POST …/correction-request: the lines of the one-time notice.
    struct CorrectionRequest: Decodable {
        var items: [CorrectionItem]
    }

    /// POST …/pause: why the clock stops.
    struct Pause: Decodable {
        /// `special-procedure` or `suspension`.
        var reason: String
        var comment: String?
    }

    /// POST …/extend.
    struct Extend: Decodable {
        var days: Int
        var reason: String
    }

    /// POST /api/v1/staff/tasks/{taskID}/decide.
    struct Decide: Decodable {
        /// `approve`, `deny` or `return`.
        var decision: String
        /// The step to return to, with `return`.
        var to: String?
        var comment: String?
        /// The task revision the clerk saw; a different one is 409 `cases.task-decided`.
        var expectedRevision: Int?

        /// The service's decision, or a 422 problem.
        func taskDecision() throws -> TaskDecision {
            switch decision {
            case "approve": return .approve
            case "deny": return .deny
            case "return":
                guard let to, !to.isEmpty else {
                    throw DomainError(
                        .invalid, code: "cases.return-target", title: "请选择退回环节", detail: "退回时须在 to 中给出要退回到的环节。")
                }
                return .sendBack(to: to)
            default:
                throw DomainError(
                    .invalid, code: "cases.bad-decision", title: "办理决定有误", detail: "decision 应为 approve、deny 或 return。")
            }
        }
    }

    /// The pause reason of a `Pause` body, or a 422 problem.
    static func pauseReason(_ text: String) throws -> PauseReason {
        guard let reason = PauseReason(rawValue: text), reason != .correction, reason != .payment else {
            throw DomainError(
                .invalid, code: "cases.pause-reason", title: "中止原因有误",
                detail: "reason 应为 special-procedure（特别程序）或 suspension（中止）；补正请使用一次性告知。")
        }
        return reason
    }
}
