import Cases
import CasesModel
import Foundation
import Hummingbird
import Kernel

extension CaseAPIRoutes {
    /// 我的办件: start a draft, list, read, edit the form, upload materials.
    static func addApplicant(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let cases = dependencies.cases
        router.post("/api/v1/cases") { request, context in
            try await asApplicant(request, context, dependencies) { actor in
                let body = try await request.decodeJSON(as: Models.NewCase.self, context: context)
                let record = try await cases.saveDraft(
                    CaseApplication(itemCode: body.itemCode, form: body.form ?? [:], situations: body.situations ?? []),
                    by: actor)
                var response = try caseResponse(record, status: .created)
                response.headers[.location] = "/api/v1/cases/\(record.id.uuidString)"
                return response
            }
        }
        router.get("/api/v1/cases") { request, context in
            try await asApplicant(request, context, dependencies) { actor in
                guard case .applicant(let accountID, _, _) = actor else { throw CaseService.notFound() }
                let records = try await cases.myCases(accountID, limit: try request.limit(default: 100))
                return try JSONResponse.make(Models.CaseList(items: records.map(Models.Case.init)))
            }
        }
        router.get("/api/v1/cases/{id}") { request, context in
            try await asApplicant(request, context, dependencies) { actor in
                let id = try CaseAPIAccess.id(context)
                let detail = try await cases.detail(id, by: actor)
                let form = try await cases.form(id, by: actor)
                return try JSONResponse.make(Models.Detail(detail, forStaff: false, form: form))
            }
        }
        router.put("/api/v1/cases/{id}/form") { request, context in
            try await asApplicant(request, context, dependencies) { actor in
                let id = try CaseAPIAccess.id(context)
                let body = try await request.decodeJSON(as: Models.FormUpdate.self, context: context)
                let current = try await cases.detail(id, by: actor).record
                let record = try await cases.updateDraft(
                    id, form: body.form, situations: body.situations ?? current.situations, by: actor)
                return try caseResponse(record)
            }
        }
        router.post("/api/v1/cases/{id}/materials") { request, context in
            try await asApplicant(request, context, dependencies) { actor in
                let id = try CaseAPIAccess.id(context)
                let code = CaseAPIRequest.query(request, "materialCode")
                guard !code.isEmpty else {
                    throw DomainError(
                        .invalid, code: "cases.material-code", title: "请指明材料",
                        detail: "请在 materialCode 参数中给出材料编码，例如 M01。")
                }
                let fileName = CaseAPIRequest.query(request, "fileName")
                let content = try await CaseAPIRequest.bytes(request, limit: cases.limits.maximumMaterialBytes)
                let material = try await cases.attachMaterial(
                    id, materialCode: code, fileName: fileName.isEmpty ? code : fileName,
                    mediaType: CaseAPIRequest.mediaType(request), content: content, by: actor)
                return try JSONResponse.make(Models.Material(material), status: .created)
            }
        }
    }
}
