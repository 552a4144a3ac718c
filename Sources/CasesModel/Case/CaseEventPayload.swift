public import Foundation

/// The data of the case events on the outbox (`cases.case-submitted`, `cases.case-concluded` …),
/// for the domains that react to cases: licenses, payments, evaluation, statistics.
public struct CaseEventPayload: Codable, Sendable, Equatable {
    /// The case.
    public var caseID: UUID
    /// Its 办件编号.
    public var number: String?
    /// The catalog item and its 业务办理项编码.
    public var itemID: UUID
    /// The item's 业务办理项编码.
    public var itemCode: String
    /// The handling department.
    public var departmentID: UUID
    /// The applicant's account, if they filed online.
    public var applicantAccount: UUID?
    /// The state after the change.
    public var state: CaseState
    /// How it ended, for `case-concluded`.
    public var outcome: CaseOutcome?
    /// The result data (a permit number, the decision's date …), for `case-concluded`.
    public var result: [String: String]?
    /// A reason (rejection, withdrawal).
    public var reason: String?
    /// The correction notice's lines, for `case-correction-requested`.
    public var items: [CorrectionItem]?
    /// The 一件事 case it belongs to.
    public var parentID: UUID?

    /// Creates a payload.
    public init(
        caseID: UUID, number: String?, itemID: UUID, itemCode: String, departmentID: UUID, applicantAccount: UUID?,
        state: CaseState, outcome: CaseOutcome? = nil, result: [String: String]? = nil, reason: String? = nil,
        items: [CorrectionItem]? = nil, parentID: UUID? = nil
    ) {
        self.caseID = caseID
        self.number = number
        self.itemID = itemID
        self.itemCode = itemCode
        self.departmentID = departmentID
        self.applicantAccount = applicantAccount
        self.state = state
        self.outcome = outcome
        self.result = result
        self.reason = reason
        self.items = items
        self.parentID = parentID
    }
}
