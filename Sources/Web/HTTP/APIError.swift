import Hummingbird
import Kernel

/// Maps any error a route throws to a status and a Chinese problem.
enum APIError {
    static func problem(for error: any Error, path: String, requestID: String) -> Problem {
        switch error {
        case let error as DomainError:
            return Problem(
                status: status(for: error.kind), code: error.code, title: error.title, detail: error.detail,
                instance: path, requestId: requestID)
        case let error as HTTPError:
            return problem(forStatus: Int(error.status.code), body: error.body, path: path, requestID: requestID)
        case let error as any HTTPResponseError:
            return problem(forStatus: Int(error.status.code), body: nil, path: path, requestID: requestID)
        case is DecodingError:
            return Problem(
                status: 400, code: "request.invalid-json", title: "请求内容格式错误",
                detail: "请求体不是有效的 JSON，或缺少必填字段、字段类型不符。请按接口文档修正后重试。", instance: path,
                requestId: requestID)
        default:
            return Problem(
                status: 500, code: "server.internal", title: "服务器内部错误",
                detail: "服务器处理请求时出错，我们已记录此问题。请稍后重试，或凭请求编号联系运维人员。", instance: path,
                requestId: requestID)
        }
    }

    static func status(for kind: DomainError.Kind) -> Int {
        switch kind {
        case .invalid: 422
        case .notFound: 404
        case .conflict: 409
        case .unauthenticated: 401
        case .forbidden: 403
        case .rateLimited: 429
        case .unavailable: 503
        }
    }

    static func problem(forStatus status: Int, body: String?, path: String, requestID: String) -> Problem {
        let (code, title, detail): (String, String, String) =
            switch status {
            case 400: ("request.bad", "请求有误", "请求的格式或参数不正确，请检查后重试。")
            case 401: ("auth.required", "需要登录", "请先提供有效的身份凭证再访问。")
            case 403: ("auth.forbidden", "无权访问", "您没有执行此操作的权限。")
            case 404: ("route.not-found", "页面不存在", "您访问的地址不存在，请检查网址是否正确。")
            case 405: ("route.method-not-allowed", "不支持的请求方法", "此地址不支持该请求方法。")
            case 413: ("request.too-large", "请求内容过大", "请求体超过了允许的大小（1 MB），请缩小后重试。")
            case 415: ("request.unsupported-type", "不支持的内容类型", "请以 application/json 提交请求体。")
            default:
                status >= 500
                    ? ("server.internal", "服务器内部错误", "服务器处理请求时出错，请稍后重试。")
                    : ("request.failed", "请求未能完成", "请求未能完成，请检查后重试。")
            }
        _ = body
        return Problem(status: status, code: code, title: title, detail: detail, instance: path, requestId: requestID)
    }
}
