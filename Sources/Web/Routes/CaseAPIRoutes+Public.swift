import Cases
import CasesModel
import Foundation
import Hummingbird

extension CaseAPIRoutes {
    /// 办件进度查询 without login: the case number and the last 4 to 6 characters of the
    /// applicant's certificate number. A wrong pair is a 404, exactly like an unknown number.
    static func addPublic(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let cases = dependencies.cases
        router.get("/api/v1/cases/progress") { request, _ in
            let progress = try await cases.progress(
                number: CaseAPIRequest.query(request, "number"), idTail: CaseAPIRequest.query(request, "idTail"))
            return try JSONResponse.make(progress)
        }
    }
}
