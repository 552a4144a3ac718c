import Evaluation
import Foundation
import Identity
import Kernel

/// The view models of 我的留言 (政民互动): the list, the form of a new consultation, complaint or
/// suggestion, and one message with its answer and the feedback form.
struct EvaluationPageMyMessages {
    /// One message of the list.
    struct Row {
        var href: String
        var number: String
        var kind: String
        var title: String
        var subject: String
        var state: String
        var stateKey: String
        var answerDue: String
        var createdAt: String
    }

    var layout: Layout
    var rows: [Row]
    var notice: String?

    /// The list of `messages`.
    init(layout: Layout, messages: [Interaction]) {
        self.layout = layout
        rows = messages.map { message in
            Row(
                href: "/me/messages/\(message.id.uuidString)", number: message.number, kind: message.kind.label,
                title: message.title, subject: EvaluationPageMessage.subject(message), state: message.state.label,
                stateKey: message.state.rawValue, answerDue: message.answerDue.description,
                createdAt: CasePageFormat.time(message.createdAt))
        }
    }
}

/// The form of a new message: what kind, about which item or department, the text and a phone.
struct EvaluationPageNewMessage {
    /// What the form held.
    struct Typed {
        var kind = InteractionKind.consultation.rawValue
        var itemCode = ""
        var departmentID = ""
        var title = ""
        var content = ""
        var phone = ""
    }

    var layout: Layout
    var kinds: [EvaluationPageFormat.Option]
    var departments: [EvaluationPageFormat.Option]
    var typed: Typed
    /// The name of the item the form was opened for, from its guide's 我要咨询 link.
    var itemName: String?
    var error: DomainError?

    /// The form holding `typed`.
    init(layout: Layout, departments: [Department], typed: Typed, itemName: String? = nil) {
        self.layout = layout
        kinds = InteractionKind.allCases.map {
            EvaluationPageFormat.Option(value: $0.rawValue, label: $0.label, selected: $0.rawValue == typed.kind)
        }
        self.departments = EvaluationPageFormat.departments(departments, selected: UUID(uuidString: typed.departmentID))
        self.typed = typed
        self.itemName = itemName
    }
}

/// One of the citizen's messages: what was asked, the answer, and the feedback form once answered.
struct EvaluationPageMessage {
    var layout: Layout
    var id: String
    var number: String
    var kind: String
    var source: String
    var subject: String
    var title: String
    var content: String
    var phone: String
    var state: String
    var stateKey: String
    var answerDue: String
    var createdAt: String
    var answer: String?
    var answeredAt: String?
    var lateness: String?
    var feedbackLevel: String?
    var feedbackComment: String?
    var canFeedback: Bool
    var levels: [EvaluationPageFormat.LevelChoice]
    var comment: String
    var notice: String?
    var error: DomainError?

    /// The page of `message`, with what a refused feedback form held.
    init(layout: Layout, message: Interaction, typed: [String: String] = [:]) {
        self.layout = layout
        id = message.id.uuidString
        number = message.number
        kind = message.kind.label
        source = message.source.label
        subject = Self.subject(message)
        title = message.title
        content = message.content
        phone = message.contactPhoneMasked
        state = message.state.label
        stateKey = message.state.rawValue
        answerDue = message.answerDue.description
        createdAt = CasePageFormat.time(message.createdAt)
        answer = message.answer
        answeredAt = CasePageFormat.time(message.answeredAt)
        lateness = message.answeredOnTime.map { $0 ? "按期答复" : "超期答复" }
        feedbackLevel = message.feedbackLevel?.label
        feedbackComment = CasePageFormat.nonEmpty(message.feedbackComment)
        canFeedback = message.state == .answered
        levels = EvaluationPageFormat.choices(
            field: "level", selected: typed["level"].flatMap(Int.init).flatMap(RatingLevel.init(rawValue:)))
        comment = EvaluationPageFormat.kept(typed["comment"], 500)
    }

    /// What a message is about: the item and its department, or the department.
    static func subject(_ message: Interaction) -> String {
        guard let item = message.itemName else { return message.departmentName }
        return "\(item)（\(message.departmentName)）"
    }
}
