import Cases
import CasesModel
import Foundation
import Hummingbird
import Kernel

/// 一件事 online: the JSON API under /api/v1/bundles and /api/v1/case-bundles, and the citizen's
/// pages /cases/bundles/{code}/apply and /me/bundles/{id} (docs/cases-api.md, docs/case-pages.md).
/// `CaseService` checks every command; these routes only name the applicant.
enum CaseBundleRoutes {
    /// The notices a redirect after a successful command may ask for; never text from the query.
    static let notices = [
        "started": "一件事申请已保存。共用的材料只需上传一次，会同时提交给需要它的每个事项。",
        "uploaded": "材料已上传，并已提供给需要它的各个事项。",
    ]

    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        addAPI(to: router, dependencies: dependencies)
        addApply(to: router, dependencies: dependencies)
        addMine(to: router, dependencies: dependencies)
    }

    /// The bundle code of a path, or the catalog's not-found problem: a code of the wrong shape
    /// can name no bundle, and the message never echoes more than the shape allows.
    static func code(_ context: AppRequestContext) throws -> String {
        let text = context.parameters.get("code") ?? ""
        guard let code = try? ServiceHallQuery.bundleCode(text) else {
            throw DomainError(.notFound, code: "catalog.bundle-not-found", title: "一件事不存在", detail: "没有找到这个一件事。")
        }
        return code
    }
}
