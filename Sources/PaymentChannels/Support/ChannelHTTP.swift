import AsyncHTTPClient
import Foundation
import NIOCore

/// Sends one request to a provider with a deadline and a cap on the answer's size, turning
/// transport failures into `PaymentChannelError`.
enum ChannelHTTP {
    /// A provider's answer.
    struct Reply: Sendable {
        /// The HTTP status code.
        var status: Int
        /// The body, at most the requested limit.
        var body: Data
    }

    /// Sends `request`; a connection failure, a timeout or a 5xx status is `.unavailable`, a body
    /// over `limit` bytes `.malformed`. Other statuses are returned for the adapter to judge.
    static func send(
        _ request: HTTPClientRequest, client: HTTPClient, timeout: TimeAmount, limit: Int
    ) async throws(PaymentChannelError) -> Reply {
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: timeout)
        } catch {
            throw .unavailable("连接失败：\(error)")
        }
        let status = Int(response.status.code)
        let buffer: ByteBuffer
        do {
            buffer = try await response.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw .malformed("应答超过 \(limit) 字节的上限。")
        } catch {
            throw .unavailable("读取应答失败：\(error)")
        }
        guard status < 500 else { throw .unavailable("HTTP \(status)") }
        return Reply(status: status, body: Data(buffer.readableBytesView))
    }
}
