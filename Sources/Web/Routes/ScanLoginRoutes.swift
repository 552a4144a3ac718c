import Foundation
import Hummingbird
import Identity
import Kernel

/// 扫码登录: a computer shows a QR code; a phone already signed in confirms; the computer is signed in.
enum ScanLoginRoutes {
    static let cookie = "zt_scan"

    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let identity = dependencies.identity
        let renderer = dependencies.renderer
        router.post("/login/scan") { request, context in
            let ticket = try await identity.startScanLogin(context: context.loginContext(request))
            let link = dependencies.oidc.issuer.value + "/login/scan/c/" + ticket.code
            let page = ScanLoginPage(
                layout: renderer.layout("扫码登录", request, context),
                qr: try QRCode(text: link).svg(label: "扫码登录二维码，请用已登录政通的手机扫描"), link: link)
            var response = renderer.render("login-scan", page)
            response.setCookie(
                Cookie(
                    name: cookie, value: "\(ticket.id.uuidString).\(ticket.browserSecret)", maxAge: 300,
                    path: "/login/scan", secure: dependencies.sessionCookies.secure, httpOnly: true,
                    sameSite: .strict))
            return response
        }
        router.get("/login/scan/status") { request, _ in
            guard let (id, secret) = browserTicket(request),
                let status = try await identity.scanLoginStatus(id: id, browserSecret: secret)
            else {
                throw DomainError(.notFound, code: "identity.scan-unknown", title: "没有扫码请求", detail: "请刷新登录页重新获取二维码。")
            }
            var response = try JSONResponse.make(["status": status.rawValue])
            response.headers[.cacheControl] = "no-store"
            return response
        }
        router.post("/login/scan/complete") { request, context in
            guard let (id, secret) = browserTicket(request) else {
                return Response(status: .seeOther, headers: [.location: "/login"])
            }
            do {
                let session = try await identity.completeScanLogin(
                    id: id, browserSecret: secret, context: context.loginContext(request))
                var response = dependencies.sessionCookies.signedIn(session, redirectTo: "/me")
                response.setCookie(Cookie(name: cookie, value: "", maxAge: 0, path: "/login/scan"))
                return response
            } catch let error as DomainError {
                var page = LoginPage(layout: renderer.layout("登录", request, context), next: "/me")
                page.error = error
                return renderer.render("login", page, status: .init(code: APIError.status(for: error.kind)))
            }
        }
        router.get("/login/scan/c/{code}") { request, context in
            let code = try context.parameters.require("code")
            guard context.session != nil else {
                return Response(status: .seeOther, headers: [.location: "/login?next=/login/scan/c/\(code)"])
            }
            guard let ticket = try await identity.scanLoginRequest(code: code) else {
                throw DomainError(.notFound, code: "identity.scan-unknown", title: "二维码无效", detail: "请在电脑上刷新二维码后重新扫描。")
            }
            let page = ScanConfirmPage(
                layout: renderer.layout("确认在电脑上登录", request, context), code: code,
                address: ticket.requesterAddress, device: ProfilePage.describe(ticket.requesterAgent),
                at: BeijingTime.format(ticket.createdAt), open: ticket.status == .pending)
            return renderer.render("login-scan-confirm", page)
        }
        router.post("/login/scan/c/{code}") { request, context in
            let code = try context.parameters.require("code")
            guard let session = context.session else {
                return Response(status: .seeOther, headers: [.location: "/login?next=/login/scan/c/\(code)"])
            }
            let confirm = try await request.formFields(context)["decision"] == "confirm"
            try await identity.answerScanLogin(
                code: code, confirm: confirm, personID: session.personID, by: context.actor)
            let page = ScanAnsweredPage(layout: renderer.layout("扫码登录", request, context), confirmed: confirm)
            return renderer.render("login-scan-answered", page)
        }
    }

    /// The ticket id and browser secret from this browser's `zt_scan` cookie.
    private static func browserTicket(_ request: Request) -> (UUID, String)? {
        guard let value = request.cookies[cookie]?.value, let dot = value.firstIndex(of: "."),
            let id = UUID(uuidString: String(value[..<dot]))
        else { return nil }
        return (id, String(value[value.index(after: dot)...]))
    }
}
