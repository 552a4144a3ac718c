import Foundation
import Hummingbird
import Identity
import Kernel
import Licenses

extension LicenseRoutes {
    typealias Models = LicenseAPIModels

    /// The issuing staff's JSON API under /api/v1/staff/licenses, authenticated like the staff case
    /// API by the staff session; the service checks the department and permission of every call.
    static func addStaffAPI(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let licenses = dependencies.licenses
        @Sendable func today() -> CalendarDay { CalendarDay.today(dependencies.clock) }

        router.get("/api/v1/staff/licenses") { request, context in
            try await asStaff(request, context) { staff in
                let typeKey = CaseAPIRequest.query(request, "type")
                let items = try await licenses.issued(
                    by: staff, typeKey: typeKey.isEmpty ? nil : typeKey, limit: try request.limit(default: 100))
                return try JSONResponse.make(
                    Models.LicenseList(items: items.map { Models.License($0, today: today()) }))
            }
        }
        router.post("/api/v1/staff/licenses") { request, context in
            try await asStaff(request, context) { staff in
                let body = try await request.decodeJSON(as: Models.Issue.self, context: context)
                let license = try await licenses.issue(
                    IssueLicense(typeKey: body.type, fields: body.fields, issuedOn: body.issuedOn), by: staff)
                return try JSONResponse.make(Models.License(license, today: today()), status: .created)
            }
        }
        router.get("/api/v1/staff/licenses/pending") { request, context in
            try await asStaff(request, context) { staff in
                try JSONResponse.make(Models.PendingList(items: try await licenses.pending(by: staff)))
            }
        }
        router.get("/api/v1/staff/licenses/{id}") { request, context in
            try await asStaff(request, context) { staff in
                let id = try id(context)
                let license = try await licenses.license(id, by: staff)
                let history = try await licenses.history(id, by: staff)
                return try JSONResponse.make(
                    Models.Detail(
                        license: Models.License(license, today: today()), history: history.map(Models.HistoryEntry.init)
                    ))
            }
        }
        for change in LicenseService.StatusChange.allCases {
            router.post("/api/v1/staff/licenses/{id}/\(change.rawValue)") { request, context in
                try await asStaff(request, context) { staff in
                    let id = try id(context)
                    let body = try await request.decodeJSON(as: Models.Reason.self, context: context)
                    let license = try await licenses.change(id, change, reason: body.reason, by: staff)
                    return try JSONResponse.make(Models.License(license, today: today()))
                }
            }
        }
        router.post("/api/v1/staff/licenses/{id}/renew") { request, context in
            try await asStaff(request, context) { staff in
                let id = try id(context)
                let body = try await request.decodeJSON(as: Models.Renew.self, context: context)
                let renewed = try await licenses.renew(id, fields: body.fields, by: staff)
                return try JSONResponse.make(Models.License(renewed, today: today()), status: .created)
            }
        }
    }

    /// Runs `body` for the staff member calling; 401 without a staff session, 403 for the operator
    /// token, which is no staff member and issues nothing.
    static func asStaff(
        _ request: Request, _ context: AppRequestContext, _ body: (StaffActor) async throws -> Response
    ) async throws -> Response {
        try await StaffAPIAccess.asStaff(
            request, context, refusal: "证照签发管理接口仅供发证部门的工作人员使用，请先到 /staff/login 登录；运维令牌不能签发证照。", body)
    }
}
