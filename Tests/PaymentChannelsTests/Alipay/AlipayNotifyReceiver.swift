import Foundation
import Hummingbird
import NIOCore
import PaymentChannels

/// Stands in for Zhengtong's notification endpoint: a local server that hands each posted
/// notification to `answer` and sends back the acknowledgement it returns.
enum AlipayNotifyReceiver {
    /// Runs the receiver, calls `body` with its notification address, then stops it.
    static func run<T: Sendable>(
        answering answer: @escaping @Sendable (ChannelNotification) -> ChannelAcknowledgement,
        _ body: (URL) async throws -> T
    ) async throws -> T {
        let router = Router()
        router.post("alipay/notify") { request, _ -> Response in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let acknowledgement = answer(ChannelNotification(headers: headers, body: Data(bytes.readableBytesView)))
            var responseHeaders = HTTPFields()
            responseHeaders[.contentType] = acknowledgement.contentType
            return Response(
                status: HTTPResponse.Status(code: acknowledgement.status), headers: responseHeaders,
                body: .init(byteBuffer: ByteBuffer(string: acknowledgement.body)))
        }
        return try await AlipayTestServer.run(router) { port in
            try await body(URL(string: "http://127.0.0.1:\(port)/alipay/notify")!)
        }
    }
}
