import Evaluation
import Foundation
import Kernel

/// The evaluation sections other pages carry: the questions answered from consultations on an
/// item's guide (常见问题), and what citizens asked and departments did on the re-engineering report
/// (群众诉求（所提与所办）). Both are read so that the host page never fails because of them.
enum EvaluationPageSections {
    /// One published question and answer.
    struct FAQ {
        var question: String
        var answer: String
        var publishedAt: String
    }

    /// The demands of a period, counted by item (or department) and theme.
    struct Demands {
        /// One line of the table.
        struct Row {
            var subject: String
            var department: String
            var theme: String
            var asked: Int
            var planned: Int
            var done: Int
            var declined: Int
        }

        var rows: [Row]
        var hasRows: Bool
        var asked: Int
        var actedOn: Int
        var done: Int
        var actedOnShare: String
        var apiLink: String
    }

    /// The published questions of item `code`, oldest first; none when they cannot be read.
    static func faq(itemCode code: String, _ dependencies: WebDependencies) async -> [FAQ] {
        guard let entries = try? await dependencies.evaluation.faq(itemCode: code) else { return [] }
        return entries.map {
            FAQ(question: $0.question, answer: $0.answer, publishedAt: CalendarDay($0.publishedAt).description)
        }
    }

    /// The demands asked from `from` to `to` (for `departmentID`, if any); nil when they cannot be read.
    static func demands(from: CalendarDay, to: CalendarDay, departmentID: UUID?, _ dependencies: WebDependencies)
        async -> Demands?
    {
        guard
            let groups = try? await dependencies.evaluation.demandGroups(from: from, to: to, departmentID: departmentID)
        else { return nil }
        let rows = groups.map { group in
            Demands.Row(
                subject: group.itemName ?? group.departmentName ?? "未指定事项或部门",
                department: group.itemName == nil ? "" : (group.departmentName ?? ""), theme: group.theme.label,
                asked: group.asked, planned: group.planned, done: group.done, declined: group.declined)
        }
        let asked = groups.reduce(0) { $0 + $1.asked }
        let actedOn = groups.reduce(0) { $0 + $1.planned + $1.done + $1.declined }
        var query = [("from", from.description), ("to", to.description)]
        if let departmentID { query.append(("department", departmentID.uuidString)) }
        return Demands(
            rows: rows, hasRows: !rows.isEmpty, asked: asked, actedOn: actedOn,
            done: groups.reduce(0) { $0 + $1.done },
            actedOnShare: EvaluationPageFormat.percent(EvaluationPageFormat.perMille(actedOn, of: asked)),
            apiLink: "/api/v1/evaluation/demands/summary?" + URLEncodedForm.encode(query))
    }
}
