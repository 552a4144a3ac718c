import Evaluation
import Foundation
import Hummingbird
import Identity
import Kernel

extension EvaluationPageRoutes {
    /// 我的留言 for a signed-in person: the list, a new consultation, complaint or suggestion, one
    /// message with its answer, and the feedback on the answer.
    static func addMessages(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let renderer = dependencies.renderer
        let evaluation = dependencies.evaluation
        router.get("/me/messages") { request, context in
            guard let session = context.session else { return CasePageRoutes.login(request.uri.path) }
            let citizen = EvaluationPageFormat.citizen(session, request, context)
            var page = EvaluationPageMyMessages(
                layout: renderer.layout("我的留言", request, context),
                messages: try await evaluation.myMessages(citizen, limit: 200))
            page.notice = notice(request)
            return renderer.render("evaluation-my-messages", page)
        }
        router.get("/me/messages/new") { request, context in
            guard context.session != nil else { return CasePageRoutes.login(request.uri.path) }
            var typed = EvaluationPageNewMessage.Typed()
            let query = request.uri.queryParameters
            typed.itemCode = EvaluationPageFormat.kept(value(query["item"].map(String.init)), 64)
            if let kind = query["kind"].flatMap({ InteractionKind(rawValue: String($0)) }) {
                typed.kind = kind.rawValue
            }
            let itemName =
                typed.itemCode.isEmpty
                ? nil : try? await dependencies.catalog.publishedItem(code: typed.itemCode).guide.name
            let page = EvaluationPageNewMessage(
                layout: renderer.layout("我要留言", request, context),
                departments: try await dependencies.organisation.publicDepartments(), typed: typed, itemName: itemName)
            return renderer.render("evaluation-message-new", page)
        }
        router.post("/me/messages/new") { request, context in
            guard let session = context.session else { return CasePageRoutes.login(request.uri.path) }
            let citizen = EvaluationPageFormat.citizen(session, request, context)
            let form = try await request.formFields(context)
            let typed = newMessageTyped(form)
            do {
                let message = try newInteraction(typed, contactName: nil)
                let sent = try await evaluation.submit(message, by: citizen)
                return CasePageRoutes.redirect("/me/messages/\(sent.id.uuidString)?done=sent")
            } catch let error as DomainError where error.kind != .unauthenticated && error.kind != .forbidden {
                var page = EvaluationPageNewMessage(
                    layout: renderer.layout("我要留言", request, context),
                    departments: try await dependencies.organisation.publicDepartments(), typed: typed)
                page.error = error
                return renderer.render("evaluation-message-new", page, status: CasePageRoutes.status(error))
            }
        }
        router.get("/me/messages/{id}") { request, context in
            guard let session = context.session else { return CasePageRoutes.login(request.uri.path) }
            let citizen = EvaluationPageFormat.citizen(session, request, context)
            var page = EvaluationPageMessage(
                layout: renderer.layout("我的留言", request, context),
                message: try await evaluation.message(try id(context, "留言"), by: citizen))
            page.notice = notice(request)
            return renderer.render("evaluation-message", page)
        }
        router.post("/me/messages/{id}/feedback") { request, context in
            guard let session = context.session else { return CasePageRoutes.login(request.uri.path) }
            let citizen = EvaluationPageFormat.citizen(session, request, context)
            let id = try id(context, "留言")
            let form = try await request.formFields(context)
            do {
                guard let level = form["level"].flatMap(Int.init).flatMap(RatingLevel.init(rawValue:)) else {
                    throw DomainError(
                        .invalid, code: "evaluation.level-missing", title: "请选择评价等级", detail: "请选择您对答复的满意程度，再提交。")
                }
                _ = try await evaluation.feedback(message: id, level: level, comment: form["comment"], by: citizen)
                return CasePageRoutes.redirect("/me/messages/\(id.uuidString)?done=feedback")
            } catch let error as DomainError where error.kind != .notFound {
                var page = EvaluationPageMessage(
                    layout: renderer.layout("我的留言", request, context),
                    message: try await evaluation.message(id, by: citizen), typed: form)
                page.error = error
                return renderer.render("evaluation-message", page, status: CasePageRoutes.status(error))
            }
        }
    }

    /// What a message form held, bounded.
    static func newMessageTyped(_ form: [String: String]) -> EvaluationPageNewMessage.Typed {
        var typed = EvaluationPageNewMessage.Typed()
        typed.kind = EvaluationPageFormat.kept(form["kind"], 20)
        typed.itemCode = EvaluationPageFormat.kept(value(form["itemCode"]), 64)
        typed.departmentID = EvaluationPageFormat.kept(form["department"], 40)
        typed.title = EvaluationPageFormat.kept(form["title"], 60)
        typed.content = EvaluationPageFormat.kept(form["content"], 2100)
        typed.phone = EvaluationPageFormat.kept(form["phone"], 20)
        return typed
    }

    /// The message a form holds; the service checks the texts and the phone.
    static func newInteraction(_ typed: EvaluationPageNewMessage.Typed, contactName: String?) throws
        -> NewInteraction
    {
        guard let kind = InteractionKind(rawValue: typed.kind) else {
            throw DomainError(.invalid, code: "evaluation.kind", title: "请选择留言类型", detail: "请选择咨询、投诉或建议。")
        }
        return NewInteraction(
            kind: kind, itemCode: value(typed.itemCode), departmentID: try departmentID(typed.departmentID),
            title: typed.title, content: typed.content, contactName: contactName, contactPhone: typed.phone)
    }
}
