import Foundation
import Kernel
import Messaging
import SQLKit
import Storage
import StorageTesting
import Testing

@Suite("Messaging service")
struct MessagingServiceTests {
    @Test("an SMS is stored sealed, masked, audited and sent by its job", arguments: TestDatabase.available)
    func sendSMS(kind: TestDatabase) async throws {
        try await kind.withDatabase(migrations: MessagingModule.migrations) { database in
            // setup
            let fixture = try MessagingFixture(database: database, gateway: ScriptedGateway([.success("gw-1")]))
            // act
            let record = try await fixture.service.send(MessagingFixture.code(), by: MessagingFixture.operatorActor)
            try await fixture.drain()
            // verify
            let stored = try await fixture.service.message(id: record.id)
            #expect(record.recipientMasked == "138****0000")
            #expect(record.body == "您的验证码是123456，5分钟内有效。请勿告诉他人。")
            #expect(stored.status == .sent)
            #expect(stored.providerMessageID == "gw-1")
            #expect(fixture.gateway.messages.map(\.phone) == ["13800000000"])
            let raw = try await database.read { sql in
                try await sql.raw("SELECT recipient_sealed FROM msg_messages").first()!.decode(
                    column: "recipient_sealed", as: Data.self)
            }
            #expect(String(decoding: raw, as: UTF8.self).contains("13800000000") == false)
            #expect(try await AuditVerifier(database: database).verify().entryCount == 1)
        }
    }

