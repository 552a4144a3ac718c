import CasesModel
import Foundation
import Kernel

/// The view model of 办件工作台: my tasks, my departments' queue with deadline badges, claim and
/// release, and the overdue list.
struct CaseStaffWorkbench {
    /// One task line.
    struct Row {
        var taskID: String
        var href: String
        var number: String
        var itemName: String
        var stepName: String
        var taskState: String
        var caseState: String
        var deadline: String
        var badge: CasePageFormat.Badge
        var canClaim: Bool
        var canRelease: Bool
    }

    /// One overdue case.
    struct Overdue {
        var href: String
        var number: String
        var itemName: String
        var state: String
        var deadline: String
    }

    var layout: Layout
    var mine: [Row]
    var queue: [Row]
    var overdue: [Overdue]
    var canCounter: Bool
    var notice: String?
    var error: DomainError?

    /// The workbench of `staffID` from the queue entries and the overdue cases.
    init(
        layout: Layout, staffID: UUID, mine: [QueueEntry], queue: [QueueEntry], overdue: [CaseRecord],
        canCounter: Bool
    ) {
        self.layout = layout
        self.mine = mine.map { Self.row($0, staffID: staffID) }
        let mineIDs = Set(mine.map(\.task.id))
        self.queue = queue.filter { !mineIDs.contains($0.task.id) }.map { Self.row($0, staffID: staffID) }
        self.overdue = overdue.map { record in
            Overdue(
                href: "/staff/cases/\(record.id.uuidString)", number: CasePageFormat.grouped(record.number),
                itemName: record.itemName, state: record.state.label, deadline: record.deadline?.description ?? "")
        }
        self.canCounter = canCounter
    }

    private static func row(_ entry: QueueEntry, staffID: UUID) -> Row {
        let task = entry.task
        let holder = task.state == .claimed ? (task.assignee == staffID ? "（本人办理中）" : "（他人办理中）") : ""
        return Row(
            taskID: task.id.uuidString, href: "/staff/cases/\(entry.record.id.uuidString)",
            number: CasePageFormat.grouped(entry.record.number), itemName: entry.record.itemName,
            stepName: task.stepName + (task.branchID.map { "·\($0)" } ?? ""), taskState: task.state.label + holder,
            caseState: entry.record.state.label, deadline: entry.record.deadline?.description ?? "未开始计时",
            badge: CasePageFormat.badge(entry.colour), canClaim: task.state == .open,
            canRelease: task.state == .claimed && task.assignee == staffID)
    }
}
