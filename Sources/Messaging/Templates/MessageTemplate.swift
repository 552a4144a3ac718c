import Kernel

/// A Chinese message text with named parameters, such as `您的验证码是{code}`.
public struct MessageTemplate: Sendable, Equatable {
    /// A stable code, such as `identity.login-code`.
    public var code: String
    /// The title shown in the inbox.
    public var title: String
    /// The body with `{name}` placeholders.
    public var body: String

    /// Creates a template.
    public init(code: String, title: String, body: String) {
        self.code = code
        self.title = title
        self.body = body
    }

    /// The placeholder names the title and body use, in order of first use.
    public var parameterNames: [String] {
        var names: [String] = []
        var current: String?
        for character in title + body {
            if character == "{" {
                current = ""
            } else if character == "}", let name = current {
                if !names.contains(name) { names.append(name) }
                current = nil
            } else if current != nil {
                current?.append(character)
            }
        }
        return names
    }

    /// Fills the placeholders of title and body; every placeholder needs a value and no unknown value is allowed.
    public func render(_ parameters: [String: String]) throws -> (title: String, body: String) {
        let names = parameterNames
        if let missing = names.first(where: { parameters[$0] == nil }) {
            throw DomainError(
                .invalid, code: "messaging.missing-parameter", title: "消息参数不全",
                detail: "模板 \(code) 需要参数“\(missing)”，请补充后重试。")
        }
        if let extra = parameters.keys.sorted().first(where: { !names.contains($0) }) {
            throw DomainError(
                .invalid, code: "messaging.unknown-parameter", title: "消息参数有误",
                detail: "模板 \(code) 没有参数“\(extra)”，请检查参数名。")
        }
        func fill(_ text: String) -> String {
            names.reduce(text) { $0.replacingOccurrences(of: "{\($1)}", with: parameters[$1] ?? "") }
        }
        return (fill(title), fill(body))
    }
}
