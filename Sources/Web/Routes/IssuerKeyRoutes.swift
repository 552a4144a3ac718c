import Foundation
import Hummingbird
import Kernel
import Licenses
import Signing

/// 发证机关与签名密钥: the issuers' published keys and their rotation, for department administrators.
/// The permission (`licenses.keys` for the department) is checked in `LicenseService.rotateKey`.
enum IssuerKeyRoutes {
    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let renderer = dependencies.renderer
        let licenses = dependencies.licenses

        @Sendable func page(
            _ request: Request, _ context: AppRequestContext, notice: String? = nil, error: DomainError? = nil
        ) async throws -> Response {
            let page = IssuerKeysPage(
                layout: renderer.layout("发证机关与签名密钥", request, context), issuers: try await licenses.issuers(),
                keys: try await licenses.publishedKeys(), notice: notice, error: error?.detail)
            return renderer.render("issuer-keys", page, status: CasePageRoutes.status(error))
        }

        router.get("/staff/license-keys") { request, context in
            _ = try context.requireStaff(for: LicenseRoutes.staffAudience)
            return try await page(request, context, notice: request.uri.queryParameters["done"].map { _ in "密钥已轮换。" })
        }
        router.post("/staff/license-keys/rotate") { request, context in
            let staff = try context.requireStaff(for: LicenseRoutes.staffAudience)
            let form = URLEncodedForm.pairs(String(buffer: try await request.body.collect(upTo: 16 * 1024)))
            let field = { (key: String) in form.last { $0.0 == key }?.1 ?? "" }
            do {
                guard let department = UUID(uuidString: field("department")),
                    let algorithm = SigningAlgorithm(rawValue: field("algorithm"))
                else {
                    throw DomainError(.invalid, code: "licenses.key-form", title: "表单有误", detail: "请选择发证机关和算法。")
                }
                _ = try await licenses.rotateKey(departmentID: department, algorithm: algorithm, by: staff.actor)
                return CasePageRoutes.redirect("/staff/license-keys?done=rotated")
            } catch let error as DomainError {
                return try await page(request, context, error: error)
            }
        }
    }
}
