import Foundation
import Hummingbird
import NIOCore
import PaymentChannels
import Payments

extension PaymentAPIRoutes {
    /// The largest notification read; providers send a few kilobytes.
    static let notificationLimit = 64 * 1024

    /// The providers' asynchronous notifications (支付结果通知). The raw body and every header go to the
    /// channel's adapter, which checks the signature over those exact bytes; the answer is the one
    /// the provider's protocol expects (status, content type and body), never a problem document,
    /// since the provider reads it to decide whether to send again. No session and no CSRF token: the
    /// signature is the credential.
    static func addNotify(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let payments = dependencies.payments
        router.post("/api/v1/payments/notify/{channel}") { request, context in
            var request = request
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: notificationLimit)
            } catch is NIOTooManyBytesError {
                return Problem(
                    status: 413, code: "payments.notification-too-large", title: "通知内容过大",
                    detail: "支付通知不能超过 64 KiB。", instance: request.uri.path, requestId: context.requestID
                ).response()
            }
            let channel = PaymentChannelID(rawValue: context.parameters.get("channel") ?? "")
            let notification = ChannelNotification(
                headers: headerFields(request.headers), body: Data(body.readableBytesView))
            let acknowledgement = await payments.receiveNotification(channel, notification)
            return Response(
                status: .init(code: acknowledgement.status),
                headers: [.contentType: acknowledgement.contentType, .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: acknowledgement.body)))
        }
    }

    /// The header fields as names in lower case to values; a repeated field's values are joined with
    /// ", " as HTTP allows (RFC 9110 § 5.3).
    static func headerFields(_ fields: HTTPFields) -> [String: String] {
        var result: [String: String] = [:]
        for field in fields {
            let name = field.name.canonicalName
            result[name] = result[name].map { "\($0), \(field.value)" } ?? field.value
        }
        return result
    }
}
