import Foundation
import Hummingbird
import Identity
import Kernel

/// The person's own data as JSON for applications signed in through the OIDC provider: `Authorization:
/// Bearer <access token>`. Everything is masked; clear values go only through userinfo, by scope.
enum MeAPIRoutes {
    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        @Sendable func grant(_ request: Request) async throws -> BearerGrant? {
            guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer "),
                let grant = try await dependencies.oidc.bearer(String(header.dropFirst(7))),
                grant.scopes.contains("openid")
            else { return nil }
            return grant
        }
        @Sendable func refused(_ request: Request, _ context: AppRequestContext) -> Response {
            var response = Problem(
                status: 401, code: "auth.bearer-required", title: "需要访问令牌",
                detail: "请在 Authorization 头中提供通过政通统一身份认证获得的访问令牌（Bearer）。",
                instance: request.uri.path, requestId: context.requestID
            ).response()
            response.headers[.wwwAuthenticate] = #"Bearer realm="zhengtong", error="invalid_token""#
            return response
        }
        router.get("/api/v1/me") { request, context in
            guard let grant = try await grant(request) else { return refused(request, context) }
            let profile = try await dependencies.identity.profile(grant.personID)
            return try JSONResponse.make(
                MeProfile(
                    sub: grant.subject, nameMasked: profile.nameMasked, idNumberMasked: profile.idNumberMasked,
                    phoneMasked: profile.phoneMasked, realNameLevel: profile.realNameLevel.rawValue,
                    createdAt: profile.createdAt))
        }
        router.get("/api/v1/me/enterprises") { request, context in
            guard let grant = try await grant(request) else { return refused(request, context) }
            let memberships = try await dependencies.enterprises.myEnterprises(by: grant.actor)
            return try JSONResponse.make(
                MeEnterprises(
                    items: memberships.map {
                        MeEnterprises.Item(
                            id: $0.enterprise.id, creditCode: $0.enterprise.creditCode, name: $0.enterprise.name,
                            role: $0.role.rawValue, validUntil: $0.grant?.validUntil.description)
                    }))
        }
    }

    struct MeProfile: Encodable {
        var sub: String
        var nameMasked: String
        var idNumberMasked: String
        var phoneMasked: String
        var realNameLevel: Int
        var createdAt: Date
    }

    struct MeEnterprises: Encodable {
        struct Item: Encodable {
            var id: UUID
            var creditCode: String
            var name: String
            var role: String
            var validUntil: String?
        }

        var items: [Item]
    }
}
