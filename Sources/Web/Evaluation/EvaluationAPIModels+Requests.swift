import Evaluation
import Foundation
import Kernel

extension EvaluationAPIModels {
    /// `POST /api/v1/me/ratings/{id}` and `POST /api/v1/evaluation/counter/{code}`: the overall level,
    /// levels of further indicators by key (missing ones take the overall level) and a comment,
    /// required for 不满意 and 非常不满意. A level outside 1…5 fails decoding (400).
    struct RatingRequest: Decodable {
        var level: RatingLevel
        var scores: [String: RatingLevel]?
        var comment: String?

        var domain: RatingSubmission { RatingSubmission(level: level, scores: scores ?? [:], comment: comment) }
    }

    /// `POST /api/v1/me/rectifications/{id}/appeal`.
    struct AppealRequest: Decodable {
        var reason: String
    }

    /// `POST /api/v1/me/messages`: a consultation, complaint or suggestion about an item (its
    /// department answers) or a department; the account's name is the contact's.
    struct MessageRequest: Decodable {
        var kind: InteractionKind
        var itemCode: String?
        var departmentId: UUID?
        var title: String
        var content: String
        var contactPhone: String

        var domain: NewInteraction {
            NewInteraction(
                kind: kind, itemCode: itemCode, departmentID: departmentId, title: title, content: content,
                contactPhone: contactPhone)
        }
    }

    /// `POST /api/v1/staff/evaluation/messages`: a message taken on the phone, with the caller's name.
    struct PhoneMessageRequest: Decodable {
        var kind: InteractionKind
        var itemCode: String?
        var departmentId: UUID?
        var title: String
        var content: String
        var contactName: String
        var contactPhone: String

        var domain: NewInteraction {
            NewInteraction(
                kind: kind, itemCode: itemCode, departmentID: departmentId, title: title, content: content,
                contactName: contactName, contactPhone: contactPhone)
        }
    }

    /// `POST /api/v1/me/messages/{id}/feedback`: the citizen's rating of the answer.
    struct FeedbackRequest: Decodable {
        var level: RatingLevel
        var comment: String?
    }

    /// `POST /api/v1/me/demands`.
    struct DemandRequest: Decodable {
        var theme: DemandTheme
        var itemCode: String?
        var departmentId: UUID?
        var content: String
    }

    /// `POST /api/v1/staff/cases/{id}/counter-rating`: the window the citizen was served at.
    struct CounterVisitRequest: Decodable {
        var window: String
    }

    /// `POST /api/v1/staff/evaluation/rectifications/{id}/callback`: whether the complaint is true,
    /// the call-back note and, when true, the plan and its deadline (`yyyy-MM-dd`; the longest
    /// allowed when absent).
    struct CallbackRequest: Decodable {
        var verified: Bool
        var note: String
        var plan: String?
        var deadline: CalendarDay?
    }

    /// `POST /api/v1/staff/evaluation/rectifications/{id}/answer`: the result or the explanation.
    struct AnswerTicketRequest: Decodable {
        var feedback: String
    }

    /// `POST /api/v1/staff/evaluation/rectifications/{id}/appeal-decision`.
    struct AppealDecisionRequest: Decodable {
        var upheld: Bool
        var note: String
    }

    /// `POST /api/v1/staff/evaluation/messages/{id}/answer`.
    struct AnswerMessageRequest: Decodable {
        var answer: String
    }

    /// `POST /api/v1/staff/evaluation/messages/{id}/faq`: the question and answer as published.
    struct FAQRequest: Decodable {
        var question: String
        var answer: String
    }

    /// `POST /api/v1/staff/evaluation/demands/{id}/response`.
    struct DemandResponseRequest: Decodable {
        var state: DemandState
        var response: String
    }
}
