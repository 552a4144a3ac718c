public import CatalogModel
public import Foundation
public import Kernel

/// A case as pages and the API show it; personal data is masked.
public struct CaseRecord: Sendable, Equatable {
    /// The id.
    public var id: UUID
    /// The 办件编号, given on submission; nil for a draft.
    public var number: String?
    /// The 一件事 case this one is a part of.
    public var parentID: UUID?
    /// The 一件事 bundle's code, on the parent and its parts.
    public var bundleCode: String?
    /// The catalog item.
    public var itemID: UUID
    /// The item's 业务办理项编码.
    public var itemCode: String
    /// The guide version the case was filed under.
    public var itemVersion: Int
    /// The item's name.
    public var itemName: String
    /// The department that handles it.
    public var departmentID: UUID
    /// The division (GB/T 2260) the item is implemented in; the case number starts with it.
    public var divisionCode: String
    /// The process definition and its revision.
    public var processID: String
    /// The revision of the process definition.
    public var processRevision: Int
    /// The filing account, if any.
    public var applicantAccount: UUID?
    /// Person or enterprise.
    public var applicantKind: CaseApplicant.Kind
    /// The applicant's name, masked.
    public var applicantNameMasked: String
    /// The applicant's 身份证号, masked.
    public var applicantIDMasked: String
    /// The chosen situations (情形).
    public var situations: [String]
    /// Where it stands.
    public var state: CaseState
    /// How it ended, once concluded.
    public var outcome: CaseOutcome?
    /// Where it started.
    public var originChannel: CaseChannel
    /// Where it was last acted on by the applicant or the window.
    public var lastChannel: CaseChannel
    /// The legal limit (法定时限), if the item has one.
    public var legalLimit: TimeLimit?
    /// The promised limit (承诺时限).
    public var promisedLimit: TimeLimit
    /// The current promised deadline, kept for sorting queues; the clock is the authority.
    public var deadline: CalendarDay?
    /// When it was created, submitted, accepted and concluded.
    public var createdAt: Date
    /// When it was submitted.
    public var submittedAt: Date?
    /// When it was accepted.
    public var acceptedAt: Date?
    /// When it was concluded, rejected or withdrawn.
    public var concludedAt: Date?
    /// Raised on every change; a command may name the revision it saw.
    public var revision: Int

    /// Creates a record.
    public init(
        id: UUID, number: String?, parentID: UUID?, bundleCode: String?, itemID: UUID, itemCode: String,
        itemVersion: Int, itemName: String, departmentID: UUID, divisionCode: String, processID: String,
        processRevision: Int,
        applicantAccount: UUID?, applicantKind: CaseApplicant.Kind, applicantNameMasked: String,
        applicantIDMasked: String, situations: [String], state: CaseState, outcome: CaseOutcome?,
        originChannel: CaseChannel, lastChannel: CaseChannel, legalLimit: TimeLimit?, promisedLimit: TimeLimit,
        deadline: CalendarDay?, createdAt: Date, submittedAt: Date?, acceptedAt: Date?, concludedAt: Date?,
        revision: Int
    ) {
        self.id = id
        self.number = number
        self.parentID = parentID
        self.bundleCode = bundleCode
        self.itemID = itemID
        self.itemCode = itemCode
        self.itemVersion = itemVersion
        self.itemName = itemName
        self.departmentID = departmentID
        self.divisionCode = divisionCode
        self.processID = processID
        self.processRevision = processRevision
        self.applicantAccount = applicantAccount
        self.applicantKind = applicantKind
        self.applicantNameMasked = applicantNameMasked
        self.applicantIDMasked = applicantIDMasked
        self.situations = situations
        self.state = state
        self.outcome = outcome
        self.originChannel = originChannel
        self.lastChannel = lastChannel
        self.legalLimit = legalLimit
        self.promisedLimit = promisedLimit
        self.deadline = deadline
        self.createdAt = createdAt
        self.submittedAt = submittedAt
        self.acceptedAt = acceptedAt
        self.concludedAt = concludedAt
        self.revision = revision
    }
}
