import Foundation
import Hummingbird
import Kernel
import Licenses

extension LicenseRoutes {
    /// 用证授权 (免提交): the applicant lets the case's department read a license instead of uploading a
    /// paper material; the clerk reads it inside the case, and every look is logged for the holder.
    static func addUse(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let renderer = dependencies.renderer
        let licenses = dependencies.licenses

        @Sendable func usePage(
            _ caseID: UUID, _ request: Request, _ context: AppRequestContext, personID: UUID,
            notice: String? = nil, error: DomainError? = nil
        ) async throws -> Response {
            var page = LicenseUsePage(
                layout: renderer.layout("用电子证照代替材料", request, context), caseID: caseID,
                materials: try await licenses.authorisableLicenses(caseID: caseID, personID: personID))
            page.notice = notice
            page.error = error
            return renderer.render("license-use", page, status: CasePageRoutes.status(error))
        }

        router.get("/me/cases/{id}/licenses") { request, context in
            guard let session = context.session else { return CasePageRoutes.login(request.uri.path) }
            let notice = request.uri.queryParameters["done"] == "authorised" ? "已授权部门调用您的电子证照，此项材料无需再上传。" : nil
            return try await usePage(try caseID(context), request, context, personID: session.personID, notice: notice)
        }
        router.post("/me/cases/{id}/licenses") { request, context in
            guard let session = context.session else { return CasePageRoutes.login(request.uri.path) }
            let caseID = try caseID(context)
            let form = try await request.formFields(context)
            do {
                guard let licenseID = UUID(uuidString: form["licenseID"] ?? "") else {
                    throw DomainError(.invalid, code: "licenses.use-choice", title: "请选择证照", detail: "请选择要授权使用的电子证照。")
                }
                _ = try await licenses.authoriseUse(
                    licenseID, caseID: caseID, materialCode: form["materialCode"] ?? "", personID: session.personID)
                return CasePageRoutes.redirect("/me/cases/\(caseID.uuidString)/licenses?done=authorised")
            } catch let error as DomainError where error.kind != .notFound {
                return try await usePage(caseID, request, context, personID: session.personID, error: error)
            }
        }
        router.get("/staff/cases/{id}/licenses") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            let caseID = try caseID(context)
            let page = LicenseCaseStaffPage(
                layout: renderer.layout("办件中的电子证照", request, context), caseID: caseID,
                found: try await licenses.licensesInCase(caseID, by: staff.actor), catalogue: licenses.catalogue,
                today: CalendarDay.today(dependencies.clock))
            return renderer.render("license-case-staff", page)
        }
        addUseAPI(to: router, dependencies: dependencies)
    }

    /// The same over JSON: the applicant's materials and authorisation, the clerk's read.
    static func addUseAPI(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let licenses = dependencies.licenses
        @Sendable func today() -> CalendarDay { CalendarDay.today(dependencies.clock) }
        router.get("/api/v1/cases/{id}/licenses") { request, context in
            try await asHolder(request, context, dependencies) { personID in
                let materials = try await licenses.authorisableLicenses(caseID: try caseID(context), personID: personID)
                return try JSONResponse.make(
                    Models.AuthorisableList(items: materials.map { Models.Authorisable($0, today: today()) }))
            }
        }
        router.post("/api/v1/cases/{id}/licenses") { request, context in
            try await asHolder(request, context, dependencies) { personID in
                let caseID = try caseID(context)
                let body = try await request.decodeJSON(as: Models.Authorise.self, context: context)
                let authorisation = try await licenses.authoriseUse(
                    body.licenseID, caseID: caseID, materialCode: body.materialCode, personID: personID)
                return try JSONResponse.make(authorisation, status: .created)
            }
        }
        router.get("/api/v1/staff/cases/{id}/licenses") { request, context in
            try await asStaff(request, context) { staff in
                let found = try await licenses.licensesInCase(try caseID(context), by: staff)
                return try JSONResponse.make(Models.InCaseList(items: found.map { Models.InCase($0, today: today()) }))
            }
        }
    }

    /// The `{id}` path parameter as a case id; a malformed one is not found, like a case the caller may not see.
    static func caseID(_ context: AppRequestContext) throws -> UUID {
        try CaseAPIAccess.id(context)
    }
}
