import Foundation
import Kernel
import PaymentChannels
import Payments

extension PaymentAPIModels {
    /// One difference between a channel's statement and the platform's records.
    struct Mismatch: Codable {
        var id: UUID
        var channel: String
        var day: String
        var kind: String
        var kindLabel: String
        var outTradeNo: String
        var reference: String?
        var oursFen: Int64?
        var theirsFen: Int64?
        var resolved: Bool
        var resolution: String?
        var resolvedBy: String?
        var resolvedAt: Date?

        init(_ mismatch: ReconciliationMismatch) {
            id = mismatch.id
            channel = mismatch.channel.rawValue
            day = mismatch.day.description
            kind = mismatch.kind.rawValue
            kindLabel = mismatch.kind.label
            outTradeNo = mismatch.outTradeNo
            reference = mismatch.reference
            oursFen = mismatch.ours?.fen
            theirsFen = mismatch.theirs?.fen
            resolved = mismatch.resolved
            resolution = mismatch.resolution
            resolvedBy = mismatch.resolvedBy
            resolvedAt = mismatch.resolvedAt
        }
    }

    /// A statement imported for one day and what reconciling it found.
    struct Statement: Codable {
        var id: UUID
        var channel: String
        var channelLabel: String
        var day: String
        var lineCount: Int
        var paymentsFen: Int64
        var refundsFen: Int64
        var importedBy: String
        var importedAt: Date
        var mismatches: [Mismatch]

        init(_ statement: StatementImport) {
            id = statement.id
            channel = statement.channel.rawValue
            channelLabel = statement.channel.label
            day = statement.day.description
            lineCount = statement.lineCount
            paymentsFen = statement.payments.fen
            refundsFen = statement.refunds.fen
            importedBy = statement.importedBy
            importedAt = statement.importedAt
            mismatches = statement.mismatches.map(Mismatch.init)
        }
    }

    /// The statements imported lately, newest first.
    struct StatementList: Codable {
        var items: [Statement]
    }

    /// A channel notification or query answer as logged.
    struct Notification: Codable {
        var channel: String
        var source: String
        var outcome: String
        var reason: String?
        var outTradeNo: String?
        var amountFen: Int64?
        var receivedAt: Date

        init(_ record: PaymentNotificationRecord) {
            channel = record.channel
            source = record.source
            outcome = record.outcome
            reason = record.reason
            outTradeNo = record.outTradeNo
            amountFen = record.amountFen
            receivedAt = record.receivedAt
        }
    }

    /// The notifications received lately, newest first.
    struct NotificationList: Codable {
        var items: [Notification]
    }
}
