import Foundation
import Hummingbird
import Identity
import Kernel
import Signing

/// Registering and disabling OIDC clients (接入应用管理), as an API and a page. Guarded by
/// `OperatorAuthMiddleware`; the provider checks the actor again.
enum OIDCAdminRoutes {
    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let oidc = dependencies.oidc
        let renderer = dependencies.renderer
        router.get("/api/v1/admin/oidc/clients") { _, context in
            try JSONResponse.make(ClientList(items: try await oidc.clients(by: context.actor)))
        }
        router.post("/api/v1/admin/oidc/clients") { request, context in
            let command = try await request.decodeJSON(as: RegisterClient.self, context: context)
            return try JSONResponse.make(try await oidc.register(command, by: context.actor), status: .created)
        }
        router.delete("/api/v1/admin/oidc/clients/{id}") { _, context in
            try await oidc.disable(clientID: try context.parameters.require("id"), by: context.actor)
            return Response(status: .noContent)
        }
        router.get("/admin/oidc/clients") { request, context in
            renderer.render(
                "oidc-clients",
                OIDCClientsPage(
                    layout: renderer.layout("接入应用管理", request, context),
                    clients: try await oidc.clients(by: context.actor)))
        }
        router.post("/admin/oidc/clients") { request, context in
            let form = try await request.formFields(context)
            let lines = { (name: String) in
                (form[name] ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
            }
            var grants = ["authorization_code", "refresh_token"]
            if form["machine"] == "on" { grants.append("client_credentials") }
            let command = RegisterClient(
                name: form["name"] ?? "", kind: form["kind"] == "confidential" ? .confidential : .public,
                redirectURIs: lines("redirectURIs"), postLogoutRedirectURIs: lines("postLogoutRedirectURIs"),
                scopes: lines("scopes"), grantTypes: grants,
                idTokenAlgorithm: SigningAlgorithm(rawValue: form["algorithm"] ?? "") ?? .es256)
            let layout = renderer.layout("接入应用管理", request, context)
            do {
                let created = try await oidc.register(command, by: context.actor)
                return renderer.render(
                    "oidc-clients",
                    OIDCClientsPage(
                        layout: layout, clients: try await oidc.clients(by: context.actor), created: created),
                    status: .created)
            } catch let error as DomainError {
                return renderer.render(
                    "oidc-clients",
                    OIDCClientsPage(
                        layout: layout, clients: try await oidc.clients(by: context.actor), error: error.detail),
                    status: .unprocessableContent)
            }
        }
        router.post("/admin/oidc/clients/{id}/disable") { _, context in
            try await oidc.disable(clientID: try context.parameters.require("id"), by: context.actor)
            return Response(status: .seeOther, headers: [.location: "/admin/oidc/clients"])
        }
    }

    struct ClientList: Encodable {
        var items: [OIDCClient]
    }
}
