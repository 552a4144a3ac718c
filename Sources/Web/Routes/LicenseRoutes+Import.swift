import Foundation
import Hummingbird
import Kernel
import Licenses

extension LicenseRoutes {
    /// 存量证照导入: staff upload legacy licenses of one type as CSV; valid rows are issued and signed,
    /// refused rows come back with their row number and reason.
    static func addImport(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let renderer = dependencies.renderer
        let licenses = dependencies.licenses
        router.get("/staff/licenses/import") { request, context in
            _ = try context.requireStaff(for: staffAudience)
            let page = LicenseImportPage(
                layout: renderer.layout("存量证照导入", request, context), catalogue: licenses.catalogue,
                typeKey: CaseAPIRequest.query(request, "type"))
            return renderer.render("license-staff-import", page)
        }
        router.post("/staff/licenses/import") { request, context in
            let staff = try context.requireStaff(for: staffAudience)
            var request = request
            let body = Data(
                try await request.collectBody(upTo: CSRFCheckMiddleware.maximumUploadBytes).readableBytesView)
            let contentType = request.headers[.contentType] ?? ""
            var typeKey = ""
            do {
                let csv: String
                if contentType.lowercased().hasPrefix("multipart/form-data") {
                    let form = try CasePageMultipart.parse(body, contentType: contentType)
                    typeKey = form.value("type") ?? ""
                    csv = form.file("file").map { String(decoding: $0.data, as: UTF8.self) } ?? form.value("csv") ?? ""
                } else {
                    let form = URLEncodedForm.fields(String(decoding: body, as: UTF8.self))
                    typeKey = form["type"] ?? ""
                    csv = form["csv"] ?? ""
                }
                let report = try await licenses.importLegacy(typeKey: typeKey, csv: withoutBOM(csv), by: staff.actor)
                let page = LicenseImportPage(
                    layout: renderer.layout("存量证照导入", request, context), catalogue: licenses.catalogue,
                    typeKey: typeKey, report: report)
                return renderer.render("license-staff-import", page)
            } catch let error as DomainError where error.kind != .notFound {
                var page = LicenseImportPage(
                    layout: renderer.layout("存量证照导入", request, context), catalogue: licenses.catalogue,
                    typeKey: typeKey)
                page.error = error
                return renderer.render("license-staff-import", page, status: CasePageRoutes.status(error))
            }
        }
        router.post("/api/v1/staff/licenses/import") { request, context in
            try await asStaff(request, context) { staff in
                var request = request
                let body = Data(try await request.collectBody(upTo: context.maxUploadSize).readableBytesView)
                let report = try await licenses.importLegacy(
                    typeKey: CaseAPIRequest.query(request, "type"),
                    csv: withoutBOM(String(decoding: body, as: UTF8.self)), by: staff)
                return try JSONResponse.make(report)
            }
        }
    }

    /// `text` without the byte-order mark spreadsheet programs put before UTF-8 CSV.
    static func withoutBOM(_ text: String) -> String {
        text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
}
