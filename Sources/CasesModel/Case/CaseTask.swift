public import Foundation

/// One work item on the staff workbench: a step (or one branch of a countersigned step) of a case.
public struct CaseTask: Sendable, Equatable {
    /// The id.
    public var id: UUID
    /// The case.
    public var caseID: UUID
    /// The step's id in the process.
    public var stepID: String
    /// What the step does.
    public var stepKind: StepKind
    /// The step's name, such as 初审.
    public var stepName: String
    /// The branch of a countersigned step, if any.
    public var branchID: String?
    /// The department whose queue holds it.
    public var departmentID: UUID
    /// The permission needed to act on it.
    public var permission: String
    /// Where it stands.
    public var state: TaskState
    /// The clerk who claimed or decided it.
    public var assignee: UUID?
    /// The decision, once done: `approve`, `deny`, `return`, or an intake word.
    public var decision: String?
    /// The clerk's comment.
    public var comment: String?
    /// When it was created.
    public var createdAt: Date
    /// When it was decided.
    public var decidedAt: Date?
    /// Raised on every change; deciding names the revision seen, so two clerks cannot both decide.
    public var revision: Int
    /// The sequence number of the event that opened the step; the branches of one round vote together.
    public var round: Int

    /// Creates a task.
    public init(
        id: UUID, caseID: UUID, stepID: String, stepKind: StepKind, stepName: String, branchID: String?,
        departmentID: UUID, permission: String, state: TaskState, assignee: UUID?, decision: String?,
        comment: String?, createdAt: Date, decidedAt: Date?, revision: Int, round: Int = 0
    ) {
        self.id = id
        self.caseID = caseID
        self.stepID = stepID
        self.stepKind = stepKind
        self.stepName = stepName
        self.branchID = branchID
        self.departmentID = departmentID
        self.permission = permission
        self.state = state
        self.assignee = assignee
        self.decision = decision
        self.comment = comment
        self.createdAt = createdAt
        self.decidedAt = decidedAt
        self.revision = revision
        self.round = round
    }
}
