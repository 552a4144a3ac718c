import Foundation
import Hummingbird
import Identity
import Kernel

/// 窗口核验: a counter clerk finds the person by 身份证号, checks them in person (L4), and may read
/// their data in clear for a stated reason. Every step is checked and audited in the services.
enum CounterRoutes {
    /// Who the pages are for, in the refusal shown to anyone else.
    static let audience = "窗口核验只供窗口工作人员使用"

    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let organisation = dependencies.organisation
        let renderer = dependencies.renderer
        @Sendable func page(
            _ request: Request, _ context: AppRequestContext, person: PersonProfile? = nil, clear: PersonInClear? = nil,
            notice: String? = nil, error: DomainError? = nil
        ) -> Response {
            var view = CounterPage(layout: renderer.layout("窗口核验", request, context), person: person, clear: clear)
            view.notice = notice
            view.error = error
            let status: HTTPResponse.Status = error.map { .init(code: APIError.status(for: $0.kind)) } ?? .ok
            return renderer.render("admin-counter", view, status: status)
        }
        router.get("/admin/counter") { request, context in
            _ = try context.requireStaff(for: audience)
            return page(request, context)
        }
        router.post("/admin/counter/lookup") { request, context in
            let staff = try context.requireStaff(for: audience)
            let form = try await request.formFields(context)
            do {
                guard
                    let person = try await organisation.counterLookup(idNumber: form["idNumber"] ?? "", by: staff.actor)
                else {
                    return page(request, context, notice: "没有找到该身份证号的账号，可引导群众先注册。")
                }
                return page(request, context, person: person)
            } catch let error as DomainError {
                return page(request, context, error: error)
            }
        }
        router.post("/admin/counter/{person}/in-person") { request, context in
            let staff = try context.requireStaff(for: audience)
            let id = try context.parameters.require("person", as: UUID.self)
            let form = try await request.formFields(context)
            do {
                let level = try await dependencies.realName.raiseInPerson(
                    personID: id, staff: staff.actor, evidence: form["evidence"] ?? "")
                let person = try await dependencies.identity.profile(id)
                return page(request, context, person: person, notice: "已完成现场核验，实名等级为 \(level.label)。")
            } catch let error as DomainError {
                return page(request, context, person: try? await dependencies.identity.profile(id), error: error)
            }
        }
        router.post("/admin/counter/{person}/reveal") { request, context in
            let staff = try context.requireStaff(for: audience)
            let id = try context.parameters.require("person", as: UUID.self)
            let form = try await request.formFields(context)
            do {
                let clear = try await organisation.revealPerson(id, reason: form["reason"] ?? "", by: staff.actor)
                return page(request, context, person: try await dependencies.identity.profile(id), clear: clear)
            } catch let error as DomainError {
                return page(request, context, person: try? await dependencies.identity.profile(id), error: error)
            }
        }
    }
}
