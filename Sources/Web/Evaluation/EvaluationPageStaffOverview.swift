import Evaluation
import Foundation
import Kernel

/// The view model of 好差评工作台 (`/staff/evaluation`): the figures of the departments the staff
/// member answers for or supervises, the bad-review tickets by state with their due days, the
/// open messages by due day and the demands waiting for a response.
struct EvaluationPageStaffOverview {
    /// One ticket of a queue.
    struct TicketRow {
        var id: String
        var href: String
        var itemName: String
        var department: String
        var level: String
        var levelCSS: String
        var comment: String?
        var dueLabel: String?
        var due: String?
        var badge: CasePageFormat.Badge?
        var openedAt: String
    }

    /// The tickets in one state.
    struct Queue {
        var id: String
        var state: String
        var count: Int
        var rows: [TicketRow]
    }

    /// One open message.
    struct MessageRow {
        var href: String
        var number: String
        var kind: String
        var source: String
        var title: String
        var subject: String
        var due: String
        var badge: CasePageFormat.Badge
    }

    var layout: Layout
    var from: String
    var to: String
    var levelNames = EvaluationPageScoreboard.levelNames
    var tallies: [EvaluationPageScoreboard.Row]
    var overall: EvaluationPageScoreboard.Row?
    var hasTallies: Bool
    var queues: [Queue]
    var hasTickets: Bool
    var closedCount: Int
    /// Open tickets past the day staff must act by; nil when none, so the page shows no mark.
    var overdueCount: Int?
    var messages: [MessageRow]
    var demandsOpen: Int
    var demandsTotal: Int
    var isSupervisor: Bool
    var error: DomainError?

    /// The overview on `today` of `lines` (the staff member's departments), `tickets`, open
    /// `messages` and `demands`.
    init(
        layout: Layout, from: String, to: String, lines: [ScoreboardLine], tickets: [Rectification],
        messages: [Interaction], demands: [Demand], isSupervisor: Bool, today: CalendarDay
    ) {
        self.layout = layout
        self.from = from
        self.to = to
        tallies = lines.map { EvaluationPageScoreboard.row($0.name, department: nil, $0.tally) }
        overall =
            lines.count > 1
            ? EvaluationPageScoreboard.row("合计", department: nil, lines.reduce(ScoreTally()) { $0 + $1.tally }) : nil
        hasTallies = !lines.isEmpty
        let open = RectificationState.allCases.filter { $0 != .closed }
        queues = open.compactMap { state in
            let rows = tickets.filter { $0.state == state }.map { Self.ticketRow($0, today: today) }
            guard !rows.isEmpty else { return nil }
            return Queue(id: "queue-\(state.rawValue)", state: state.label, count: rows.count, rows: rows)
        }
        hasTickets = !queues.isEmpty
        closedCount = tickets.filter { $0.state == .closed }.count
        let openRows = queues.flatMap(\.rows)
        let overdue = openRows.filter { $0.badge?.css.contains("overdue") ?? false }.count
        overdueCount = overdue > 0 ? overdue : nil
        self.messages = messages.filter { $0.state == .open }.sorted {
            ($0.answerDue, $0.number) < ($1.answerDue, $1.number)
        }
        .map { message in
            MessageRow(
                href: "/staff/evaluation/messages/\(message.id.uuidString)", number: message.number,
                kind: message.kind.label, source: message.source.label, title: message.title,
                subject: EvaluationPageMessage.subject(message), due: message.answerDue.description,
                badge: EvaluationPageFormat.due(message.answerDue, today: today))
        }
        demandsOpen = demands.filter { $0.state == .open }.count
        demandsTotal = demands.count
        self.isSupervisor = isSupervisor
    }

    /// The day staff must act by on `ticket`, and what it is for; nil while the citizen or a
    /// supervisor has the next step.
    static func staffDue(_ ticket: Rectification) -> (String, CalendarDay)? {
        switch ticket.state {
        case .awaitingCallback: ("回访期限", ticket.callbackDue)
        case .rectifying: ticket.rectifyDue.map { ("整改期限", $0) }
        default: nil
        }
    }

    /// A queue line of `ticket`, marked overdue against `today`.
    static func ticketRow(_ ticket: Rectification, today: CalendarDay) -> TicketRow {
        let due = staffDue(ticket)
        return TicketRow(
            id: ticket.id.uuidString, href: "/staff/evaluation/rectifications/\(ticket.id.uuidString)",
            itemName: ticket.itemName, department: ticket.departmentName, level: ticket.level.label,
            levelCSS: "eva-level lvl-\(ticket.level.rawValue)",
            comment: CasePageFormat.nonEmpty(ticket.comment), dueLabel: due?.0, due: due?.1.description,
            badge: due.map { EvaluationPageFormat.due($0.1, today: today) },
            openedAt: CasePageFormat.time(ticket.openedAt))
    }
}
