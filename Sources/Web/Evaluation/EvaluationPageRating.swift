import Evaluation
import Foundation
import Kernel

/// The view model of one of the citizen's ratings (`/me/ratings/{id}`): the form while it is open
/// (the channel's indicators, five levels each, a comment); once given, what was given; after a
/// bad review, the rectification's progress with the accept and appeal forms while they apply.
struct EvaluationPageRating {
    /// One indicator as it was rated.
    struct Score {
        var label: String
        var level: String
    }

    /// Where the rectification of a bad review stands.
    struct Progress {
        var state: String
        var stateKey: String
        var steps: [EvaluationPageTicketSteps.Step]
        var canAccept: Bool
        var canAppeal: Bool
        var appealDue: String?
        /// The supervisor's decision, once taken.
        var decision: String?
    }

    var layout: Layout
    var id: String
    var itemName: String
    var department: String
    var channel: String
    var caseNumber: String?
    var window: String?
    var closesAt: String
    var timeLeft: String?
    var isOpen: Bool
    /// The window passed without a rating.
    var lapsed: Bool
    var fields: [EvaluationPageFormat.IndicatorField] = []
    var comment = ""
    var givenLevel: String?
    var givenLevelCSS: String?
    var scores: [Score] = []
    var givenComment: String?
    var ratedAt: String?
    var progress: Progress?
    var appealReason = ""
    var notice: String?
    var error: DomainError?

    /// The page of `rating` at `now` (on `today`), with its `ticket` if a bad review opened one and
    /// what a refused form held.
    init(
        layout: Layout, rating: Rating, ticket: Rectification?, now: Date, today: CalendarDay,
        typed: [String: String] = [:]
    ) {
        self.layout = layout
        id = rating.id.uuidString
        itemName = rating.itemName
        department = rating.departmentName
        channel = rating.channel.label
        caseNumber = rating.caseNumber.map(CasePageFormat.grouped)
        window = rating.serviceWindow
        closesAt = CasePageFormat.time(rating.closesAt)
        isOpen = rating.isOpen(at: now)
        lapsed = rating.level == nil && !isOpen
        timeLeft = isOpen ? EvaluationPageFormat.timeLeft(until: rating.closesAt, now: now) : nil
        let set = IndicatorSet.named(rating.indicatorSet) ?? .current(for: rating.channel)
        if isOpen {
            fields = EvaluationPageFormat.fields(set, typed: typed)
            comment = EvaluationPageFormat.kept(typed["comment"], 500)
        }
        givenLevel = rating.level?.label
        givenLevelCSS = rating.level.map { "eva-level lvl-\($0.rawValue)" }
        if rating.level != nil {
            scores = set.indicators.filter { $0.key != "overall" }.compactMap { indicator in
                rating.scores[indicator.key].map { Score(label: indicator.label, level: $0.label) }
            }
        }
        givenComment = CasePageFormat.nonEmpty(rating.comment)
        ratedAt = CasePageFormat.time(rating.ratedAt)
        appealReason = EvaluationPageFormat.kept(typed["reason"], 1000)
        progress = ticket.map { ticket in
            let appealOpen = ticket.appealDue.map { today <= $0 } ?? false
            return Progress(
                state: ticket.state.label, stateKey: ticket.state.rawValue,
                steps: EvaluationPageTicketSteps.steps(ticket, staffView: false),
                canAccept: ticket.state == .answered, canAppeal: ticket.state == .answered && appealOpen,
                appealDue: ticket.state == .answered ? ticket.appealDue?.description : nil,
                decision: ticket.appealUpheld.map { $0 ? "申诉成立" : "申诉不成立" })
        }
    }
}
