import Hummingbird
import Kernel

extension Request {
    /// The `limit` query parameter: `fallback` when absent, a 422 problem when not a whole number in 1...200.
    ///
    /// Refusing instead of clamping keeps the server to its published contract.
    func limit(default fallback: Int = 50) throws -> Int {
        guard let text = uri.queryParameters["limit"].map(String.init) else { return fallback }
        guard let value = Int(text), (1...200).contains(value) else {
            throw DomainError(
                .invalid, code: "request.bad-limit", title: "limit 参数不正确", detail: "limit 应为 1 至 200 之间的整数。")
        }
        return value
    }
}
