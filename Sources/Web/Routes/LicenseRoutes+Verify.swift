import Foundation
import Hummingbird
import Kernel
import Licenses

extension LicenseRoutes {
    /// 电子证照核验, for anyone: paste the scanned text, see the verdict. Junk gets a verdict too,
    /// never an error page: the verifier names what is wrong with the text.
    static func addVerify(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let renderer = dependencies.renderer
        let licenses = dependencies.licenses
        router.get("/licenses/verify") { request, context in
            renderer.render("license-verify", LicenseVerifyPage(layout: renderer.layout("电子证照核验", request, context)))
        }
        router.post("/licenses/verify") { request, context in
            let code = try await request.formFields(context)["code"] ?? ""
            let page = LicenseVerifyPage(
                layout: renderer.layout("电子证照核验", request, context), code: code,
                verification: try await licenses.verify(code))
            return renderer.render("license-verify", page)
        }
        router.post("/api/v1/licenses/verify") { request, context in
            let body = try await request.decodeJSON(as: LicenseAPIModels.VerifyRequest.self, context: context)
            return try JSONResponse.make(LicenseAPIModels.Verification(try await licenses.verify(body.code)))
        }
    }

    /// What verifiers download while online to check codes offline: the issuers' public keys and the
    /// licenses that no longer verify. Both are public and may be cached for five minutes.
    static func addPublication(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let licenses = dependencies.licenses
        router.get("/.well-known/zhengtong/license-keys.json") { _, _ in
            let names = Dictionary(
                try await licenses.issuers().map { ($0.creditCode, $0.name) }, uniquingKeysWith: { first, _ in first })
            let keys = try await licenses.publishedKeys().map {
                LicenseAPIModels.PublishedKey($0, issuerName: names[$0.issuer])
            }
            return try cacheable(LicenseAPIModels.KeySet(keys: keys))
        }
        router.get("/api/v1/licenses/status-list") { _, _ in
            try cacheable(
                LicenseAPIModels.StatusList(
                    generatedAt: dependencies.clock.now(), items: try await licenses.statusList()))
        }
        router.get("/api/v1/licenses/types") { _, _ in
            try cacheable(LicenseAPIModels.TypeList(items: licenses.catalogue.types))
        }
    }
}
