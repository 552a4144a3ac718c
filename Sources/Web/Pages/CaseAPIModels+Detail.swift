import CasesModel
import Foundation

extension CaseAPIModels {
    /// One entry of the timeline.
    struct Event: Encodable {
        var seq: Int
        var kind: String
        var label: String
        var stepId: String?
        /// `person`, `staff` or `system`: who acted, without naming staff to applicants.
        var actorKind: String
        var channel: String
        var at: Date
        var detail: CaseEventDetail

        init(_ event: CaseEventRecord) {
            seq = event.seq
            kind = event.kind.rawValue
            label = event.kind.label
            stepId = event.stepID
            actorKind =
                event.actor.hasPrefix("staff:") ? "staff" : event.actor == "system" ? "system" : "person"
            channel = event.channel
            at = event.at
            detail = event.detail
        }
    }

    /// A workbench task; the assignee only for staff.
    struct Task: Encodable {
        var id: UUID
        var caseId: UUID
        var stepId: String
        var stepKind: String
        var stepName: String
        var branchId: String?
        var departmentId: UUID
        var permission: String
        var state: String
        var stateLabel: String
        var assignee: UUID?
        var decision: String?
        var comment: String?
        var createdAt: Date
        var decidedAt: Date?
        var revision: Int

        init(_ task: CaseTask, forStaff: Bool) {
            id = task.id
            caseId = task.caseID
            stepId = task.stepID
            stepKind = task.stepKind.rawValue
            stepName = task.stepName
            branchId = task.branchID
            departmentId = task.departmentID
            permission = task.permission
            state = task.state.rawValue
            stateLabel = task.state.label
            assignee = forStaff ? task.assignee : nil
            decision = task.decision
            comment = task.comment
            createdAt = task.createdAt
            decidedAt = task.decidedAt
            revision = task.revision
        }
    }

    /// A material received for a case.
    struct Material: Encodable {
        var id: UUID
        var materialCode: String
        var name: String
        var fileName: String?
        var sha256: String?
        var mediaType: String?
        var size: Int?
        var onPaper: Bool
        var receivedAt: Date

        init(_ material: CaseMaterial) {
            id = material.id
            materialCode = material.materialCode
            name = material.name
            fileName = material.fileName
            sha256 = material.sha256
            mediaType = material.mediaType
            size = material.size
            onPaper = material.onPaper
            receivedAt = material.receivedAt
        }
    }

    /// The case page as JSON: the case, its timeline, tasks, materials and clocks.
    struct Detail: Encodable {
        var `case`: Case
        var timeline: [Event]
        var tasks: [Task]
        var materials: [Material]
        var clocks: CaseClocks?
        var correction: [CorrectionItem]
        var pendingMaterials: [String]
        var pendingDue: String?
        /// The application form, for the applicant and for staff who may see the case.
        var form: FormData

        init(_ detail: CaseDetail, forStaff: Bool, form: FormData) {
            `case` = Case(detail.record)
            timeline = detail.events.map(Event.init)
            tasks = detail.tasks.map { Task($0, forStaff: forStaff) }
            materials = detail.materials.map(Material.init)
            clocks = detail.clocks
            correction = detail.correction
            pendingMaterials = detail.pending
            pendingDue = detail.pendingDue
            self.form = form
        }
    }

    /// One line of a staff queue.
    struct QueueItem: Encodable {
        var task: Task
        var `case`: Case
        var colour: String
        var colourLabel: String

        init(_ entry: QueueEntry) {
            task = Task(entry.task, forStaff: true)
            `case` = Case(entry.record)
            colour = entry.colour.rawValue
            colourLabel = entry.colour.label
        }
    }

    /// A staff queue.
    struct Queue: Encodable {
        var items: [QueueItem]
    }
}
