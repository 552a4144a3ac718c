public import Foundation
public import Kernel

/// The rectification ticket of one bad review, with every deadline counted in working days.
public struct Rectification: Sendable, Equatable, Codable {
    /// The ticket.
    public var id: UUID
    /// The bad rating it follows.
    public var ratingID: UUID
    /// The case rated.
    public var caseNumber: String?
    /// The rating's level and comment, for the staff handling it.
    public var level: RatingLevel
    /// The citizen's comment.
    public var comment: String?
    /// The item's name.
    public var itemName: String
    /// The department responsible.
    public var departmentID: UUID
    /// Its name.
    public var departmentName: String
    /// The state.
    public var state: RectificationState
    /// The masked contact phone (revealing it is audited).
    public var contactPhoneMasked: String
    /// The last working day of the call-back.
    public var callbackDue: CalendarDay
    /// When the call-back was made, whether the complaint was verified (属实), and its note.
    public var calledBackAt: Date?
    /// Whether the complaint was found true on the call-back.
    public var verified: Bool?
    /// The call-back note.
    public var callbackNote: String?
    /// The rectification plan and its deadline, when verified.
    public var plan: String?
    /// The last working day of the rectification.
    public var rectifyDue: CalendarDay?
    /// When rectification was reported done, and whether by its deadline.
    public var rectifiedAt: Date?
    /// Whether rectification was done by `rectifyDue`.
    public var rectifiedOnTime: Bool?
    /// What the citizen was told (the result or the explanation).
    public var feedback: String?
    /// When the feedback was given.
    public var answeredAt: Date?
    /// The last working day on which the citizen may appeal.
    public var appealDue: CalendarDay?
    /// The citizen's appeal.
    public var appealReason: String?
    /// The supervisor's decision on the appeal: upheld (申诉成立) or not, and why.
    public var appealUpheld: Bool?
    /// The supervisor's reasons.
    public var reviewNote: String?
    /// When the ticket closed.
    public var closedAt: Date?
    /// When it was opened.
    public var openedAt: Date
}
