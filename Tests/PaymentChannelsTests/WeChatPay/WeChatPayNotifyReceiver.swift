import Foundation
import Hummingbird
import NIOCore
import PaymentChannels
import Synchronization

/// The merchant's notification endpoint as the web layer will have it: the raw request goes to
/// `notice(from:)`, and the answer is the channel's acknowledgement. A test can make it refuse the
/// next few notifications, as a server whose database is briefly down would.
final class WeChatPayNotifyReceiver: Sendable {
    static let path = "/payments/wechat/notify"

    let channel: WeChatPayChannel
    private let refusalsLeft = Mutex(0)
    private let accepted = Mutex<[ChannelPaymentNotice]>([])
    private let rejected = Mutex<[PaymentChannelError]>([])
    private let attempts = Mutex(0)

    init(channel: WeChatPayChannel) {
        self.channel = channel
    }

    /// Notices that verified and were accepted, in arrival order.
    var notices: [ChannelPaymentNotice] { accepted.withLock { $0 } }
    /// Errors of notifications that did not verify.
    var errors: [PaymentChannelError] { rejected.withLock { $0 } }
    /// Every request that arrived.
    var requestCount: Int { attempts.withLock { $0 } }

    /// Refuses the next `count` notifications even when they verify.
    func refuseNext(_ count: Int) {
        refusalsLeft.withLock { $0 = count }
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.post(RouterPath(Self.path)) { request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let accepted = self.receive(ChannelNotification(headers: headers, body: Data(buffer: body)))
            let answer = self.channel.acknowledgement(accepted: accepted)
            return Response(
                status: .init(code: answer.status), headers: [.contentType: answer.contentType],
                body: .init(byteBuffer: ByteBuffer(string: answer.body)))
        }
        return router
    }

    private func receive(_ notification: ChannelNotification) -> Bool {
        attempts.withLock { $0 += 1 }
        do {
            let notice = try channel.notice(from: notification)
            let refuse = refusalsLeft.withLock { left in
                defer { left = max(0, left - 1) }
                return left > 0
            }
            if !refuse { accepted.withLock { $0.append(notice) } }
            return !refuse
        } catch {
            rejected.withLock { $0.append(error) }
            return false
        }
    }
}