    @Test("an inbox message lands in the account's inbox", arguments: TestDatabase.available)
    func inbox(kind: TestDatabase) async throws {
        try await kind.withDatabase(migrations: MessagingModule.migrations) { database in
            let fixture = try MessagingFixture(database: database)
            let record = try await fixture.service.send(
                SendMessage(
                    channel: .inbox, recipient: "acct-1", template: "platform.welcome", parameters: ["name": "李四"]),
                by: .system)
            try await fixture.drain()
            let row = try await database.read { sql in
                try await sql.raw("SELECT account_id, title FROM msg_inbox").first()
            }
            #expect(try row?.decode(column: "account_id", as: String.self) == "acct-1")
            #expect(try row?.decode(column: "title", as: String.self) == "欢迎使用政通")
            #expect(try await fixture.service.message(id: record.id).status == .delivered)
            #expect(fixture.gateway.messages.isEmpty)
            // The owner reads it and marks it read; someone else may not look.
            let owner = Actor(id: "acct-1", channel: "web", clientAddress: "127.0.0.1")
            let items = try await fixture.service.inbox(accountID: "acct-1", by: owner)
            #expect(items.map(\.messageID) == [record.id])
            try await fixture.service.markRead(items[0].id, accountID: "acct-1", by: owner)
            #expect(try await fixture.service.inbox(accountID: "acct-1", by: owner).first?.readAt != nil)
            let stranger = Actor(id: "acct-2", channel: "web", clientAddress: "127.0.0.1")
            await #expect(throws: DomainError.self) {
                try await fixture.service.inbox(accountID: "acct-1", by: stranger)
            }
            await #expect(throws: DomainError.self) {
                try await fixture.service.markRead(items[0].id, accountID: "acct-1", by: owner)
            }
        }
    }

    @Test("a night-time SMS waits for 08:00 unless urgent", arguments: TestDatabase.available)
    func quietHours(kind: TestDatabase) async throws {
        try await kind.withDatabase(migrations: MessagingModule.migrations) { database in
            // setup: 23:00 Beijing time
            let night = MessagingFixture.noon.addingTimeInterval(11 * 3600)
            let fixture = try MessagingFixture(database: database, at: night)
            // act
            let normal = try await fixture.service.send(MessagingFixture.code(), by: MessagingFixture.operatorActor)
            let urgent = try await fixture.service.send(
                MessagingFixture.code(urgent: true), by: MessagingFixture.operatorActor)
            try await fixture.drain()
            let beforeMorning = try await fixture.service.message(id: normal.id).status
            fixture.clock.advance(by: 9 * 3600)
            try await fixture.drain()
            // verify
            #expect(normal.scheduledAt == night.addingTimeInterval(9 * 3600))
            #expect(try await fixture.service.message(id: urgent.id).status == .sent)
            #expect(beforeMorning == .queued)
            #expect(try await fixture.service.message(id: normal.id).status == .sent)
        }
    }

    @Test("a gateway outage is retried with backoff; a rejection fails at once", arguments: TestDatabase.available)
    func retries(kind: TestDatabase) async throws {
        try await kind.withDatabase(migrations: MessagingModule.migrations) { database in
            // setup
            let gateway = ScriptedGateway([
                .failure(.unavailable("HTTP 503")), .success("gw-2"), .failure(.rejected(status: 400, reason: "空号")),
            ])
            let fixture = try MessagingFixture(database: database, gateway: gateway)
            // act: the first message fails once, then goes out after the backoff
            let first = try await fixture.service.send(MessagingFixture.code(), by: MessagingFixture.operatorActor)
            try await fixture.drain()
            let afterOutage = try await fixture.service.message(id: first.id)
            fixture.clock.advance(by: 60)
            try await fixture.drain()
            let second = try await fixture.service.send(
                MessagingFixture.code(to: "13900000000"), by: MessagingFixture.operatorActor)
            try await fixture.drain()
            // verify
            #expect(afterOutage.status == .queued)
            #expect(afterOutage.lastError?.contains("503") == true)
            #expect(try await fixture.service.message(id: first.id).status == .sent)
            #expect(try await fixture.service.message(id: second.id).status == .failed)
            #expect(try await fixture.queue.counts()[.dead] == 1)
        }
    }

    @Test(
        "a receipt finalises a sent message once; replays and late failures change nothing",
        arguments: TestDatabase.available)
    func receipt(kind: TestDatabase) async throws {
        try await kind.withDatabase(migrations: MessagingModule.migrations) { database in
            // setup
            let fixture = try MessagingFixture(database: database, gateway: ScriptedGateway([.success("gw-9")]))
            let record = try await fixture.service.send(MessagingFixture.code(), by: MessagingFixture.operatorActor)
            try await fixture.drain()
            let gateway = Actor(id: "sms-gateway", channel: "api", clientAddress: "127.0.0.1", roles: ["system"])
            // act
            let first = try await fixture.service.recordReceipt(
                providerMessageID: "gw-9", delivered: true, error: nil, by: gateway)
            let replay = try await fixture.service.recordReceipt(
                providerMessageID: "gw-9", delivered: true, error: nil, by: gateway)
            let lateFailure = try await fixture.service.recordReceipt(
                providerMessageID: "gw-9", delivered: false, error: "超时", by: gateway)
            let unknown = try await fixture.service.recordReceipt(
                providerMessageID: "gw-unknown", delivered: true, error: nil, by: gateway)
            // verify
            #expect([first, replay, lateFailure, unknown] == [.recorded, .alreadyFinal, .alreadyFinal, .unknown])
            #expect(try await fixture.service.message(id: record.id).status == .delivered)
            let audit = try await AuditVerifier(database: database).verify()
            #expect(audit.entryCount == 2)
        }
    }

    @Test("bad input and unauthorised senders are refused before anything is stored")
    func refusals() async throws {
        try await TestDatabase.sqlite.withDatabase(migrations: MessagingModule.migrations) { database in
            let fixture = try MessagingFixture(database: database)
            let visitor = Actor(id: "anonymous", channel: "web", clientAddress: "1.2.3.4")
            await #expect(throws: DomainError.self) {
                try await fixture.service.send(MessagingFixture.code(), by: visitor)
            }
            for phone in ["1380000000", "23800000000", "1380000000a", "12800000000"] {
                await #expect(throws: DomainError.self, "\(phone)") {
                    try await fixture.service.send(MessagingFixture.code(to: phone), by: MessagingFixture.operatorActor)
                }
            }
            #expect(try await fixture.service.recent().isEmpty)
        }
    }
}
