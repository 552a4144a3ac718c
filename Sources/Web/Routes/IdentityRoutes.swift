import Foundation
import Hummingbird
import Identity
import Kernel
import Storage

/// 登录, 注册, 个人中心 and logging out.
enum IdentityRoutes {
    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let identity = dependencies.identity
        let renderer = dependencies.renderer
        let cookies = dependencies.sessionCookies
        router.get("/login") { request, context in
            let next = PortalRoutes.safeReturnPath(request.uri.queryParameters["next"].map(String.init) ?? "/me")
            return ContentSecurityPolicy.allowing(
                await OIDCRoutes.returnTargets(next: next, oidc: dependencies.oidc),
                on: renderer.render("login", LoginPage(layout: renderer.layout("登录", request, context), next: next)))
        }
        router.post("/login") { request, context in
            let form = try await request.formFields(context)
            let next = PortalRoutes.safeReturnPath(form["next"] ?? "/me")
            do {
                let session = try await identity.login(
                    identifier: form["identifier"] ?? "", password: form["password"] ?? "",
                    context: context.loginContext(request))
                return cookies.signedIn(session, redirectTo: next)
            } catch let error as DomainError {
                var page = LoginPage(layout: renderer.layout("登录", request, context), next: next)
                page.identifier = String((form["identifier"] ?? "").prefix(18))
                page.error = error
                return ContentSecurityPolicy.allowing(
                    await OIDCRoutes.returnTargets(next: next, oidc: dependencies.oidc),
                    on: renderer.render("login", page, status: .init(code: APIError.status(for: error.kind))))
            }
        }
        router.post("/login/code") { request, context in
            let form = try await request.formFields(context)
            let phone = String((form["phone"] ?? "").prefix(11))
            var page = CodeLoginPage(layout: renderer.layout("短信验证码登录", request, context), phone: phone)
            page.next = PortalRoutes.safeReturnPath(form["next"] ?? "/me")
            do {
                try await identity.requestLoginCode(phone: phone, context: context.loginContext(request))
                page.notice = "如该手机号已注册，验证码已发送，5 分钟内有效。"
                return ContentSecurityPolicy.allowing(
                    await OIDCRoutes.returnTargets(next: page.next, oidc: dependencies.oidc),
                    on: renderer.render("login-code", page))
            } catch let error as DomainError {
                page.error = error
                return ContentSecurityPolicy.allowing(
                    await OIDCRoutes.returnTargets(next: page.next, oidc: dependencies.oidc),
                    on: renderer.render("login-code", page, status: .init(code: APIError.status(for: error.kind))))
            }
        }
        router.post("/login/code/verify") { request, context in
            let form = try await request.formFields(context)
            let phone = String((form["phone"] ?? "").prefix(11))
            let next = PortalRoutes.safeReturnPath(form["next"] ?? "/me")
            do {
                let session = try await identity.loginWithCode(
                    phone: phone, code: form["code"] ?? "", context: context.loginContext(request))
                return cookies.signedIn(session, redirectTo: next)
            } catch let error as DomainError {
                var page = CodeLoginPage(layout: renderer.layout("短信验证码登录", request, context), phone: phone)
                page.next = next
                page.error = error
                return ContentSecurityPolicy.allowing(
                    await OIDCRoutes.returnTargets(next: next, oidc: dependencies.oidc),
                    on: renderer.render("login-code", page, status: .init(code: APIError.status(for: error.kind))))
            }
        }
        router.get("/register") { request, context in
            renderer.render("register", RegisterPage(layout: renderer.layout("注册", request, context)))
        }
        router.post("/register") { request, context in
            let form = try await request.formFields(context)
            let command = RegisterPerson(
                name: form["name"] ?? "", idNumber: form["idNumber"] ?? "", phone: form["phone"] ?? "",
                password: form["password"] ?? "")
            do {
                let (_, session) = try await identity.registerAndSignIn(command, context: context.loginContext(request))
                return cookies.signedIn(session, redirectTo: "/me")
            } catch let error as DomainError {
                var page = RegisterPage(layout: renderer.layout("注册", request, context))
                page.name = String(command.name.prefix(30))
                page.idNumber = String(command.idNumber.prefix(18))
                page.phone = String(command.phone.prefix(11))
                page.error = error
                return renderer.render("register", page, status: .init(code: APIError.status(for: error.kind)))
            }
        }
        router.get("/me") { request, context in
            guard let session = context.session else {
                return Response(status: .seeOther, headers: [.location: "/login?next=/me"])
            }
            let query = request.uri.queryParameters
            let notice =
                query["raised"] == "2"
                ? "实名等级已提升到 L2（人口库比对）。"
                : query["raised"] == "3"
                    ? "实名等级已提升到 L3（人脸核验）。" : query["revoked"] == "1" ? "已取消授权，该应用需要重新获得您的同意才能登录。" : nil
            return try await profilePage(
                request, context, session: session, dependencies: dependencies, notice: notice)
        }
        router.post("/me/real-name/registry") { request, context in
            guard let session = context.session else {
                return Response(status: .seeOther, headers: [.location: "/login?next=/me"])
            }
            let next = try await request.formFields(context)["next"].map { PortalRoutes.safeReturnPath($0) }
            do {
                try await identity.raiseByRegistry(personID: session.personID, by: context.actor)
                return Response(status: .seeOther, headers: [.location: next ?? "/me?raised=2"])
            } catch let error as DomainError {
                return try await profilePage(
                    request, context, session: session, dependencies: dependencies, error: error)
            }
        }
        router.post("/me/authorisations/revoke") { request, context in
            guard let session = context.session else {
                return Response(status: .seeOther, headers: [.location: "/login?next=/me"])
            }
            let client = try await request.formFields(context)["client"] ?? ""
            do {
                try await dependencies.oidc.revokeAuthorisation(
                    person: session.personID, client: client, by: context.actor)
                return Response(status: .seeOther, headers: [.location: "/me?revoked=1#authorisations"])
            } catch let error as DomainError {
                return try await profilePage(
                    request, context, session: session, dependencies: dependencies, error: error)
            }
        }
        router.post("/logout") { request, context in
            if let token = request.cookies[SessionMiddleware.cookie]?.value {
                try await identity.logout(token: token, by: context.actor)
            }
            return cookies.signedOut(redirectTo: "/")
        }
        router.post("/me/logout-everywhere") { _, context in
            guard let session = context.session else {
                return Response(status: .seeOther, headers: [.location: "/login?next=/me"])
            }
            try await identity.logoutEverywhere(personID: session.personID, by: context.actor)
            return cookies.signedOut(redirectTo: "/login")
        }
    }
}

