import Foundation
import Hummingbird
import Kernel
import Messaging
import Storage

/// Sending messages (operators), the development inbox page, and SMS delivery receipts.
enum MessagingRoutes {
    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let messaging = dependencies.messaging
        let renderer = dependencies.renderer
        router.post("/api/v1/admin/messages") { request, context in
            let command = try await request.decodeJSON(as: SendMessage.self, context: context)
            let record = try await messaging.send(command, by: context.actor)
            return try JSONResponse.make(record, status: .accepted)
        }
        router.get("/api/v1/admin/messages/{id}") { _, context in
            let id = try context.parameters.require("id", as: UUID.self)
            return try JSONResponse.make(try await messaging.message(id: id))
        }
        router.get("/api/v1/admin/messages") { request, _ in
            return try JSONResponse.make(MessageList(items: try await messaging.recent(limit: try request.limit())))
        }
        router.post("/api/v1/messaging/sms-receipts") { request, context in
            let body = Array(buffer: try await request.body.collect(upTo: context.maxUploadSize))
            let header = { (name: String) in request.headers[.init(name)!] ?? "" }
            let valid = dependencies.gatewaySignature.verify(
                method: "POST", path: request.uri.path, timestamp: header("X-ZT-Timestamp"),
                nonce: header("X-ZT-Nonce"), body: body, signature: header("X-ZT-Signature"),
                now: dependencies.clock.now())
            guard valid, header("X-ZT-Key-Id") == dependencies.gatewaySignature.keyID else {
                throw DomainError(
                    .unauthenticated, code: "messaging.bad-signature", title: "回执签名无效",
                    detail: "短信网关回执的签名或时间戳不正确，已拒绝。")
            }
            let receipt = try JSONDecoder().decode(Receipt.self, from: Data(body))
            guard receipt.status == "delivered" || receipt.status == "failed" else {
                throw DomainError(
                    .invalid, code: "messaging.bad-receipt", title: "回执状态不正确", detail: "status 只能是 delivered 或 failed。")
            }
            let gateway = Actor(
                id: "sms-gateway", channel: "api", clientAddress: context.clientAddress, roles: ["system"])
            let outcome = try await messaging.recordReceipt(
                providerMessageID: receipt.providerMessageId, delivered: receipt.status == "delivered",
                error: receipt.error, by: gateway)
            guard outcome != .unknown else {
                throw DomainError(
                    .notFound, code: "messaging.unknown-provider-id", title: "消息不存在",
                    detail: "没有网关编号为 \(receipt.providerMessageId) 的已发送消息。")
            }
            return try JSONResponse.make(["status": outcome.rawValue])
        }
        router.get("/dev/messages") { request, context in
            guard renderer.site.demo else { throw HTTPError(.notFound) }
            let records = try await messaging.recent(limit: 100)
            return renderer.render(
                "messages",
                MessagesPage(layout: renderer.layout("开发收件箱", request, context), records: records))
        }
    }

    struct Receipt: Decodable {
        var providerMessageId: String
        var status: String
        var error: String?
    }

    struct MessageList: Encodable {
        var items: [MessageRecord]
    }
}

/// The view model of the development inbox.
struct MessagesPage {
    struct Item {
        var channelLabel: String
        var recipient: String
        var statusLabel: String
        var createdAt: String
        var urgent: Bool
        var title: String
        var body: String
    }

    var layout: Layout
    var messages: [Item]
    var hasMessages: Bool

    init(layout: Layout, records: [MessageRecord]) {
        self.layout = layout
        messages = records.map { record in
            Item(
                channelLabel: record.channel == .sms ? "短信" : "站内信", recipient: record.recipientMasked,
                statusLabel: Self.label(record.status), createdAt: BeijingTime.format(record.createdAt),
                urgent: record.urgent, title: record.title, body: record.body)
        }
        hasMessages = !records.isEmpty
    }

    static func label(_ status: MessageStatus) -> String {
        switch status {
        case .queued: "排队中"
        case .sent: "已发送"
        case .delivered: "已送达"
        case .failed: "发送失败"
        }
    }
}
