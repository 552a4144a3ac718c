import Foundation
import Hummingbird
import Identity
import Kernel

/// 工作人员登录 (password, then TOTP), logging out, and the staff home page `/admin`.
enum StaffRoutes {
    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let organisation = dependencies.organisation
        let renderer = dependencies.renderer
        router.get("/staff/login") { request, context in
            let next = adminPath(request.uri.queryParameters["next"].map(String.init))
            return renderer.render(
                "staff-login", StaffLoginPage(layout: renderer.layout("工作人员登录", request, context), next: next))
        }
        router.post("/staff/login") { request, context in
            let form = try await request.formFields(context)
            let next = adminPath(form["next"])
            do {
                let challenge = try await organisation.beginStaffLogin(
                    username: form["username"] ?? "", password: form["password"] ?? "",
                    context: context.loginContext(request))
                let page = StaffCodePage(
                    layout: renderer.layout("动态口令验证", request, context), challenge: challenge.token, next: next,
                    enrolment: challenge.enrolment)
                return renderer.render("staff-code", page)
            } catch let error as DomainError {
                var page = StaffLoginPage(layout: renderer.layout("工作人员登录", request, context), next: next)
                page.username = String((form["username"] ?? "").prefix(32))
                page.error = error
                return renderer.render("staff-login", page, status: .init(code: APIError.status(for: error.kind)))
            }
        }
        router.post("/staff/login/code") { request, context in
            let form = try await request.formFields(context)
            let next = adminPath(form["next"])
            do {
                let issued = try await organisation.completeStaffLogin(
                    challenge: form["challenge"] ?? "", code: form["code"] ?? "",
                    context: context.loginContext(request))
                var response = Response(status: .seeOther, headers: [.location: next])
                response.setCookie(
                    Cookie(
                        name: StaffSessionMiddleware.cookie, value: issued.token,
                        maxAge: Int(OrganisationService.defaultSessions.absoluteTimeout), path: "/",
                        secure: dependencies.sessionCookies.secure, httpOnly: true, sameSite: .strict))
                return response
            } catch let error as DomainError {
                // The ticket may still be good (a mistyped code); a spent or expired one sends the
                // person back to the password step, which the page explains.
                var page = StaffLoginPage(layout: renderer.layout("工作人员登录", request, context), next: next)
                page.error = error
                return renderer.render("staff-login", page, status: .init(code: APIError.status(for: error.kind)))
            }
        }
        router.post("/staff/logout") { request, context in
            if let token = request.cookies[StaffSessionMiddleware.cookie]?.value, let staff = context.staff {
                try await organisation.staffLogout(token: token, by: staff.actor)
            }
            var response = Response(status: .seeOther, headers: [.location: "/staff/login"])
            response.setCookie(
                Cookie(
                    name: StaffSessionMiddleware.cookie, value: "", maxAge: 0, path: "/",
                    secure: dependencies.sessionCookies.secure, httpOnly: true, sameSite: .strict))
            return response
        }
        router.get("/admin") { request, context in
            let permissions = context.isOperator ? Set(Permission.allCases) : context.staff?.permissions ?? []
            let member: StaffMember? =
                if let staff = context.staff {
                    try await organisation.staffMember(staff.session.staffID, by: staff.actor)
                } else { nil }
            return renderer.render(
                "admin-home",
                AdminHomePage(
                    layout: renderer.layout("工作台", request, context), member: member, permissions: permissions,
                    isOperator: context.isOperator))
        }
    }

    /// Only admin pages are login targets here, so the form cannot be used to redirect elsewhere.
    static func adminPath(_ path: String?) -> String {
        let safe = PortalRoutes.safeReturnPath(path ?? "/admin")
        return safe == "/admin" || safe.hasPrefix("/admin/") || safe.hasPrefix("/admin?") ? safe : "/admin"
    }
}
