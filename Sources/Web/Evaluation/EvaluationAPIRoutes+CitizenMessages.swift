import Evaluation
import Foundation
import Hummingbird
import Kernel

extension EvaluationAPIRoutes {
    /// The person's consultations, complaints and suggestions (政民互动) and demands (办事诉求)
    /// under /api/v1/me. Someone else's message is not found.
    static func addCitizenMessages(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let evaluation = dependencies.evaluation

        router.get("/api/v1/me/messages") { request, context in
            try await asCitizen(request, context, dependencies) { citizen in
                let messages = try await evaluation.myMessages(citizen, limit: try request.limit(default: 50))
                return try uncached(Models.MessageList(items: messages.map(Models.Message.init)))
            }
        }
        router.post("/api/v1/me/messages") { request, context in
            try await asCitizen(request, context, dependencies) { citizen in
                let body = try await request.decodeJSON(as: Models.MessageRequest.self, context: context)
                let message = try await evaluation.submit(body.domain, by: citizen)
                var response = try uncached(Models.Message(message), status: .created)
                response.headers[.location] = "/api/v1/me/messages/\(message.id.uuidString)"
                return response
            }
        }
        router.get("/api/v1/me/messages/{id}") { request, context in
            try await asCitizen(request, context, dependencies) { citizen in
                try uncached(Models.Message(try await evaluation.message(try id(context, "留言"), by: citizen)))
            }
        }
        router.post("/api/v1/me/messages/{id}/feedback") { request, context in
            try await asCitizen(request, context, dependencies) { citizen in
                let id = try id(context, "留言")
                let body = try await request.decodeJSON(as: Models.FeedbackRequest.self, context: context)
                let message = try await evaluation.feedback(
                    message: id, level: body.level, comment: body.comment, by: citizen)
                return try uncached(Models.Message(message))
            }
        }
        router.get("/api/v1/me/demands") { request, context in
            try await asCitizen(request, context, dependencies) { citizen in
                let demands = try await evaluation.myDemands(citizen, limit: try request.limit(default: 50))
                return try uncached(Models.DemandList(items: demands.map(Models.Demand.init)))
            }
        }
        router.post("/api/v1/me/demands") { request, context in
            try await asCitizen(request, context, dependencies) { citizen in
                let body = try await request.decodeJSON(as: Models.DemandRequest.self, context: context)
                let demand = try await evaluation.submitDemand(
                    theme: body.theme, itemCode: body.itemCode, departmentID: body.departmentId, content: body.content,
                    by: citizen)
                return try uncached(Models.Demand(demand), status: .created)
            }
        }
    }
}