/// Renders 个人中心 with an optional notice or error.
private func profilePage(
    _ request: Request, _ context: AppRequestContext, session: SessionInfo, dependencies: WebDependencies,
    notice: String? = nil, error: DomainError? = nil
) async throws -> Response {
    let identity = dependencies.identity
    let renderer = dependencies.renderer
    let actor = context.actor
    let profile = try await identity.profile(session.personID)
    let sessions = try await identity.sessions(of: session.personID, by: actor)
    let history = try await identity.realNameHistory(session.personID)
    var page = ProfilePage(
        layout: renderer.layout("个人中心", request, context), profile: profile, sessions: sessions, current: session.id,
        history: history)
    page.show(try await dependencies.oidc.authorisations(of: session.personID, by: actor))
    page.canRaiseByFace =
        profile.realNameLevel == .registryMatched && dependencies.realName.offersFaceVerification
    page.faceNotice = dependencies.realName.faceNotice
    page.notice = notice
    page.error = error
    let status: HTTPResponse.Status = error.map { .init(code: APIError.status(for: $0.kind)) } ?? .ok
    return renderer.render("me", page, status: status)
}

extension AppRequestContext {
    /// Where a login comes from, for the session record and the audit log.
    func loginContext(_ request: Request) -> LoginContext {
        LoginContext(channel: "web", clientAddress: clientAddress, userAgent: request.headers[.userAgent] ?? "")
    }
}

extension Request {
    /// The fields of a URL-encoded form body.
    func formFields(_ context: AppRequestContext) async throws -> [String: String] {
        let body = try await body.collect(upTo: context.maxUploadSize)
        return URLEncodedForm.fields(String(buffer: body))
    }
}
