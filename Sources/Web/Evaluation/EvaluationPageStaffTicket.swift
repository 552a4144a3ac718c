import Evaluation
import Foundation
import Identity
import Kernel

/// The view model of one rectification ticket for staff
/// (`/staff/evaluation/rectifications/{id}`): the bad review, its deadlines with overdue marks,
/// the timeline, and the form of the next step only (call-back, feedback, or the supervisor's
/// review), with 查看联系方式 showing the contact once after an audited reveal.
struct EvaluationPageStaffTicket {
    /// What the forms held when one was refused.
    struct Typed {
        var verified = ""
        var note = ""
        var plan = ""
        var deadline = ""
        var feedback = ""
        var upheld = ""
        var reviewNote = ""

        /// What `form` held, bounded.
        init(_ form: [String: String] = [:]) {
            verified = EvaluationPageFormat.kept(form["verified"], 3)
            note = EvaluationPageFormat.kept(form["note"], 1000)
            plan = EvaluationPageFormat.kept(form["plan"], 1000)
            deadline = EvaluationPageFormat.kept(form["deadline"], 10)
            feedback = EvaluationPageFormat.kept(form["feedback"], 1000)
            upheld = EvaluationPageFormat.kept(form["upheld"], 3)
            reviewNote = EvaluationPageFormat.kept(form["reviewNote"], 1000)
        }

        var verifiedYes: Bool { verified == "yes" }
        var verifiedNo: Bool { verified == "no" }
        var upheldYes: Bool { upheld == "yes" }
        var upheldNo: Bool { upheld == "no" }
    }

    /// The contact revealed for the call-back.
    struct Contact {
        var name: String
        var phone: String
    }

    var layout: Layout
    var id: String
    var ratingID: String
    var itemName: String
    var department: String
    var caseNumber: String?
    var level: String
    var levelCSS: String
    var comment: String?
    var state: String
    var stateKey: String
    var phoneMasked: String
    var callbackDue: String
    var rectifyDue: String?
    var appealDue: String?
    var dueLabel: String?
    var badge: CasePageFormat.Badge?
    var steps: [EvaluationPageTicketSteps.Step]
    var canCallBack: Bool
    var canAnswer: Bool
    var answerHint: String
    var canDecide: Bool
    var canReveal: Bool
    /// The 临期提醒 and 逾期督办 sent about the ticket's deadlines.
    var reminders: [EvaluationPageReminderLine] = []
    var deadlineHint: String
    var today: String
    var revealed: Contact?
    var typed: Typed
    var verifiedYes: Bool
    var verifiedNo: Bool
    var upheldYes: Bool
    var upheldNo: Bool
    var notice: String?
    var error: DomainError?

    /// The page of `ticket` for staff holding `permissions`, on `today`.
    init(
        layout: Layout, ticket: Rectification, permissions: Set<Permission>, today: CalendarDay,
        rectificationWorkdays: Int, typed: Typed = Typed()
    ) {
        self.layout = layout
        id = ticket.id.uuidString
        ratingID = ticket.ratingID.uuidString
        itemName = ticket.itemName
        department = ticket.departmentName
        caseNumber = ticket.caseNumber.map(CasePageFormat.grouped)
        level = ticket.level.label
        levelCSS = "eva-level lvl-\(ticket.level.rawValue)"
        comment = CasePageFormat.nonEmpty(ticket.comment)
        state = ticket.state.label
        stateKey = ticket.state.rawValue
        phoneMasked = ticket.contactPhoneMasked
        callbackDue = ticket.callbackDue.description
        rectifyDue = ticket.rectifyDue?.description
        appealDue = ticket.appealDue?.description
        let due = EvaluationPageStaffOverview.staffDue(ticket)
        dueLabel = due?.0
        badge = due.map { EvaluationPageFormat.due($0.1, today: today) }
        steps = EvaluationPageTicketSteps.steps(ticket, staffView: true)
        let handles = !permissions.isDisjoint(with: [.evaluationRespond, .evaluationSupervise])
        canCallBack = handles && ticket.state == .awaitingCallback
        canAnswer = handles && (ticket.state == .rectifying || ticket.state == .explaining)
        answerHint =
            ticket.state == .rectifying
            ? "整改完成后，将整改结果反馈群众；在整改期限内反馈计为按期整改。" : "核实反映的问题不属实，请向群众解释说明核实情况。"
        canDecide = permissions.contains(.evaluationSupervise) && ticket.state == .appealed
        canReveal = handles && ticket.state != .closed
        deadlineHint = "留空则为最长期限：今天起\(rectificationWorkdays)个工作日。"
        self.today = today.description
        self.typed = typed
        verifiedYes = typed.verifiedYes
        verifiedNo = typed.verifiedNo
        upheldYes = typed.upheldYes
        upheldNo = typed.upheldNo
    }
}
