import Foundation
import Hummingbird
import Identity
import Kernel

/// 我的企业: registering an enterprise as its legal representative, and managing its agents (经办人).
enum EnterpriseRoutes {
    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let enterprises = dependencies.enterprises
        let renderer = dependencies.renderer
        let clock = dependencies.clock
        @Sendable func list(
            _ request: Request, _ context: AppRequestContext, error: DomainError? = nil, form: [String: String] = [:]
        )
            async throws -> Response
        {
            let memberships = try await enterprises.myEnterprises(by: context.actor)
            var page = EnterprisesPage(
                layout: renderer.layout("我的企业", request, context), memberships: memberships, now: clock.now())
            page.error = error
            page.creditCode = String((form["creditCode"] ?? "").prefix(18))
            page.name = String((form["name"] ?? "").prefix(60))
            let status: HTTPResponse.Status = error.map { .init(code: APIError.status(for: $0.kind)) } ?? .ok
            return renderer.render("enterprises", page, status: status)
        }
        @Sendable func detail(_ id: UUID, _ request: Request, _ context: AppRequestContext, error: DomainError? = nil)
            async throws -> Response
        {
            let enterprise = try await enterprises.enterprise(id, by: context.actor)
            let agents = try await enterprises.agents(of: id, by: context.actor)
            var page = EnterprisePage(
                layout: renderer.layout(enterprise.name, request, context), enterprise: enterprise, agents: agents,
                now: clock.now(), defaultUntil: CalendarDay.today(clock).adding(days: 365).description)
            page.error = error
            let status: HTTPResponse.Status = error.map { .init(code: APIError.status(for: $0.kind)) } ?? .ok
            return renderer.render("enterprise", page, status: status)
        }
        router.get("/me/enterprises") { request, context in
            guard context.session != nil else { return login() }
            return try await list(request, context)
        }
        router.post("/me/enterprises") { request, context in
            guard context.session != nil else { return login() }
            let form = try await request.formFields(context)
            do {
                let enterprise = try await enterprises.registerEnterprise(
                    RegisterEnterprise(creditCode: form["creditCode"] ?? "", name: form["name"] ?? ""),
                    by: context.actor)
                return Response(status: .seeOther, headers: [.location: "/me/enterprises/\(enterprise.id)"])
            } catch let error as DomainError {
                return try await list(request, context, error: error, form: form)
            }
        }
        router.get("/me/enterprises/{id}") { request, context in
            guard context.session != nil else { return login() }
            return try await detail(try context.parameters.require("id", as: UUID.self), request, context)
        }
        router.post("/me/enterprises/{id}/agents") { request, context in
            guard context.session != nil else { return login() }
            let id = try context.parameters.require("id", as: UUID.self)
            let form = try await request.formFields(context)
            do {
                let command = GrantAgent(
                    agent: form["agent"] ?? "", scope: try AgentScope(parsing: form["scope"] ?? "*"),
                    validUntil: try CalendarDay(parsing: form["validUntil"] ?? ""))
                _ = try await enterprises.grantAgent(command, for: id, by: context.actor)
                return Response(status: .seeOther, headers: [.location: "/me/enterprises/\(id)"])
            } catch let error as DomainError {
                return try await detail(id, request, context, error: error)
            }
        }
        router.post("/me/enterprises/{id}/agents/{grant}/revoke") { request, context in
            guard context.session != nil else { return login() }
            let id = try context.parameters.require("id", as: UUID.self)
            let grant = try context.parameters.require("grant", as: UUID.self)
            let reason = try await request.formFields(context)["reason"] ?? ""
            do {
                _ = try await enterprises.revokeAgent(grant, reason: reason, by: context.actor)
                return Response(status: .seeOther, headers: [.location: "/me/enterprises/\(id)"])
            } catch let error as DomainError {
                return try await detail(id, request, context, error: error)
            }
        }
    }

    private static func login() -> Response {
        Response(status: .seeOther, headers: [.location: "/login?next=/me/enterprises"])
    }
}
