import Cases
import CasesModel
import Foundation
import Hummingbird
import Kernel

extension CaseBundleRoutes {
    typealias Models = CaseAPIModels

    /// The applicant's bundle API: start, read, upload a shared material, submit every part.
    static func addAPI(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let cases = dependencies.cases
        router.post("/api/v1/bundles/{code}/cases") { request, context in
            try await CaseAPIRoutes.asApplicant(request, context, dependencies) { actor in
                let code = try code(context)
                let body = try await request.decodeJSON(as: Models.NewBundle.self, context: context)
                let bundle = try await cases.startBundle(code: code, form: body.form ?? [:], by: actor)
                var response = try JSONResponse.make(Models.Bundle(bundle), status: .created)
                response.headers[.location] = "/api/v1/case-bundles/\(bundle.id.uuidString)"
                return response
            }
        }
        router.get("/api/v1/case-bundles/{id}") { request, context in
            try await CaseAPIRoutes.asApplicant(request, context, dependencies) { actor in
                let bundle = try await cases.bundle(try CaseAPIAccess.id(context), by: actor)
                return try JSONResponse.make(Models.Bundle(bundle))
            }
        }
        router.post("/api/v1/case-bundles/{id}/materials") { request, context in
            try await CaseAPIRoutes.asApplicant(request, context, dependencies) { actor in
                let id = try CaseAPIAccess.id(context)
                let name = CaseAPIRequest.query(request, "materialName")
                guard !name.isEmpty else {
                    throw DomainError(
                        .invalid, code: "cases.material-name", title: "请指明材料",
                        detail: "请在 materialName 参数中给出一件事材料清单中的材料名称，例如 居民身份证。")
                }
                let fileName = CaseAPIRequest.query(request, "fileName")
                let content = try await CaseAPIRequest.bytes(request, limit: cases.limits.maximumMaterialBytes)
                let bundle = try await cases.attachBundleMaterial(
                    id, materialName: name, fileName: fileName.isEmpty ? name : fileName,
                    mediaType: CaseAPIRequest.mediaType(request), content: content, by: actor)
                return try JSONResponse.make(Models.Bundle(bundle))
            }
        }
        router.post("/api/v1/case-bundles/{id}/submit") { request, context in
            try await CaseAPIRoutes.asApplicant(request, context, dependencies) { actor in
                let bundle = try await cases.submitBundle(try CaseAPIAccess.id(context), by: actor)
                return try JSONResponse.make(Models.Bundle(bundle))
            }
        }
    }
}
