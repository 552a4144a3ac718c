import Cases
import Foundation
import Hummingbird
import Kernel
import Licenses

extension LicenseRoutes {
    /// The holder's JSON API under /api/v1/me/licenses: the wallet, one license, share links and who
    /// used a license. A session or an OIDC access token (scope `openid`) names the holder, as for
    /// the applicant's case API.
    static func addHolderAPI(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let licenses = dependencies.licenses
        @Sendable func today() -> CalendarDay { CalendarDay.today(dependencies.clock) }

        router.get("/api/v1/me/licenses") { request, context in
            try await asHolder(request, context, dependencies) { personID in
                let wallet = try await licenses.wallet(personID: personID)
                return try JSONResponse.make(
                    Models.LicenseList(items: wallet.map { Models.License($0, today: today()) }))
            }
        }
        router.get("/api/v1/me/licenses/{id}") { request, context in
            try await asHolder(request, context, dependencies) { personID in
                let license = try await licenses.license(try id(context), personID: personID)
                return try JSONResponse.make(Models.License(license, today: today()))
            }
        }
        router.post("/api/v1/me/licenses/{id}/shares") { request, context in
            try await asHolder(request, context, dependencies) { personID in
                let id = try id(context)
                let body = try await request.decodeJSON(as: Models.ShareRequest.self, context: context)
                let share = try await licenses.share(id, personID: personID, validForMinutes: body.validForMinutes)
                var response = try JSONResponse.make(
                    Models.Share(
                        licenseID: share.licenseID, token: share.token, url: shareURL(share.token, dependencies),
                        expiresAt: share.expiresAt), status: .created)
                response.headers[.cacheControl] = "no-store"
                return response
            }
        }
        router.get("/api/v1/me/licenses/{id}/uses") { request, context in
            try await asHolder(request, context, dependencies) { personID in
                try JSONResponse.make(
                    Models.UseList(items: try await licenses.uses(try id(context), personID: personID)))
            }
        }
    }

    /// Runs `body` for the person calling (session or OIDC bearer), or answers 401.
    static func asHolder(
        _ request: Request, _ context: AppRequestContext, _ dependencies: WebDependencies,
        _ body: (UUID) async throws -> Response
    ) async throws -> Response {
        guard
            case .applicant(let personID, _, _) = try await CaseAPIAccess.applicant(
                request, context, oidc: dependencies.oidc)
        else { return CaseAPIAccess.applicantRequired(request, context) }
        return try await body(personID)
    }
}
