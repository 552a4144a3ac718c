import Foundation
import Hummingbird
import Identity
import Kernel

/// 人脸核验 (L3) from 个人中心 or an application's step-up: start at the provider, come back, complete.
enum RealNameRoutes {
    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let realName = dependencies.realName
        router.post("/me/real-name/face") { request, context in
            guard let session = context.session else {
                return Response(status: .seeOther, headers: [.location: "/login?next=/me"])
            }
            let next = try await request.formFields(context)["next"].map { PortalRoutes.safeReturnPath($0) }
            var back = dependencies.oidc.issuer.value + "/me/real-name/face/{attempt}"
            if let next { back += "?" + URLEncodedForm.encode([("next", next)]) }
            let start = try await realName.startFaceVerification(
                personID: session.personID, by: context.actor, returnURL: back)
            // The development verifier has no page of its own: it sends the person straight back here.
            let base = dependencies.oidc.issuer.value
            if start.verifyURL.isEmpty || start.verifyURL.hasPrefix(base + "/") {
                let location = back.replacingOccurrences(of: "{attempt}", with: start.attemptID.uuidString)
                    .replacingOccurrences(of: base, with: "")
                return Response(status: .seeOther, headers: [.location: location])
            }
            // A link, not a redirect: the page's form-action policy would stop a redirect to the provider.
            let page = FaceStartPage(
                layout: dependencies.renderer.layout("人脸核验", request, context), verifyURL: start.verifyURL)
            return dependencies.renderer.render("face-start", page)
        }
        router.get("/me/real-name/face/{attempt}") { request, context in
            guard context.session != nil else {
                return Response(status: .seeOther, headers: [.location: "/login?next=/me"])
            }
            let attempt = try context.parameters.require("attempt", as: UUID.self)
            let next = request.uri.queryParameters["next"].map { PortalRoutes.safeReturnPath(String($0)) }
            switch try await realName.completeFaceVerification(attemptID: attempt, by: context.actor) {
            case .passed:
                return Response(status: .seeOther, headers: [.location: next ?? "/me?raised=3"])
            default:
                let page = FacePendingPage(
                    layout: dependencies.renderer.layout("人脸核验", request, context), retry: request.uri.description)
                return dependencies.renderer.render("face-pending", page)
            }
        }
    }
}
