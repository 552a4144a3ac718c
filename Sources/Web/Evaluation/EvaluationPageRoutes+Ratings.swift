import Evaluation
import Foundation
import Hummingbird
import Identity
import Kernel

extension EvaluationPageRoutes {
    /// 我的评价 for a signed-in person: the open and given ratings, one rating's form, and after a
    /// bad review the rectification's progress with 确认 and 申诉.
    static func addRatings(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let renderer = dependencies.renderer
        let evaluation = dependencies.evaluation
        router.get("/me/ratings") { request, context in
            guard let session = context.session else { return CasePageRoutes.login(request.uri.path) }
            let citizen = EvaluationPageFormat.citizen(session, request, context)
            var page = EvaluationPageMyRatings(
                layout: renderer.layout("我的评价", request, context),
                ratings: try await evaluation.myRatings(citizen, limit: 200), now: dependencies.clock.now())
            page.notice = notice(request)
            return renderer.render("evaluation-my-ratings", page)
        }
        router.get("/me/ratings/{id}") { request, context in
            guard let session = context.session else { return CasePageRoutes.login(request.uri.path) }
            let citizen = EvaluationPageFormat.citizen(session, request, context)
            return try await ratingPage(
                try id(context, "评价"), citizen, request, context, dependencies, notice: notice(request))
        }
        router.post("/me/ratings/{id}") { request, context in
            guard let session = context.session else { return CasePageRoutes.login(request.uri.path) }
            let citizen = EvaluationPageFormat.citizen(session, request, context)
            let id = try id(context, "评价")
            let form = try await request.formFields(context)
            do {
                let rating = try await myRating(id, citizen, evaluation)
                let set = IndicatorSet.named(rating.indicatorSet) ?? .current(for: rating.channel)
                _ = try await evaluation.rate(id, try EvaluationPageFormat.submission(form, set: set), by: citizen)
                return CasePageRoutes.redirect("/me/ratings/\(id.uuidString)?done=rated")
            } catch let error as DomainError where error.kind != .notFound {
                return try await ratingPage(id, citizen, request, context, dependencies, error: error, typed: form)
            }
        }
        router.post("/me/ratings/{id}/accept") { request, context in
            guard let session = context.session else { return CasePageRoutes.login(request.uri.path) }
            let citizen = EvaluationPageFormat.citizen(session, request, context)
            let id = try id(context, "评价")
            do {
                _ = try await evaluation.accept(try await ticketID(ofRating: id, citizen, evaluation), by: citizen)
                return CasePageRoutes.redirect("/me/ratings/\(id.uuidString)?done=accepted")
            } catch let error as DomainError where error.kind != .notFound {
                return try await ratingPage(id, citizen, request, context, dependencies, error: error)
            }
        }
        router.post("/me/ratings/{id}/appeal") { request, context in
            guard let session = context.session else { return CasePageRoutes.login(request.uri.path) }
            let citizen = EvaluationPageFormat.citizen(session, request, context)
            let id = try id(context, "评价")
            let form = try await request.formFields(context)
            do {
                let ticket = try await ticketID(ofRating: id, citizen, evaluation)
                _ = try await evaluation.appeal(ticket, reason: form["reason"] ?? "", by: citizen)
                return CasePageRoutes.redirect("/me/ratings/\(id.uuidString)?done=appealed")
            } catch let error as DomainError where error.kind != .notFound {
                return try await ratingPage(id, citizen, request, context, dependencies, error: error, typed: form)
            }
        }
    }

    /// The citizen's rating `id`; someone else's reads as not found.
    static func myRating(_ id: UUID, _ citizen: Citizen, _ evaluation: EvaluationService) async throws -> Rating {
        try await evaluation.rating(id, by: citizen)
    }

    /// The ticket of the citizen's bad review `ratingID`.
    static func ticketID(ofRating ratingID: UUID, _ citizen: Citizen, _ evaluation: EvaluationService) async throws
        -> UUID
    {
        guard let ticket = try await evaluation.rectification(ofRating: ratingID, by: citizen) else {
            throw DomainError(
                .notFound, code: "evaluation.not-found", title: "整改单不存在", detail: "这条评价没有差评整改单，或您无权查看。")
        }
        return ticket.id
    }

    /// The page of rating `id`, with a notice or the error of a refused form and what it held.
    static func ratingPage(
        _ id: UUID, _ citizen: Citizen, _ request: Request, _ context: AppRequestContext,
        _ dependencies: WebDependencies, notice: String? = nil, error: DomainError? = nil,
        typed: [String: String] = [:]
    ) async throws -> Response {
        let evaluation = dependencies.evaluation
        let rating = try await myRating(id, citizen, evaluation)
        let ticket = rating.level?.isBad == true ? try await evaluation.rectification(ofRating: id, by: citizen) : nil
        var page = EvaluationPageRating(
            layout: dependencies.renderer.layout("评价：\(rating.itemName)", request, context), rating: rating,
            ticket: ticket, now: dependencies.clock.now(), today: CalendarDay.today(dependencies.clock), typed: typed)
        page.notice = notice
        page.error = error
        return dependencies.renderer.render("evaluation-rating", page, status: CasePageRoutes.status(error))
    }
}
