import Evaluation
import Foundation
import Hummingbird
import Kernel

extension EvaluationAPIRoutes {
    /// The person's own ratings under /api/v1/me: rating a concluded case, following the bad
    /// review's rectification, accepting its answer or appealing it. Someone else's rating or
    /// ticket is not found.
    static func addCitizenRatings(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let evaluation = dependencies.evaluation
        let clock = dependencies.clock

        router.get("/api/v1/me/ratings") { request, context in
            try await asCitizen(request, context, dependencies) { citizen in
                let ratings = try await evaluation.myRatings(citizen, limit: try request.limit(default: 50))
                let now = clock.now()
                return try uncached(Models.RatingList(items: ratings.map { Models.Rating($0, now: now) }))
            }
        }
        router.post("/api/v1/me/ratings/{id}") { request, context in
            try await asCitizen(request, context, dependencies) { citizen in
                let id = try id(context, "评价")
                let body = try await request.decodeJSON(as: Models.RatingRequest.self, context: context)
                let rating = try await evaluation.rate(id, body.domain, by: citizen)
                return try uncached(Models.Rating(rating, now: clock.now()))
            }
        }
        router.get("/api/v1/me/ratings/{id}/rectification") { request, context in
            try await asCitizen(request, context, dependencies) { citizen in
                guard let ticket = try await evaluation.rectification(ofRating: try id(context, "整改单"), by: citizen)
                else {
                    throw DomainError(
                        .notFound, code: "evaluation.not-found", title: "整改单不存在",
                        detail: "这条评价没有整改单：只有“不满意”或“非常不满意”的评价才会转部门整改，或您无权查看。")
                }
                return try uncached(Models.Rectification(ticket))
            }
        }
        router.post("/api/v1/me/rectifications/{id}/accept") { request, context in
            try await asCitizen(request, context, dependencies) { citizen in
                let ticket = try await evaluation.accept(try id(context, "整改单"), by: citizen)
                return try uncached(Models.Rectification(ticket))
            }
        }
        router.post("/api/v1/me/rectifications/{id}/appeal") { request, context in
            try await asCitizen(request, context, dependencies) { citizen in
                let id = try id(context, "整改单")
                let body = try await request.decodeJSON(as: Models.AppealRequest.self, context: context)
                return try uncached(
                    Models.Rectification(try await evaluation.appeal(id, reason: body.reason, by: citizen)))
            }
        }
    }
}
