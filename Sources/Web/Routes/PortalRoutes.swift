import Foundation
import Hummingbird

/// The portal shell: the home page and the elderly-friendly switch.
enum PortalRoutes {
    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let renderer = dependencies.renderer
        router.get("/") { request, context in
            renderer.render("home", HomePage(layout: renderer.layout("首页", request, context)))
        }
        router.post("/preferences/elderly") { request, context in
            let buffer = try await request.body.collect(upTo: context.maxUploadSize)
            let form = try URLEncodedFormDecoder().decode(ElderlyForm.self, from: String(buffer: buffer))
            let enabled = form.enabled == "1"
            var response = Response(status: .seeOther, headers: [.location: safeReturnPath(form.returnTo)])
            response.setCookie(
                Cookie(
                    name: Layout.elderlyCookie, value: enabled ? "1" : "0", maxAge: 365 * 24 * 3600, path: "/",
                    httpOnly: false, sameSite: .lax))
            return response
        }
    }

    /// Only same-site absolute paths, so the switch cannot be used as an open redirect.
    ///
    /// Control characters and spaces are refused too: browsers drop a tab or newline from a
    /// `Location`, which would turn `/\t/evil.example` into `//evil.example`.
    static func safeReturnPath(_ path: String?) -> String {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\"), path.count < 2048,
            path.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F })
        else {
            return "/"
        }
        return path
    }

    struct ElderlyForm: Decodable {
        var enabled: String
        var returnTo: String?
    }
}

/// The home page's view model.
struct HomePage {
    struct Part {
        var name: String
        var summary: String
        var status: String
    }
    struct Way {
        var name: String
        var summary: String
    }

    var layout: Layout
    var parts: [Part] = [
        Part(name: "政务服务", summary: "查办事指南、网上申请、跟踪办件、缴费、领取电子证照、评价服务。", status: "建设中"),
        Part(name: "公共服务", summary: "就业服务、社区和养老服务、交通出行信息。", status: "建设中"),
        Part(name: "社会治理", summary: "12345 热线诉求、网格事件、应急预警信息。", status: "建设中"),
        Part(name: "宏观决策", summary: "经济运行指标、分析预测和领导驾驶舱。", status: "建设中"),
    ]
    var ways: [Way] = [
        Way(name: "马上办", summary: "即办事项当场办结"),
        Way(name: "掌上办", summary: "手机上随时申请和查询"),
        Way(name: "就近办", summary: "在家门口的便民服务点办理"),
        Way(name: "一窗办", summary: "综合窗口一次受理"),
    ]
}
