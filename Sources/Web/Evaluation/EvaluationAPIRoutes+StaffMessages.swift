import Evaluation
import Foundation
import Hummingbird
import Kernel

extension EvaluationAPIRoutes {
    /// The departments' messages, FAQs and demands for staff: the answer queue, recording a phone
    /// message, answering, publishing an answered consultation as an FAQ and withdrawing it, and
    /// responding to demands.
    static func addStaffMessages(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let evaluation = dependencies.evaluation

        router.get("/api/v1/staff/evaluation/messages") { request, context in
            try await asStaff(request, context) { staff in
                let messages = try await evaluation.messages(
                    state: try state(request, as: InteractionState.self), limit: try request.limit(default: 100),
                    by: staff)
                return try uncached(Models.MessageList(items: messages.map(Models.Message.init)))
            }
        }
        router.post("/api/v1/staff/evaluation/messages") { request, context in
            try await asStaff(request, context) { staff in
                let body = try await request.decodeJSON(as: Models.PhoneMessageRequest.self, context: context)
                let message = try await evaluation.record(body.domain, by: staff)
                var response = try uncached(Models.Message(message), status: .created)
                response.headers[.location] = "/api/v1/staff/evaluation/messages/\(message.id.uuidString)"
                return response
            }
        }
        router.get("/api/v1/staff/evaluation/messages/{id}") { request, context in
            try await asStaff(request, context) { staff in
                try uncached(Models.Message(try await evaluation.message(try id(context, "留言"), by: staff)))
            }
        }
        router.get("/api/v1/staff/evaluation/messages/{id}/reminders") { request, context in
            try await asStaff(request, context) { staff in
                let message = try await evaluation.message(try id(context, "留言"), by: staff)
                let reminders = try await evaluation.reminders(of: message.id, by: staff)
                return try uncached(Models.ReminderList(items: reminders.map(Models.Reminder.init)))
            }
        }
        router.post("/api/v1/staff/evaluation/messages/{id}/answer") { request, context in
            try await asStaff(request, context) { staff in
                let id = try id(context, "留言")
                let body = try await request.decodeJSON(as: Models.AnswerMessageRequest.self, context: context)
                return try uncached(Models.Message(try await evaluation.answer(message: id, body.answer, by: staff)))
            }
        }
        router.post("/api/v1/staff/evaluation/messages/{id}/faq") { request, context in
            try await asStaff(request, context) { staff in
                let id = try id(context, "留言")
                let body = try await request.decodeJSON(as: Models.FAQRequest.self, context: context)
                let entry = try await evaluation.publishFAQ(
                    from: id, question: body.question, answer: body.answer, by: staff)
                return try uncached(Models.FAQEntry(entry, forStaff: true), status: .created)
            }
        }
        router.delete("/api/v1/staff/evaluation/faq/{id}") { request, context in
            try await asStaff(request, context) { staff in
                try await evaluation.withdrawFAQ(try id(context, "常见问题"), by: staff)
                return Response(status: .noContent, headers: [.cacheControl: "no-store"])
            }
        }
        router.get("/api/v1/staff/evaluation/demands") { request, context in
            try await asStaff(request, context) { staff in
                let demands = try await evaluation.demands(limit: try request.limit(default: 100), by: staff)
                return try uncached(Models.DemandList(items: demands.map(Models.Demand.init)))
            }
        }
        router.post("/api/v1/staff/evaluation/demands/{id}/response") { request, context in
            try await asStaff(request, context) { staff in
                let id = try id(context, "诉求")
                let body = try await request.decodeJSON(as: Models.DemandResponseRequest.self, context: context)
                let demand = try await evaluation.respond(
                    toDemand: id, state: body.state, response: body.response, by: staff)
                return try uncached(Models.Demand(demand))
            }
        }
    }
}
