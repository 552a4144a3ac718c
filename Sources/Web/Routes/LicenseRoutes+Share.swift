import Foundation
import Hummingbird
import Kernel
import Licenses

extension LicenseRoutes {
    /// 分享: the holder makes a time-limited link to one license; whoever opens it sees that license
    /// verified now, masked as the code carries it, without logging in.
    static func addShare(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let renderer = dependencies.renderer
        let licenses = dependencies.licenses
        router.post("/me/licenses/{id}/share") { request, context in
            guard let session = context.session else { return CasePageRoutes.login(request.uri.path) }
            let id = try id(context)
            let minutes = Int(try await request.formFields(context)["minutes"] ?? "") ?? 0
            do {
                let share = try await licenses.share(id, personID: session.personID, validForMinutes: minutes)
                let url = shareURL(share.token, dependencies)
                return try await holderPage(
                    id, request, context, personID: session.personID, dependencies,
                    share: LicenseHolderPage.Share(
                        url: url, expiresAt: CasePageFormat.time(share.expiresAt),
                        qr: try? QRCode(text: url).svg(label: "证照分享链接二维码，用手机扫描打开")))
            } catch let error as DomainError where error.kind != .notFound {
                return try await holderPage(
                    id, request, context, personID: session.personID, dependencies, error: error)
            }
        }
        router.get("/licenses/shared/{token}") { request, context in
            let verification = try await licenses.openShare(context.parameters.get("token") ?? "")
            // The token is the only key to this page; the site's Referrer-Policy (same-origin) keeps it from other sites.
            return renderer.render(
                "license-shared",
                LicenseSharedPage(
                    layout: renderer.layout("电子证照分享核验", request, context), verification: verification))
        }
        router.get("/api/v1/licenses/shared/{token}") { _, context in
            let verification = try await licenses.openShare(context.parameters.get("token") ?? "")
            var response = try JSONResponse.make(LicenseAPIModels.Verification(verification))
            response.headers[.cacheControl] = "no-store"
            return response
        }
    }

    /// The public address of a share link.
    static func shareURL(_ token: String, _ dependencies: WebDependencies) -> String {
        dependencies.oidc.issuer.value + "/licenses/shared/" + token
    }
}
