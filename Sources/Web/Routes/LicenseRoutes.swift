import Foundation
import Hummingbird
import Kernel
import Licenses

/// The e-license library on the web (docs/licenses.md): the holder's 证照夹, the public verifier and
/// the published keys and status list, the issuing staff's pages, and the JSON API.
///
/// `LicenseService` checks every permission; these routes only name the caller.
enum LicenseRoutes {
    /// The notices a redirect after a successful staff command may ask for; never text from the query.
    static let notices = [
        "issued": "证照已签发。", "suspend": "证照已暂停使用。", "reinstate": "证照已恢复有效。", "revoke": "证照已注销。",
        "renewed": "已换发新版本，旧版本不再有效。",
    ]

    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        addWallet(to: router, dependencies: dependencies)
        addShare(to: router, dependencies: dependencies)
        addHolderAPI(to: router, dependencies: dependencies)
        addUse(to: router, dependencies: dependencies)
        addVerify(to: router, dependencies: dependencies)
        addPublication(to: router, dependencies: dependencies)
        // The fixed staff paths (new, pending, import) before `{id}`, so they are never read as an id.
        addImport(to: router, dependencies: dependencies)
        addStaffPages(to: router, dependencies: dependencies)
        addStaffCommands(to: router, dependencies: dependencies)
        addStaffAPI(to: router, dependencies: dependencies)
    }

    /// The `{id}` path parameter as a license id; a malformed one is simply not found, like a license
    /// the caller may not see.
    static func id(_ context: AppRequestContext) throws -> UUID {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else {
            throw DomainError(.notFound, code: "licenses.not-found", title: "证照不存在", detail: "没有找到这个证照，或您无权查看。")
        }
        return id
    }

    /// A JSON answer that verifiers and caches may keep for five minutes.
    static func cacheable(_ value: some Encodable) throws -> Response {
        var response = try JSONResponse.make(value)
        response.headers[.cacheControl] = "public, max-age=300"
        return response
    }
}
