public import Foundation
public import Kernel
public import PaymentChannels

/// A channel statement imported for one day, and what reconciling it found.
public struct StatementImport: Sendable, Hashable, Identifiable {
    /// The import's id.
    public var id: UUID
    /// The channel.
    public var channel: PaymentChannelID
    /// The day (Asia/Shanghai).
    public var day: CalendarDay
    /// Lines in the file.
    public var lineCount: Int
    /// Total payments in the file.
    public var payments: Money
    /// Total refunds in the file.
    public var refunds: Money
    /// Who imported it (a staff id, or `system` for the daily job).
    public var importedBy: String
    /// When.
    public var importedAt: Date
    /// The differences found, open and resolved.
    public var mismatches: [ReconciliationMismatch]
}
