import Foundation
import Hummingbird
import Kernel
import Licenses

extension LicenseRoutes {
    /// 证照夹: the signed-in person's licenses, one license as a certificate, and its printable view.
    static func addWallet(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let renderer = dependencies.renderer
        let licenses = dependencies.licenses
        router.get("/me/licenses") { request, context in
            guard let session = context.session else { return CasePageRoutes.login(request.uri.path) }
            let page = LicenseWalletPage(
                layout: renderer.layout("我的证照", request, context),
                licenses: try await licenses.wallet(personID: session.personID),
                today: CalendarDay.today(dependencies.clock))
            return renderer.render("license-wallet", page)
        }
        router.get("/me/licenses/{id}") { request, context in
            guard let session = context.session else { return CasePageRoutes.login(request.uri.path) }
            return try await holderPage(try id(context), request, context, personID: session.personID, dependencies)
        }
        router.get("/me/licenses/{id}/print") { request, context in
            guard let session = context.session else { return CasePageRoutes.login(request.uri.path) }
            let license = try await licenses.license(try id(context), personID: session.personID)
            let page = LicenseHolderPage(
                layout: renderer.layout(license.typeName, request, context), license: license,
                type: licenses.catalogue.type(license.typeKey), today: CalendarDay.today(dependencies.clock))
            return renderer.render("license-print", page)
        }
        // The addresses the issue names (`/my/licenses…`) lead to the house's `/me/` pages.
        router.get("/my/licenses") { _, _ in CasePageRoutes.redirect("/me/licenses") }
        for suffix in ["", "/print"] {
            router.get("/my/licenses/{id}\(suffix)") { _, context in
                CasePageRoutes.redirect("/me/licenses/\(try id(context).uuidString)\(suffix)")
            }
        }
    }

    /// The holder's page of license `id`, with a share link just made, or the error of a refused command.
    static func holderPage(
        _ id: UUID, _ request: Request, _ context: AppRequestContext, personID: UUID, _ dependencies: WebDependencies,
        share: LicenseHolderPage.Share? = nil, error: DomainError? = nil
    ) async throws -> Response {
        let licenses = dependencies.licenses
        let license = try await licenses.license(id, personID: personID)
        var page = LicenseHolderPage(
            layout: dependencies.renderer.layout(license.typeName, request, context), license: license,
            type: licenses.catalogue.type(license.typeKey), today: CalendarDay.today(dependencies.clock),
            uses: try await licenses.uses(id, personID: personID))
        page.share = share
        page.error = error
        return dependencies.renderer.render("license-holder", page, status: CasePageRoutes.status(error))
    }
}
