import Evaluation
import Foundation
import Hummingbird
import Kernel

extension EvaluationPageRoutes {
    /// The service window's evaluation device: the citizen rates a counter visit with its one-time
    /// code, without logging in. A used, replaced or unknown code is said in Chinese (404).
    static func addCounter(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let renderer = dependencies.renderer
        let evaluation = dependencies.evaluation
        router.get("/evaluation/counter/{code}") { request, context in
            let code = counterCode(context)
            let layout = renderer.layout("窗口服务评价", request, context)
            do {
                let rating = try await evaluation.counterRating(code: try checked(code))
                let page = EvaluationPageCounter(
                    layout: layout, code: code, rating: rating, now: dependencies.clock.now())
                return renderer.render("evaluation-counter", page)
            } catch let error as DomainError where error.kind == .notFound {
                return renderer.render(
                    "evaluation-counter", EvaluationPageCounter(layout: layout, code: code, unusable: error),
                    status: .notFound)
            }
        }
        router.post("/evaluation/counter/{code}") { request, context in
            let code = counterCode(context)
            let form = try await request.formFields(context)
            let layout = renderer.layout("窗口服务评价", request, context)
            let rating: Rating
            do {
                rating = try await evaluation.counterRating(code: try checked(code))
            } catch let error as DomainError where error.kind == .notFound {
                return renderer.render(
                    "evaluation-counter", EvaluationPageCounter(layout: layout, code: code, unusable: error),
                    status: .notFound)
            }
            do {
                let set = IndicatorSet.named(rating.indicatorSet) ?? .counterV1
                let submission = try EvaluationPageFormat.submission(form, set: set)
                let rated = try await evaluation.rate(
                    counterCode: code, submission, clientAddress: context.clientAddress)
                return renderer.render("evaluation-counter", EvaluationPageCounter(layout: layout, thanks: rated))
            } catch let error as DomainError where error.kind != .notFound {
                var page = EvaluationPageCounter(
                    layout: layout, code: code, rating: rating, now: dependencies.clock.now(), typed: form)
                page.error = error
                return renderer.render("evaluation-counter", page, status: CasePageRoutes.status(error))
            } catch let error as DomainError {
                return renderer.render(
                    "evaluation-counter", EvaluationPageCounter(layout: layout, code: code, unusable: error),
                    status: .notFound)
            }
        }
    }

    /// The `{code}` path parameter as the device's URL holds it, bounded.
    static func counterCode(_ context: AppRequestContext) -> String {
        String((context.parameters.get("code") ?? "").prefix(80))
    }

    /// `code` when it can be a counter code (base64url of 24 bytes), else the answer for an unknown
    /// code, without asking the database.
    static func checked(_ code: String) throws -> String {
        let allowed = code.utf8.allSatisfy { byte in
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 45
                || byte == 95
        }
        guard allowed, (16...64).contains(code.utf8.count) else {
            throw DomainError(
                .notFound, code: "evaluation.counter-code", title: "评价码无效",
                detail: "评价码不存在或已被新的评价码取代，请窗口工作人员重新生成。")
        }
        return code
    }
}
