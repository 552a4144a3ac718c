public import Foundation
public import Kernel

/// A consultation, complaint or suggestion (咨询 / 投诉 / 建议) and its answer.
public struct Interaction: Sendable, Equatable, Codable {
    /// The ticket.
    public var id: UUID
    /// Its number, such as `ZX2026120100042`.
    public var number: String
    /// The kind.
    public var kind: InteractionKind
    /// How it came in.
    public var source: InteractionSource
    /// The item it is about, if any (otherwise the department as a whole).
    public var itemCode: String?
    /// The item's name.
    public var itemName: String?
    /// The department that must answer.
    public var departmentID: UUID
    /// Its name.
    public var departmentName: String
    /// The title.
    public var title: String
    /// The message.
    public var content: String
    /// The masked contact name and phone.
    public var contactNameMasked: String
    /// The masked phone.
    public var contactPhoneMasked: String
    /// The state.
    public var state: InteractionState
    /// The last working day for the answer.
    public var answerDue: CalendarDay
    /// The answer.
    public var answer: String?
    /// When it was answered, and whether by the due day.
    public var answeredAt: Date?
    /// Whether the answer came by `answerDue`.
    public var answeredOnTime: Bool?
    /// The citizen's rating of the answer and their comment.
    public var feedbackLevel: RatingLevel?
    /// The feedback comment.
    public var feedbackComment: String?
    /// The FAQ entry made from it.
    public var faqID: UUID?
    /// When it was received.
    public var createdAt: Date
}
