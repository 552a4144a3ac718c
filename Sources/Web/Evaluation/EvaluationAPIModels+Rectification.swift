import Evaluation
import Foundation
import Kernel

extension EvaluationAPIModels {
    /// The rectification ticket of a bad review (差评整改单), with its working-day deadlines as days.
    struct Rectification: Codable {
        var id: UUID
        var ratingId: UUID
        var caseNumber: String?
        var level: Int
        var levelLabel: String
        var comment: String?
        var itemName: String
        var departmentId: UUID
        var departmentName: String
        var state: String
        var stateLabel: String
        var contactPhoneMasked: String
        var callbackDue: CalendarDay
        var calledBackAt: Date?
        var verified: Bool?
        var callbackNote: String?
        var plan: String?
        var rectifyDue: CalendarDay?
        var rectifiedAt: Date?
        var rectifiedOnTime: Bool?
        var feedback: String?
        var answeredAt: Date?
        var appealDue: CalendarDay?
        var appealReason: String?
        var appealUpheld: Bool?
        var reviewNote: String?
        var closedAt: Date?
        var openedAt: Date

        init(_ ticket: Evaluation.Rectification) {
            id = ticket.id
            ratingId = ticket.ratingID
            caseNumber = ticket.caseNumber
            level = ticket.level.rawValue
            levelLabel = ticket.level.label
            comment = ticket.comment
            itemName = ticket.itemName
            departmentId = ticket.departmentID
            departmentName = ticket.departmentName
            state = ticket.state.rawValue
            stateLabel = ticket.state.label
            contactPhoneMasked = ticket.contactPhoneMasked
            callbackDue = ticket.callbackDue
            calledBackAt = ticket.calledBackAt
            verified = ticket.verified
            callbackNote = ticket.callbackNote
            plan = ticket.plan
            rectifyDue = ticket.rectifyDue
            rectifiedAt = ticket.rectifiedAt
            rectifiedOnTime = ticket.rectifiedOnTime
            feedback = ticket.feedback
            answeredAt = ticket.answeredAt
            appealDue = ticket.appealDue
            appealReason = ticket.appealReason
            appealUpheld = ticket.appealUpheld
            reviewNote = ticket.reviewNote
            closedAt = ticket.closedAt
            openedAt = ticket.openedAt
        }
    }

    /// A list of rectification tickets.
    struct RectificationList: Codable {
        var items: [Rectification]
    }

    /// The bad reviewer's name and phone in clear, for the call-back (the reveal is audited).
    struct Contact: Codable {
        var name: String
        var phone: String
    }
}
