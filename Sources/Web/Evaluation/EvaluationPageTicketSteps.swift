import Evaluation
import Foundation
import Kernel

/// The steps a bad review's rectification has gone through, as a timeline both the citizen and
/// staff read: opened, called back, rectified or explained, answered, appealed, reviewed, closed.
struct EvaluationPageTicketSteps {
    /// One step of the timeline.
    struct Step {
        var label: String
        var at: String?
        var notes: [String]
    }

    /// The timeline of `ticket`; `staffView` adds the call-back note, which is the department's own record.
    static func steps(_ ticket: Rectification, staffView: Bool) -> [Step] {
        var steps = [
            Step(
                label: "差评受理", at: CasePageFormat.time(ticket.openedAt),
                notes: ["回访期限：\(ticket.callbackDue)"])
        ]
        if let calledBackAt = ticket.calledBackAt {
            var notes = [ticket.verified == true ? "经核实，反映的问题属实" : "经核实，反映的问题不属实，部门将作出解释说明"]
            if staffView, let note = ticket.callbackNote { notes.append("回访情况：\(note)") }
            if let plan = ticket.plan, ticket.appealUpheld == nil { notes.append("整改措施：\(plan)") }
            if let due = ticket.rectifyDue, ticket.appealUpheld == nil { notes.append("整改期限：\(due)") }
            steps.append(Step(label: "回访核实", at: CasePageFormat.time(calledBackAt), notes: notes))
        }
        var appeal: Step?
        if let reason = ticket.appealReason {
            var notes = ["申诉理由：\(reason)"]
            if let upheld = ticket.appealUpheld {
                notes.append(upheld ? "复核结论：申诉成立，部门重新整改" : "复核结论：申诉不成立")
                if let note = ticket.reviewNote { notes.append("复核意见：\(note)") }
                if upheld, let due = ticket.rectifyDue { notes.append("重新整改期限：\(due)") }
            }
            appeal = Step(label: ticket.appealUpheld == nil ? "申诉（复核中）" : "申诉复核", at: nil, notes: notes)
        }
        var answer: Step?
        if let answeredAt = ticket.answeredAt {
            var notes: [String] = []
            if let feedback = ticket.feedback { notes.append("反馈内容：\(feedback)") }
            if let onTime = ticket.rectifiedOnTime { notes.append(onTime ? "按期整改" : "超期整改") }
            if let due = ticket.appealDue, ticket.state == .answered { notes.append("如不满意，可在 \(due) 前申诉") }
            answer = Step(label: "反馈结果", at: CasePageFormat.time(answeredAt), notes: notes)
        }
        // An upheld appeal clears the first answer; an answer then is the second one, after the appeal.
        let order = ticket.appealUpheld == true ? [appeal, answer] : [answer, appeal]
        steps += order.compactMap { $0 }
        if let closedAt = ticket.closedAt {
            steps.append(Step(label: "已办结", at: CasePageFormat.time(closedAt), notes: []))
        }
        return steps
    }
}
