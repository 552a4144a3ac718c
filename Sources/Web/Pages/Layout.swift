import Foundation
import Hummingbird

/// What the shared layout needs on every page.
struct Layout {
    var title: String
    var site: SiteInfo
    var elderly: Bool
    var returnTo: String
    var year: Int
    var isHome: Bool
    var csrf: String
    var signedIn: Bool
    /// A staff member is signed in (and no person is), so the nav offers the workbench and the
    /// staff logout instead of the citizens' 登录 and 注册.
    var staffSignedIn: Bool

    static let elderlyCookie = "zt_elderly"

    init(title: String, site: SiteInfo, request: Request, context: AppRequestContext, now: Date) {
        self.title = title
        self.site = site
        self.elderly = request.cookies[Self.elderlyCookie]?.value == "1"
        self.returnTo = request.uri.path
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        self.year = calendar.component(.year, from: now)
        self.isHome = request.uri.path == "/"
        self.csrf = context.csrfToken
        self.signedIn = context.session != nil
        self.staffSignedIn = context.session == nil && context.staff != nil
    }
}
