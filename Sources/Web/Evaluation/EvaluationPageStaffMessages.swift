import Evaluation
import Foundation
import Identity
import Kernel

/// The view model of 留言办理 for staff (`/staff/evaluation/messages`): the messages of their
/// departments by state, open ones first by due day, and for supervisors the form that records a
/// message taken on the phone (热线).
struct EvaluationPageStaffMessages {
    /// One message of the list.
    struct Row {
        var href: String
        var number: String
        var kind: String
        var source: String
        var title: String
        var subject: String
        var state: String
        var due: String
        var badge: CasePageFormat.Badge?
        var createdAt: String
    }

    /// What the phone-record form held.
    struct Typed {
        var message = EvaluationPageNewMessage.Typed()
        var contactName = ""
    }

    var layout: Layout
    var filters: [EvaluationPageFormat.Option]
    var rows: [Row]
    var canRecord: Bool
    var kinds: [EvaluationPageFormat.Option]
    var departments: [EvaluationPageFormat.Option]
    var typed: Typed
    var error: DomainError?

    /// The list of `messages` under the `state` filter, on `today`.
    init(
        layout: Layout, messages: [Interaction], state: InteractionState?, canRecord: Bool, departments: [Department],
        today: CalendarDay, typed: Typed = Typed()
    ) {
        self.layout = layout
        filters =
            [EvaluationPageFormat.Option(value: "", label: "全部", selected: state == nil)]
            + InteractionState.allCases.map {
                EvaluationPageFormat.Option(value: $0.rawValue, label: $0.label, selected: $0 == state)
            }
        rows = messages.map { message in
            Row(
                href: "/staff/evaluation/messages/\(message.id.uuidString)", number: message.number,
                kind: message.kind.label, source: message.source.label, title: message.title,
                subject: EvaluationPageMessage.subject(message), state: message.state.label,
                due: message.answerDue.description,
                badge: message.state == .open ? EvaluationPageFormat.due(message.answerDue, today: today) : nil,
                createdAt: CasePageFormat.time(message.createdAt))
        }
        self.canRecord = canRecord
        kinds = InteractionKind.allCases.map {
            EvaluationPageFormat.Option(
                value: $0.rawValue, label: $0.label, selected: $0.rawValue == typed.message.kind)
        }
        self.departments = EvaluationPageFormat.departments(
            departments, selected: UUID(uuidString: typed.message.departmentID))
        self.typed = typed
    }
}

/// One message for staff (`/staff/evaluation/messages/{id}`): the answer form while open, and for
/// an answered consultation about an item, 转为常见问题 with the question and answer editable.
struct EvaluationPageStaffMessage {
    var layout: Layout
    var message: EvaluationPageMessage
    var badge: CasePageFormat.Badge?
    var canAnswer: Bool
    var canPublish: Bool
    var faqPublished: Bool
    var answerText: String
    var question: String
    var faqAnswer: String
    var itemCode: String?
    var notice: String?
    var error: DomainError?
    /// The 临期提醒 and 逾期督办 sent about the answer's deadline.
    var reminders: [EvaluationPageReminderLine] = []

    /// The page of `interaction` for staff holding `permissions`, on `today`; `typed` is what a
    /// refused form held.
    init(
        layout: Layout, interaction: Interaction, permissions: Set<Permission>, today: CalendarDay,
        typed: [String: String] = [:]
    ) {
        self.layout = layout
        message = EvaluationPageMessage(layout: layout, message: interaction)
        badge = interaction.state == .open ? EvaluationPageFormat.due(interaction.answerDue, today: today) : nil
        let handles = !permissions.isDisjoint(with: [.evaluationRespond, .evaluationSupervise])
        canAnswer = handles && interaction.state == .open
        faqPublished = interaction.faqID != nil
        canPublish =
            handles && interaction.kind == .consultation && interaction.itemCode != nil && interaction.state != .open
            && !faqPublished
        answerText = EvaluationPageFormat.kept(typed["answer"], 2000)
        // Staff start from the citizen's words and reword them so nothing personal is published.
        question = typed["question"].map { EvaluationPageFormat.kept($0, 200) } ?? interaction.content
        faqAnswer = typed["faqAnswer"].map { EvaluationPageFormat.kept($0, 2000) } ?? (interaction.answer ?? "")
        itemCode = interaction.itemCode
    }
}
