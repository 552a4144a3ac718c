import Evaluation
import Foundation
import Hummingbird
import Kernel

extension EvaluationAPIRoutes {
    /// What anyone may read without logging in: the scoreboard, the indicator sets, an item's FAQ
    /// and the demand summary; and the window's evaluation device, whose one-time code is its
    /// credential.
    static func addPublic(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let evaluation = dependencies.evaluation
        let clock = dependencies.clock

        router.get("/api/v1/evaluation/scoreboard") { request, context in
            try await answering(request, context) {
                let dimension = try dimension(request)
                let department = try department(request)
                let (from, to) = try period(request, today: CalendarDay.today(clock))
                let board = try await evaluation.scoreboard(dimension, from: from, to: to, departmentID: department)
                return try uncached(Models.Scoreboard(board, departmentID: department))
            }
        }
        router.get("/api/v1/evaluation/indicator-sets") { _, _ in
            var response = try JSONResponse.make(
                Models.IndicatorSetList(items: Evaluation.IndicatorSet.all.map(Models.IndicatorSet.init)))
            // The sets are versioned and never change once published.
            response.headers[.cacheControl] = "public, max-age=3600"
            return response
        }
        router.get("/api/v1/evaluation/items/{code}/faq") { request, context in
            let code = (context.parameters.get("code") ?? "").trimmingCharacters(in: .whitespaces)
            let entries = try await evaluation.faq(itemCode: code)
            return try uncached(Models.FAQList(items: entries.map { Models.FAQEntry($0, forStaff: false) }))
        }
        router.get("/api/v1/evaluation/demands/summary") { request, context in
            try await answering(request, context) {
                let department = try department(request)
                let (from, to) = try period(request, today: CalendarDay.today(clock))
                let groups = try await evaluation.demandGroups(from: from, to: to, departmentID: department)
                return try uncached(
                    Models.DemandSummary(from: from, to: to, items: groups.map(Models.DemandGroup.init)))
            }
        }
        router.get("/api/v1/evaluation/counter/{code}") { request, context in
            let rating = try await evaluation.counterRating(code: context.parameters.get("code") ?? "")
            return try uncached(Models.CounterRating(rating, now: clock.now()))
        }
        router.post("/api/v1/evaluation/counter/{code}") { request, context in
            let body = try await request.decodeJSON(as: Models.RatingRequest.self, context: context)
            let rating = try await evaluation.rate(
                counterCode: context.parameters.get("code") ?? "", body.domain, clientAddress: context.clientAddress)
            return try uncached(Models.CounterRating(rating, now: clock.now()))
        }
    }
}
