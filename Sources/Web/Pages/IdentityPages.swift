import Foundation
import Identity
import Kernel

/// The view model of 登录.
struct LoginPage {
    var layout: Layout
    var next: String
    var identifier = ""
    var error: DomainError?
}

/// The view model of 短信验证码登录, after a code was asked for.
struct CodeLoginPage {
    var layout: Layout
    var phone: String
    /// Where to go after logging in.
    var next = "/me"
    var notice: String?
    var error: DomainError?
}

/// The view model of 注册.
struct RegisterPage {
    var layout: Layout
    var name = ""
    var idNumber = ""
    var phone = ""
    var error: DomainError?
}

/// The view model of 个人中心.
struct ProfilePage {
    struct Device {
        var device: String
        var channel: String
        var createdAt: String
        var lastSeenAt: String
        var current: Bool
    }

    struct Raise {
        var level: String
        var method: String
        var at: String
    }

    struct AppAuthorisation {
        var clientID: String
        var clientName: String
        var scopes: String
        var grantedAt: String
    }

    var layout: Layout
    var profile: PersonProfile
    var levelLabel: String
    var authorisations: [AppAuthorisation] = []
    var sessions: [Device]
    var history: [Raise]
    var canRaiseByRegistry: Bool
    /// Offered at L2 when a face verifier is configured.
    var canRaiseByFace = false
    /// Shown beside the face option: the development verifier says it checks nothing.
    var faceNotice: String?
    var notice: String?
    var error: DomainError?

    init(layout: Layout, profile: PersonProfile, sessions: [SessionInfo], current: UUID, history: [RealNameEvent]) {
        self.layout = layout
        self.profile = profile
        levelLabel = profile.realNameLevel.label
        canRaiseByRegistry = profile.realNameLevel < .registryMatched
        self.history = history.map { event in
            Raise(
                level: event.level.label, method: Self.methodLabel(event.method),
                at: BeijingTime.format(event.occurredAt))
        }
        self.sessions = sessions.map { session in
            Device(
                device: Self.describe(session.userAgent), channel: session.channel == "web" ? "网页" : session.channel,
                createdAt: BeijingTime.format(session.createdAt), lastSeenAt: BeijingTime.format(session.lastSeenAt),
                current: session.id == current)
        }
    }

    mutating func show(_ authorisations: [Authorisation]) {
        self.authorisations = authorisations.map { item in
            AppAuthorisation(
                clientID: item.clientID, clientName: item.clientName,
                scopes: item.scopes.map { OIDCScope.label($0) }.joined(separator: "、"),
                grantedAt: BeijingTime.format(item.grantedAt))
        }
    }

    static func methodLabel(_ method: String) -> String {
        switch method {
        case "self-declared": "注册时自主声明"
        case "registry:database": "人口库比对"
        default: method
        }
    }

    /// A short, readable device name from a User-Agent.
    static func describe(_ userAgent: String) -> String {
        let agent = userAgent.lowercased()
        let system =
            agent.contains("android")
            ? "安卓手机"
            : agent.contains("iphone")
                ? "iPhone"
                : agent.contains("windows")
                    ? "Windows 电脑"
                    : agent.contains("mac os")
                        ? "Mac 电脑"
                        : agent.contains("linux") ? "Linux 电脑" : "未知设备"
        let browser =
            agent.contains("micromessenger")
            ? "微信"
            : agent.contains("edg/")
                ? "Edge"
                : agent.contains("chrome")
                    ? "Chrome"
                    : agent.contains("firefox")
                        ? "Firefox"
                        : agent.contains("safari") ? "Safari" : "浏览器"
        return system + " · " + browser
    }
}
