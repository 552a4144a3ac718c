public import Foundation
import Identity
public import Kernel
public import Messaging
import SQLKit
public import Storage

extension EvaluationService {
    /// The job that checks a step is still open at a reminder's time and records the reminder.
    static let reminderJob = "evaluation.remind"
    /// The job that texts one staff member a recorded reminder.
    static let reminderTextJob = "evaluation.remind-staff"
    /// Reminders go out at 09:00 in Shanghai, inside office hours and outside SMS quiet hours.
    static let reminderHour = 9

    /// Publishes, on the command's transaction, that `step` of `subjectID` is due on `due`.
    func deadlineStarted(_ step: DeadlineStep, of subjectID: UUID, due: CalendarDay, tx: Transaction) async throws {
        try await tx.publish(
            try DomainEvent(
                type: DeadlineStarted.eventType, aggregateType: step.subjectType,
                aggregateID: subjectID.uuidString,
                value: DeadlineStarted(subjectID: subjectID, step: step, dueDay: due.dayNumber), occurredAt: clock.now()
            ))
    }

    /// When the reminders of a deadline go out: 临期提醒 at 09:00 on the last working day before
    /// it, 逾期督办 at 09:00 on the first working day after it. A due-soon time already past is
    /// dropped: the step started too close to its deadline for a warning to help.
    public func reminderTimes(due: CalendarDay, now: Date) throws -> [(stage: ReminderStage, at: Date)] {
        var before = due.adding(days: -1)
        while !(try calendar.isWorkday(before)) { before = before.adding(days: -1) }
        let after = try calendar.firstWorkday(onOrAfter: due.adding(days: 1))
        let hour = TimeInterval(Self.reminderHour * 3600)
        let soon = before.startDate.addingTimeInterval(hour)
        let overdue = after.startDate.addingTimeInterval(hour)
        return (soon > now ? [(ReminderStage.dueSoon, soon)] : []) + [(.overdue, max(overdue, now))]
    }

    /// The subscriber that queues a deadline's two reminder jobs; each checks again when it runs,
    /// so a step done in time, or a deadline moved, sends nothing.
    public func reminderSubscriber(jobs: JobQueue) -> EventSubscriber {
        EventSubscriber(name: "evaluation.schedule-reminders", eventTypes: [DeadlineStarted.eventType]) { event, tx in
            let started = try event.decode(DeadlineStarted.self)
            let due = CalendarDay(dayNumber: started.dueDay)
            for (stage, time) in try reminderTimes(due: due, now: clock.now()) {
                _ = try await jobs.enqueue(
                    kind: Self.reminderJob,
                    payload: ReminderJob(
                        subjectID: started.subjectID, step: started.step, dueDay: started.dueDay, stage: stage),
                    runAt: time, in: tx)
            }
        }
    }

    /// The handlers of the two reminder jobs.
    public func reminderHandlers(jobs: JobQueue, messaging: MessagingService) -> [JobHandler] {
        [
            JobHandler(kind: Self.reminderJob) { job in try await remind(try job.decode(ReminderJob.self), jobs: jobs)
            },
            JobHandler(kind: Self.reminderTextJob) { job in
                try await text(try job.decode(ReminderTextJob.self), messaging: messaging)
            },
        ]
    }

    /// Records the reminder if its step is still open with the same deadline, and queues a text to
    /// each staff member to remind: the department's responders, and for an overdue step also the
    /// service supervisors. Audited as the system's act.
    func remind(_ job: ReminderJob, jobs: JobQueue) async throws {
        let now = clock.now()
        try await database.transaction { tx in
            guard let department = try await openStep(job, sql: tx.sql) else { return }
            let sent = try await tx.sql.raw(
                """
                SELECT id FROM eva_reminders WHERE subject_id = \(bind: job.subjectID) AND step = \(bind: job.step.rawValue)
                    AND due_day = \(bind: job.dueDay) AND stage = \(bind: job.stage.rawValue)
                """
            ).first()
            guard sent == nil else { return }
            var recipients = try await organisation.staffToRemind(
                .evaluationRespond, department: department, includingAll: false, sql: tx.sql)
            if job.stage == .overdue {
                let supervisors = try await organisation.staffToRemind(
                    .evaluationSupervise, department: department, includingAll: true, sql: tx.sql)
                recipients += supervisors.filter { !recipients.contains($0) }
            }
            let id = UUID()
            try await tx.sql.raw(
                """
                INSERT INTO eva_reminders (id, subject_id, step, due_day, stage, department_id, recipients, sent_at)
                VALUES (\(bind: id), \(bind: job.subjectID), \(bind: job.step.rawValue), \(bind: job.dueDay),
                    \(bind: job.stage.rawValue), \(bind: department), \(bind: recipients.count), \(bind: now))
                """
            ).run()
            try await audit.append(
                Actor.system.entry(
                    action: "evaluation.reminded", objectType: job.step.subjectType,
                    objectID: job.subjectID.uuidString,
                    changeDigest: "\(job.stage.rawValue)/\(job.step.rawValue)/\(CalendarDay(dayNumber: job.dueDay))"),
                in: tx)
            for staffID in recipients {
                _ = try await jobs.enqueue(
                    kind: Self.reminderTextJob, payload: ReminderTextJob(reminderID: id, staffID: staffID), in: tx)
            }
        }
    }

    /// The department of the job's step while it is still open with the job's deadline, else nil.
    func openStep(_ job: ReminderJob, sql: any SQLDatabase) async throws -> UUID? {
        let query: SQLQueryString =
            switch job.step {
            case .callback:
                """
                SELECT department_id FROM eva_rectifications WHERE id = \(bind: job.subjectID)
                    AND state = \(bind: RectificationState.awaitingCallback.rawValue) AND callback_due = \(bind: job.dueDay)
                """
            case .rectify:
                """
                SELECT department_id FROM eva_rectifications WHERE id = \(bind: job.subjectID)
                    AND state = \(bind: RectificationState.rectifying.rawValue) AND rectify_due = \(bind: job.dueDay)
                """
            case .answer:
                """
                SELECT department_id FROM eva_interactions WHERE id = \(bind: job.subjectID)
                    AND state = \(bind: InteractionState.open.rawValue) AND answer_due = \(bind: job.dueDay)
                """
            }
        return try await sql.raw(query).first()?.decode(column: "department_id", as: UUID.self)
    }

    /// Texts one staff member a recorded reminder, if they are still active. The text names the
    /// item or the message number, never the citizen.
    func text(_ job: ReminderTextJob, messaging: MessagingService) async throws {
        guard let reminder = try await reminderText(job.reminderID),
            let phone = try await organisation.activeStaffPhone(job.staffID)
        else { return }
        _ = try await messaging.send(
            SendMessage(
                channel: .sms, recipient: phone, template: "platform.notice",
                parameters: ["title": reminder.title, "content": reminder.content]), by: .system)
    }
}

/// A queued reminder of one stage of one deadline.
struct ReminderJob: Codable, Sendable {
    var subjectID: UUID
    var step: DeadlineStep
    var dueDay: Int
    var stage: ReminderStage
}

/// A queued text of a recorded reminder to one staff member; the phone is looked up when it is
/// sent, so no phone number rests in the job table.
struct ReminderTextJob: Codable, Sendable {
    var reminderID: UUID
    var staffID: UUID
}
