import Foundation
import Hummingbird
import Identity
import Kernel
import Storage

/// The browser side of the OIDC provider: authorization (login, step-up, consent) and RP logout.
enum OIDCRoutes {
    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let oidc = dependencies.oidc
        router.get("/.well-known/openid-configuration") { _, _ in
            try JSONResponse.make(oidc.discovery())
        }
        router.get("/oidc/jwks") { _, _ in
            var response = try JSONResponse.make(try await oidc.keySet([.es256]))
            response.headers[.cacheControl] = "public, max-age=300"
            return response
        }
        router.get("/oidc/jwks/sm2") { _, _ in
            var response = try JSONResponse.make(try await oidc.keySet([.sm2]))
            response.headers[.cacheControl] = "public, max-age=300"
            return response
        }
        router.get("/oidc/authorize") { request, context in
            guard let parameters = URLEncodedForm.uniqueFields(request.uri.query ?? "") else {
                return dependencies.renderer.errorPage(
                    Problem(status: 400, code: "oidc.repeated-parameter", title: "登录请求无效", detail: "请求中有重复的参数。"),
                    request: request, context: context)
            }
            return try await authorize(parameters, decision: nil, request, context, dependencies)
        }
        router.post("/oidc/authorize") { request, context in
            var form = try await request.formFields(context)
            let decision = form.removeValue(forKey: "decision")
            form.removeValue(forKey: "_csrf")
            return try await authorize(form, decision: decision ?? "", request, context, dependencies)
        }
        router.get("/oidc/logout") { request, context in
            let parameters = URLEncodedForm.fields(request.uri.query ?? "")
            let end = try await oidc.endSession(parameters)
            guard context.session != nil else {
                return Response(status: .found, headers: [.location: end.redirect?.absoluteString ?? "/"])
            }
            let page = LogoutPage(
                layout: dependencies.renderer.layout("退出登录", request, context), clientName: end.clientName,
                fields: parameters.sorted { $0.key < $1.key }.map { HiddenField(name: $0.key, value: $0.value) })
            return ContentSecurityPolicy.allowing(
                end.redirect.map { [$0.absoluteString] } ?? [], on: dependencies.renderer.render("oidc-logout", page))
        }
        router.post("/oidc/logout") { request, context in
            var form = try await request.formFields(context)
            form.removeValue(forKey: "_csrf")
            let end = try await oidc.endSession(form)
            if let token = request.cookies[SessionMiddleware.cookie]?.value {
                try await dependencies.identity.logout(token: token, by: context.actor)
            }
            return dependencies.sessionCookies.signedOut(redirectTo: end.redirect?.absoluteString ?? "/")
        }
    }

    /// One step of the authorization endpoint: check, ask for login, step-up or consent, then issue.
    private static func authorize(
        _ parameters: [String: String], decision: String?, _ request: Request, _ context: AppRequestContext,
        _ dependencies: WebDependencies
    ) async throws -> Response {
        let oidc = dependencies.oidc
        let renderer = dependencies.renderer
        let back = request.method == .post ? HTTPResponse.Status.seeOther : .found
        let authorization: AuthorizationRequest
        do {
            authorization = try await oidc.validate(parameters)
        } catch .page(let title, let detail) {
            return renderer.errorPage(
                Problem(status: 400, code: "oidc.bad-request", title: title, detail: detail), request: request,
                context: context)
        } catch .redirect(let error, let uri, let state) {
            return errorRedirect(error, uri: uri, state: state, oidc: oidc, status: back)
        }
        func fail(_ code: String, _ description: String) -> Response {
            errorRedirect(
                OIDCError(code, description), uri: authorization.redirectURI, state: authorization.state, oidc: oidc,
                status: back)
        }
        let now = dependencies.clock.now()
        let tooOld = authorization.maxAge.map { age in
            context.session.map { now.timeIntervalSince($0.createdAt) > Double(age) } ?? true
        }
        guard let session = context.session, tooOld != true, !authorization.prompt.contains("login") else {
            if authorization.prompt.contains("none") { return fail("login_required", "用户未登录。") }
            // After logging in the browser returns here without prompt=login, or it would loop.
            var again = parameters
            again["prompt"] = authorization.prompt.subtracting(["login"]).sorted().joined(separator: " ")
            if again["prompt"] == "" { again.removeValue(forKey: "prompt") }
            if authorization.prompt.contains("login") || tooOld == true {
                again["max_age"] = String(max(60, authorization.maxAge ?? 600))
            }
            let next = "/oidc/authorize?" + URLEncodedForm.encode(again.sorted { $0.key < $1.key })
            return Response(
                status: .seeOther,
                headers: [.location: "/login?" + URLEncodedForm.encode([("next", next)])])
        }
        let profile = try await dependencies.identity.profile(session.personID)
        if let required = authorization.requiredLevel, profile.realNameLevel < required {
            if authorization.prompt.contains("none") || decision == "deny" {
                return fail("unmet_authentication_requirements", "该应用要求实名等级 L\(required.rawValue) 以上。")
            }
            var page = StepUpPage(
                layout: renderer.layout("需要提升实名等级", request, context), client: authorization.client.name,
                required: required.label, current: profile.realNameLevel.label,
                canUseRegistry: required == .registryMatched,
                next: "/oidc/authorize?" + URLEncodedForm.encode(parameters.sorted { $0.key < $1.key }),
                fields: hiddenFields(parameters))
            page.canUseFace =
                required == .faceVerified && profile.realNameLevel == .registryMatched
                && dependencies.realName.offersFaceVerification
            page.faceNotice = dependencies.realName.faceNotice
            return ContentSecurityPolicy.allowing(
                [authorization.redirectURI], on: renderer.render("oidc-step-up", page, status: .forbidden))
        }
        if decision == "deny" { return fail("access_denied", "用户拒绝了授权。") }
        let granted = try await oidc.grantedScopes(person: session.personID, client: authorization.client.id)
        let needsConsent =
            authorization.prompt.contains("consent") || !Set(authorization.scopes).isSubset(of: granted)
        if needsConsent && decision != "allow" {
            if authorization.prompt.contains("none") { return fail("consent_required", "用户尚未授权该应用。") }
            let page = ConsentPage(
                layout: renderer.layout("授权确认", request, context), client: authorization.client.name,
                scopes: authorization.scopes.map { OIDCScope.label($0) }, level: profile.realNameLevel.label,
                fields: hiddenFields(parameters))
            return ContentSecurityPolicy.allowing(
                [authorization.redirectURI], on: renderer.render("oidc-consent", page))
        }
        let location = try await oidc.approve(
            authorization, session: session, level: profile.realNameLevel, by: context.actor)
        return Response(status: back, headers: [.location: location.absoluteString])
    }

    /// The redirect URI a login page's `next` leads back to, when it is an authorization request
    /// of a registered client; the login form's policy must allow it.
    static func returnTargets(next: String, oidc: OIDCProvider) async -> [String] {
        guard next.hasPrefix("/oidc/authorize?"),
            let request = try? await oidc.validate(URLEncodedForm.fields(String(next.dropFirst(16))))
        else { return [] }
        return [request.redirectURI]
    }

    private static func hiddenFields(_ parameters: [String: String]) -> [HiddenField] {
        parameters.filter { $0.key != "prompt" || $0.value != "consent" }.sorted { $0.key < $1.key }
            .map { HiddenField(name: $0.key, value: $0.value) }
    }

    private static func errorRedirect(
        _ error: OIDCError, uri: String, state: String?, oidc: OIDCProvider, status: HTTPResponse.Status
    ) -> Response {
        let location = OIDCProvider.redirect(
            uri,
            with: [
                ("error", error.error), ("error_description", error.errorDescription), ("state", state),
                ("iss", oidc.issuer.value),
            ])
        return Response(status: status, headers: [.location: location.absoluteString])
    }
}
