import CasesModel
import CatalogModel
import Foundation
import Kernel

/// The view model of a case on the staff side: the case, clock, materials, tasks and full
/// history, and the actions its state allows (intake, deciding the open tasks, the clock).
struct CaseStaffCase {
    /// A task line.
    struct Task {
        var stepName: String
        var state: String
        var holder: String
        var decision: String
        var comment: String?
        var createdAt: String
        var decidedAt: String?
    }

    /// The decision form of one open task.
    struct Decision {
        var taskID: String
        var revision: Int
        var stepName: String
        var canDeny: Bool
        var returns: [CasePageApply.Option]
        var canClaim: Bool
        var canRelease: Bool
    }

    /// One field of the application form as the applicant filled it in.
    struct FormField {
        var label: String
        var value: String
    }

    /// A material of the guide, for the intake forms.
    struct Material {
        var code: String
        var name: String
        var received: Bool
    }

    var layout: Layout
    var id: String
    var number: String
    var itemName: String
    var department: String
    var state: String
    var outcome: String?
    var applicant: String
    var applicantID: String
    var channel: String
    var lastChannel: String
    var submittedAt: String?
    var acceptedAt: String?
    var promisedLimit: String
    var clock: CasePageDetail.Clock?
    var timeline: [CasePageFormat.Line]
    var received: [CasePageDetail.Received]
    var tasks: [Task]
    var decisions: [Decision]
    var materials: [Material]
    var isSubmitted: Bool
    var canCorrect: Bool
    var canPause: Bool
    var canResume: Bool
    var canExtend: Bool
    var hasReceipt: Bool
    var correction: [CorrectionItem]
    var pending: [String]
    var defaultDue: String
    var notice: String?
    var error: DomainError?
    /// The case's payment orders (缴费), when it has any.
    var payments: PaymentPageCaseSection?
    /// The application form, in the order of the process schema; filled in by the route, which
    /// reads it (an audited read) only for staff who may see the case.
    var formFields: [FormField] = []

    /// The page of `detail` for staff member `staffID`, walking `process`, on `today`.
    init(
        layout: Layout, detail: CaseDetail, guide: ItemGuide, process: ProcessDefinition?, department: String,
        staffID: UUID, today: CalendarDay
    ) {
        let record = detail.record
        self.layout = layout
        id = record.id.uuidString
        number = CasePageFormat.grouped(record.number)
        itemName = record.itemName
        self.department = department
        state = record.state.label
        outcome = record.outcome?.label
        applicant = record.applicantNameMasked
        applicantID = record.applicantIDMasked
        channel = record.originChannel.label
        lastChannel = record.lastChannel.label
        submittedAt = CasePageFormat.time(record.submittedAt)
        acceptedAt = CasePageFormat.time(record.acceptedAt)
        promisedLimit = record.promisedLimit.label
        clock = CasePageDetail.clock(detail.clocks)
        timeline = detail.events.map { CasePageFormat.line($0, staffView: true) }
        received = detail.materials.map { material in
            CasePageDetail.Received(
                name: material.name, file: material.onPaper ? "纸质材料（窗口收取）" : (material.fileName ?? ""),
                at: CasePageFormat.time(material.receivedAt),
                href: material.sha256.map { "/staff/cases/\(record.id.uuidString)/materials/\($0)" })
        }
        tasks = detail.tasks.map { task in
            Task(
                stepName: task.stepName + (task.branchID.map { "·\($0)" } ?? ""), state: task.state.label,
                holder: task.assignee.map { $0 == staffID ? "本人" : "其他工作人员" } ?? "",
                decision: task.decision.map(CasePageFormat.decisionLabel) ?? "",
                comment: CasePageFormat.nonEmpty(task.comment),
                createdAt: CasePageFormat.time(task.createdAt), decidedAt: CasePageFormat.time(task.decidedAt))
        }
        let open = detail.tasks.filter {
            ($0.state == .open || $0.state == .claimed) && $0.stepKind != .accept && $0.stepKind != .receive
        }
        decisions = open.map { task in
            let step = process?.step(task.stepID)
            let returns = (step?.returnTo ?? []).map { target in
                CasePageApply.Option(value: target, label: process?.step(target)?.name ?? target, selected: false)
            }
            return Decision(
                taskID: task.id.uuidString, revision: task.revision,
                stepName: task.stepName + (task.branchID.map { "·\($0)" } ?? ""),
                canDeny: step.map { $0.kind == .decide || !$0.branches.isEmpty } ?? false, returns: returns,
                canClaim: task.state == .open, canRelease: task.state == .claimed && task.assignee == staffID)
        }
        let got = Set(detail.materials.map(\.materialCode))
        materials = guide.materials.map { Material(code: $0.code, name: $0.name, received: got.contains($0.code)) }
        isSubmitted = record.state == .submitted
        canCorrect = record.state == .submitted || record.state == .inProgress
        canPause = record.state == .inProgress
        canResume = record.state == .paused
        canExtend = record.state == .inProgress || record.state == .paused
        hasReceipt = record.number != nil
        correction = detail.correction
        pending = detail.pending
        defaultDue = today.adding(days: 10).description
    }
}
