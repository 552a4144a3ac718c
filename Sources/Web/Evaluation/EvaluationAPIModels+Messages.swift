import Evaluation
import Foundation
import Kernel

extension EvaluationAPIModels {
    /// A consultation, complaint or suggestion (政民互动留言) and its answer; the contact is masked.
    struct Message: Codable {
        var id: UUID
        var number: String
        var kind: String
        var kindLabel: String
        var source: String
        var sourceLabel: String
        var itemCode: String?
        var itemName: String?
        var departmentId: UUID
        var departmentName: String
        var title: String
        var content: String
        var contactNameMasked: String
        var contactPhoneMasked: String
        var state: String
        var stateLabel: String
        var answerDue: CalendarDay
        var answer: String?
        var answeredAt: Date?
        var answeredOnTime: Bool?
        var feedbackLevel: Int?
        var feedbackLevelLabel: String?
        var feedbackComment: String?
        var faqId: UUID?
        var createdAt: Date

        init(_ message: Interaction) {
            id = message.id
            number = message.number
            kind = message.kind.rawValue
            kindLabel = message.kind.label
            source = message.source.rawValue
            sourceLabel = message.source.label
            itemCode = message.itemCode
            itemName = message.itemName
            departmentId = message.departmentID
            departmentName = message.departmentName
            title = message.title
            content = message.content
            contactNameMasked = message.contactNameMasked
            contactPhoneMasked = message.contactPhoneMasked
            state = message.state.rawValue
            stateLabel = message.state.label
            answerDue = message.answerDue
            answer = message.answer
            answeredAt = message.answeredAt
            answeredOnTime = message.answeredOnTime
            feedbackLevel = message.feedbackLevel?.rawValue
            feedbackLevelLabel = message.feedbackLevel?.label
            feedbackComment = message.feedbackComment
            faqId = message.faqID
            createdAt = message.createdAt
        }
    }

    /// A list of messages.
    struct MessageList: Codable {
        var items: [Message]
    }

    /// A published question and answer of an item's guide (常见问题). The consultation it came from
    /// is named to staff only.
    struct FAQEntry: Codable {
        var id: UUID
        var itemCode: String
        var itemName: String
        var question: String
        var answer: String
        var sourceMessageId: UUID?
        var publishedAt: Date

        init(_ entry: Evaluation.FAQEntry, forStaff: Bool) {
            id = entry.id
            itemCode = entry.itemCode
            itemName = entry.itemName
            question = entry.question
            answer = entry.answer
            sourceMessageId = forStaff ? entry.sourceInteractionID : nil
            publishedAt = entry.publishedAt
        }
    }

    /// An item's published questions and answers, oldest first.
    struct FAQList: Codable {
        var items: [FAQEntry]
    }

    /// A citizen's request to put a service online or make it simpler (办事诉求).
    struct Demand: Codable {
        var id: UUID
        var theme: String
        var themeLabel: String
        var itemCode: String?
        var itemName: String?
        var departmentId: UUID?
        var departmentName: String?
        var content: String
        var state: String
        var stateLabel: String
        var response: String?
        var createdAt: Date
        var respondedAt: Date?

        init(_ demand: Evaluation.Demand) {
            id = demand.id
            theme = demand.theme.rawValue
            themeLabel = demand.theme.label
            itemCode = demand.itemCode
            itemName = demand.itemName
            departmentId = demand.departmentID
            departmentName = demand.departmentName
            content = demand.content
            state = demand.state.rawValue
            stateLabel = demand.state.label
            response = demand.response
            createdAt = demand.createdAt
            respondedAt = demand.respondedAt
        }
    }

    /// A list of demands.
    struct DemandList: Codable {
        var items: [Demand]
    }

    /// Demands of one item (or department) and theme, and how many were acted on.
    struct DemandGroup: Codable {
        var itemCode: String?
        var itemName: String?
        var departmentId: UUID?
        var departmentName: String?
        var theme: String
        var themeLabel: String
        var asked: Int
        var planned: Int
        var done: Int
        var declined: Int

        init(_ group: Evaluation.DemandGroup) {
            itemCode = group.itemCode
            itemName = group.itemName
            departmentId = group.departmentID
            departmentName = group.departmentName
            theme = group.theme.rawValue
            themeLabel = group.theme.label
            asked = group.asked
            planned = group.planned
            done = group.done
            declined = group.declined
        }
    }

    /// The public summary of demands asked in a period (the re-engineering report's 诉求 section).
    struct DemandSummary: Codable {
        var from: CalendarDay
        var to: CalendarDay
        var items: [DemandGroup]
    }
}
