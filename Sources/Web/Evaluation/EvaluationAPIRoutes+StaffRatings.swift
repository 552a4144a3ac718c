import Evaluation
import Foundation
import Hummingbird
import Kernel

extension EvaluationAPIRoutes {
    /// The departments' ratings and bad-review loop for staff: the ratings they answer for, a
    /// counter visit's code, the rectification queue and each step of a ticket (call-back, answer,
    /// the supervisor's appeal decision, the audited reveal of the contact).
    static func addStaffRatings(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let evaluation = dependencies.evaluation
        let clock = dependencies.clock

        router.get("/api/v1/staff/evaluation/ratings") { request, context in
            try await asStaff(request, context) { staff in
                let ratings = try await evaluation.ratings(
                    badOnly: try CaseAPIRequest.flag(request, "bad"), limit: try request.limit(default: 100), by: staff)
                let now = clock.now()
                return try uncached(Models.RatingList(items: ratings.map { Models.Rating($0, now: now) }))
            }
        }
        router.post("/api/v1/staff/cases/{id}/counter-rating") { request, context in
            try await asStaff(request, context) { staff in
                let caseID = try CaseAPIAccess.id(context)
                let body = try await request.decodeJSON(as: Models.CounterVisitRequest.self, context: context)
                let (rating, code) = try await evaluation.openCounterRating(
                    caseID: caseID, window: body.window, by: staff)
                return try uncached(Models.CounterVisit(rating: Models.Rating(rating, now: clock.now()), code: code))
            }
        }
        router.get("/api/v1/staff/evaluation/rectifications") { request, context in
            try await asStaff(request, context) { staff in
                let tickets = try await evaluation.rectifications(
                    state: try state(request, as: RectificationState.self), limit: try request.limit(default: 100),
                    by: staff)
                return try uncached(Models.RectificationList(items: tickets.map(Models.Rectification.init)))
            }
        }
        router.get("/api/v1/staff/evaluation/rectifications/{id}") { request, context in
            try await asStaff(request, context) { staff in
                try uncached(
                    Models.Rectification(try await evaluation.rectification(try id(context, "整改单"), by: staff)))
            }
        }
        router.get("/api/v1/staff/evaluation/rectifications/{id}/reminders") { request, context in
            try await asStaff(request, context) { staff in
                let ticket = try await evaluation.rectification(try id(context, "整改单"), by: staff)
                let reminders = try await evaluation.reminders(of: ticket.id, by: staff)
                return try uncached(Models.ReminderList(items: reminders.map(Models.Reminder.init)))
            }
        }
        router.post("/api/v1/staff/evaluation/rectifications/{id}/callback") { request, context in
            try await asStaff(request, context) { staff in
                let id = try id(context, "整改单")
                let body = try await request.decodeJSON(as: Models.CallbackRequest.self, context: context)
                let ticket = try await evaluation.callBack(
                    id, verified: body.verified, note: body.note, plan: body.plan, deadline: body.deadline, by: staff)
                return try uncached(Models.Rectification(ticket))
            }
        }
        router.post("/api/v1/staff/evaluation/rectifications/{id}/answer") { request, context in
            try await asStaff(request, context) { staff in
                let id = try id(context, "整改单")
                let body = try await request.decodeJSON(as: Models.AnswerTicketRequest.self, context: context)
                return try uncached(
                    Models.Rectification(try await evaluation.answer(id, feedback: body.feedback, by: staff)))
            }
        }
        router.post("/api/v1/staff/evaluation/rectifications/{id}/appeal-decision") { request, context in
            try await asStaff(request, context) { staff in
                let id = try id(context, "整改单")
                let body = try await request.decodeJSON(as: Models.AppealDecisionRequest.self, context: context)
                let ticket = try await evaluation.decideAppeal(id, upheld: body.upheld, note: body.note, by: staff)
                return try uncached(Models.Rectification(ticket))
            }
        }
        router.post("/api/v1/staff/evaluation/rectifications/{id}/contact") { request, context in
            try await asStaff(request, context) { staff in
                let contact = try await evaluation.revealContact(try id(context, "整改单"), by: staff)
                return try uncached(Models.Contact(name: contact.name, phone: contact.phone))
            }
        }
    }
}
