import Foundation
public import Hummingbird

/// An RFC 9457 problem document, the body of every API error.
public struct Problem: Codable, Sendable, Equatable {
    /// A URI naming the problem kind.
    public var type: String
    /// A short Chinese summary.
    public var title: String
    /// The HTTP status.
    public var status: Int
    /// A Chinese sentence on what went wrong and what to do.
    public var detail: String
    /// The request path.
    public var instance: String?
    /// A stable machine code.
    public var code: String
    /// The request id, to quote when asking for help.
    public var requestId: String?

    /// Creates a problem.
    public init(
        status: Int, code: String, title: String, detail: String, instance: String? = nil, requestId: String? = nil
    ) {
        self.type = "https://zhengtong.example/problems/\(code)"
        self.title = title
        self.status = status
        self.detail = detail
        self.instance = instance
        self.code = code
        self.requestId = requestId
    }

    /// The problem as an `application/problem+json` response.
    public func response() -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return Response(
            status: .init(code: status),
            headers: [.contentType: "application/problem+json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
