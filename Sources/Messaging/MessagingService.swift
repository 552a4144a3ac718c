public import Foundation
public import Kernel
import SQLKit
public import Storage

/// Sends templated messages through the inbox or SMS, with delivery jobs, retries and receipts.
public struct MessagingService: Sendable {
    /// The job kind that delivers one message.
    public static let deliveryJobKind = "messaging.deliver"
    /// Roles allowed to send arbitrary messages; domain services send as `system`.
    public static let senderRoles: Set<String> = ["operator", "system"]

    let database: any Database
    let queue: JobQueue
    let audit: AuditLog
    let templates: MessageTemplates
    let sealer: FieldSealer
    let sms: any SMSGateway
    let clock: any Clock
    let quietHours: QuietHours

    /// Creates the service.
    public init(
        database: any Database, queue: JobQueue, audit: AuditLog, templates: MessageTemplates, sealer: FieldSealer,
        sms: any SMSGateway, clock: any Clock, quietHours: QuietHours = QuietHours()
    ) {
        self.database = database
        self.queue = queue
        self.audit = audit
        self.templates = templates
        self.sealer = sealer
        self.sms = sms
        self.clock = clock
        self.quietHours = quietHours
    }

    /// Accepts a message: stores it, schedules its delivery and audits the command, in one transaction.
    public func send(_ command: SendMessage, by actor: Actor) async throws -> MessageRecord {
        guard actor.holdsAny(of: Self.senderRoles) else {
            throw DomainError(.forbidden, code: "messaging.forbidden", title: "无权发送消息", detail: "只有运维人员或系统可以发送消息。")
        }
        try Self.validate(recipient: command.recipient, channel: command.channel)
        let template = try templates.template(command.template)
        let (title, body) = try template.render(command.parameters)
        let now = clock.now()
        let due = command.channel == .sms && !command.urgent ? quietHours.nextAllowed(after: now) : now
        let record = MessageRecord(
            id: UUID(), channel: command.channel, recipientMasked: Self.mask(command.recipient, command.channel),
            template: template.code, title: title, body: body, urgent: command.urgent, status: .queued, attempts: 0,
            providerMessageID: nil, lastError: nil, createdAt: now, scheduledAt: due, updatedAt: now)
        let sealed = try sealer.seal(command.recipient, context: "msg_messages.recipient")
        let index = sealer.blindIndex(command.recipient, context: "msg_messages.recipient")
        let digest = try audit.digest(of: record)
        try await database.transaction { tx in
            try await insert(record, sealed: sealed, index: index, tx: tx)
            try await queue.enqueue(
                kind: Self.deliveryJobKind, payload: ["messageID": record.id.uuidString], runAt: due, in: tx)
            try await audit.append(
                actor.entry(
                    action: "messaging.send", objectType: "message", objectID: record.id.uuidString,
                    changeDigest: digest), in: tx)
        }
        return record
    }

    /// One message, or a not-found error.
    public func message(id: UUID) async throws -> MessageRecord {
        let row = try await database.read { sql in
            try await sql.raw("SELECT \(unsafeRaw: MessageRow.columns) FROM msg_messages WHERE id = \(bind: id)")
                .first()
        }
        guard let row else {
            throw DomainError(.notFound, code: "messaging.not-found", title: "消息不存在", detail: "没有找到编号为 \(id) 的消息。")
        }
        return try MessageRow.record(row)
    }

    /// The newest messages first, for the development inbox and operators.
    public func recent(limit: Int = 50, offset: Int = 0) async throws -> [MessageRecord] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT \(unsafeRaw: MessageRow.columns) FROM msg_messages
                ORDER BY created_at DESC LIMIT \(bind: min(max(limit, 1), 200)) OFFSET \(bind: max(offset, 0))
                """
            ).all()
        }.map(MessageRow.record)
    }

    private func insert(_ record: MessageRecord, sealed: [UInt8], index: String, tx: Transaction) async throws {
        try await tx.sql.raw(
            """
            INSERT INTO msg_messages (id, channel, recipient_sealed, recipient_masked, recipient_index, template,
                title, body, urgent, status, attempts, created_at, scheduled_at, updated_at)
            VALUES (\(bind: record.id), \(bind: record.channel.rawValue), \(bind: Data(sealed)),
                \(bind: record.recipientMasked), \(bind: index), \(bind: record.template), \(bind: record.title),
                \(bind: record.body), \(bind: record.urgent ? 1 : 0), \(bind: record.status.rawValue), 0,
                \(bind: record.createdAt), \(bind: record.scheduledAt), \(bind: record.updatedAt))
            """
        ).run()
    }

    static func validate(recipient: String, channel: MessageChannel) throws {
        switch channel {
        case .sms:
            if !MobileNumber.isValid(recipient) {
                throw DomainError(
                    .invalid, code: "messaging.bad-phone", title: "手机号码格式不正确",
                    detail: "请填写 11 位中国大陆手机号码，例如 13812345678。")
            }
        case .inbox:
            if recipient.isEmpty || recipient.count > 64 {
                throw DomainError(
                    .invalid, code: "messaging.bad-account", title: "收件账号不正确", detail: "站内信的收件人应为 1 至 64 个字符的账号编号。")
            }
        }
    }

    static func mask(_ recipient: String, _ channel: MessageChannel) -> String {
        channel == .sms ? Masking.phone(recipient) : recipient
    }
}
