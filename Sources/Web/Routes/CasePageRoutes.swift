import Cases
import CasesModel
import Catalog
import Foundation
import Hummingbird
import Kernel

/// 网上申请 and 我的办件 for a signed-in person, and 办件进度查询 for anyone.
///
/// Pages only pass the actor; `CaseService` decides who may do what, and a refusal of a form post
/// is shown on the page it came from.
enum CasePageRoutes {
    /// The notices a redirect after a successful command may ask for; never text from the query.
    static let notices = [
        "drafted": "草稿已保存。请逐项上传申请材料，然后提交申请。",
        "uploaded": "材料已上传。",
        "corrected": "补正材料已提交，办件继续办理。",
        "withdrawn": "申请已撤回。",
    ]

    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        addApply(to: router, dependencies: dependencies)
        addMine(to: router, dependencies: dependencies)
        addMineCommands(to: router, dependencies: dependencies)
        addProgress(to: router, dependencies: dependencies)
    }

    /// The login page, returning to `path` afterwards.
    static func login(_ path: String) -> Response {
        Response(status: .seeOther, headers: [.location: "/login?next=" + PortalRoutes.safeReturnPath(path)])
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// The status a page shows with `error`, 200 without.
    static func status(_ error: DomainError?) -> HTTPResponse.Status {
        error.map { .init(code: APIError.status(for: $0.kind)) } ?? .ok
    }

    /// 办件进度查询: the case number and the last digits of the ID; every miss reads the same.
    private static func addProgress(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let renderer = dependencies.renderer
        router.get("/cases/progress") { request, context in
            let query = request.uri.queryParameters
            // A GET form sends the spaces of a grouped number as `+`.
            let number = String((query["number"].map(String.init) ?? "").prefix(40))
                .replacingOccurrences(of: "+", with: " ")
            let tail = String((query["idTail"].map(String.init) ?? "").prefix(10))
            var page = CasePageProgress(layout: renderer.layout("办件进度查询", request, context), number: number)
            guard query["number"] != nil else { return renderer.render("case-progress", page) }
            do {
                page.show(try await dependencies.cases.progress(number: number, idTail: tail))
                return renderer.render("case-progress", page)
            } catch let error as DomainError where error.kind == .invalid || error.kind == .notFound {
                // A malformed number and a wrong pair answer alike, so numbers cannot be probed.
                page.error = DomainError(
                    .notFound, code: "cases.progress-not-found", title: "未查到办件",
                    detail: "办件编号或证件号码后几位不正确，请核对后重试。")
                return renderer.render("case-progress", page, status: .notFound)
            }
        }
    }
}
