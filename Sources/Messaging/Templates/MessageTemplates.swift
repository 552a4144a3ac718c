import Kernel

/// The templates every module registers at start-up, looked up by code.
public struct MessageTemplates: Sendable {
    private var byCode: [String: MessageTemplate]

    /// Creates the registry from `templates`; a later template with the same code wins.
    public init(_ templates: [MessageTemplate]) {
        byCode = Dictionary(templates.map { ($0.code, $0) }, uniquingKeysWith: { _, later in later })
    }

    /// The template with `code`, or a Chinese not-found error.
    public func template(_ code: String) throws -> MessageTemplate {
        guard let template = byCode[code] else {
            throw DomainError(
                .notFound, code: "messaging.unknown-template", title: "消息模板不存在",
                detail: "没有编号为 \(code) 的消息模板，请检查模板编号。")
        }
        return template
    }

    /// Every template, ordered by code.
    public var all: [MessageTemplate] { byCode.values.sorted { $0.code < $1.code } }

    /// The platform's built-in templates.
    public static let builtIn: [MessageTemplate] = [
        MessageTemplate(
            code: "platform.verification-code", title: "验证码",
            body: "您的验证码是{code}，{minutes}分钟内有效。请勿告诉他人。"),
        MessageTemplate(
            code: "platform.notice", title: "{title}", body: "{content}"),
        MessageTemplate(
            code: "platform.welcome", title: "欢迎使用政通", body: "{name}，您好！欢迎使用网上办事大厅，办事进度将在这里通知您。"),
    ]
}
