import Foundation
import Hummingbird
import Kernel
import Licenses

extension LicenseRoutes {
    /// The staff's form posts: issue by hand, suspend, reinstate, revoke, renew. A refusal is shown on
    /// the page the form came from, with what was typed kept.
    static func addStaffCommands(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let renderer = dependencies.renderer
        let licenses = dependencies.licenses

        @Sendable func pairs(_ request: Request, _ context: AppRequestContext) async throws -> [(String, String)] {
            URLEncodedForm.pairs(String(buffer: try await request.body.collect(upTo: context.maxUploadSize)))
        }

        @Sendable func value(_ pairs: [(String, String)], _ key: String) -> String {
            pairs.last { $0.0 == key }?.1 ?? ""
        }

        router.post("/staff/licenses/new") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            let form = try await pairs(request, context)
            let typeKey = value(form, "type")
            let issuedOn = value(form, "issuedOn").trimmingCharacters(in: .whitespaces)
            let values = LicenseFormInput.values(form)
            do {
                let license = try await licenses.issue(
                    IssueLicense(typeKey: typeKey, fields: values, issuedOn: issuedOn.isEmpty ? nil : issuedOn),
                    by: staff.actor)
                return CasePageRoutes.redirect("/staff/licenses/\(license.id.uuidString)?done=issued")
            } catch let error as DomainError where error.kind != .notFound {
                let page = LicenseStaffIssuePage(
                    layout: renderer.layout("手工签发证照", request, context), catalogue: licenses.catalogue,
                    type: licenses.catalogue.type(typeKey), values: values, issuedOn: issuedOn, error: error)
                return renderer.render("license-staff-issue", page, status: CasePageRoutes.status(error))
            }
        }
        for change in LicenseService.StatusChange.allCases {
            router.post("/staff/licenses/{id}/\(change.rawValue)") { request, context in
                let staff = try context.requireStaff(for: staffAudience)
                let id = try id(context)
                let form = try await pairs(request, context)
                do {
                    _ = try await licenses.change(id, change, reason: value(form, "reason"), by: staff.actor)
                    return CasePageRoutes.redirect("/staff/licenses/\(id.uuidString)?done=\(change.rawValue)")
                } catch let error as DomainError where error.kind != .notFound {
                    return try await staffLicensePage(id, request, context, staff, dependencies, error: error)
                }
            }
        }
        router.post("/staff/licenses/{id}/renew") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            let id = try id(context)
            let form = try await pairs(request, context)
            do {
                let renewed = try await licenses.renew(id, fields: LicenseFormInput.values(form), by: staff.actor)
                return CasePageRoutes.redirect("/staff/licenses/\(renewed.id.uuidString)?done=renewed")
            } catch let error as DomainError where error.kind != .notFound {
                return try await staffLicensePage(id, request, context, staff, dependencies, error: error)
            }
        }
    }
}
