import Foundation
import Kernel
import PaymentChannels
import Payments

/// The view model of 对账: the form to import a channel's statement of one day (a file, or
/// downloaded from the channel), and the statements imported with their totals and differences,
/// each open difference with a form to resolve it on a recorded reason.
struct PaymentPageReconciliation {
    /// A channel of the import form.
    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    /// One difference.
    struct Mismatch {
        var id: String
        var kind: String
        var outTradeNo: String
        var reference: String?
        var ours: String
        var theirs: String
        var resolved: Bool
        var resolution: String?
        var resolvedBy: String?
        var resolvedAt: String?
        /// The reason typed when resolving it was refused.
        var typedReason: String
    }

    /// One imported statement.
    struct Statement {
        var channel: String
        var day: String
        var lineCount: Int
        var payments: String
        var refunds: String
        var importedBy: String
        var importedAt: String
        var mismatches: [Mismatch]
        var count: Int
        var open: Int
        var hasOpen: Bool
        var balanced: Bool
    }

    var layout: Layout
    var channels: [Option]
    var day: String
    var statements: [Statement]
    var notice: String?
    var error: DomainError?

    /// The page of `statements`; `channel` and `day` fill the import form, `typed` keeps a refused
    /// resolution's reason by mismatch id.
    init(
        layout: Layout, channels: [PaymentChannelID], statements: [StatementImport], channel: String, day: String,
        typed: [UUID: String] = [:]
    ) {
        self.layout = layout
        self.channels = channels.map { Option(value: $0.rawValue, label: $0.label, selected: $0.rawValue == channel) }
        self.day = day
        self.statements = statements.map { statement in
            let mismatches = statement.mismatches.map { mismatch in
                Mismatch(
                    id: mismatch.id.uuidString, kind: mismatch.kind.label, outTradeNo: mismatch.outTradeNo,
                    reference: mismatch.reference, ours: mismatch.ours?.formatted(.yuan) ?? "无",
                    theirs: mismatch.theirs?.formatted(.yuan) ?? "无", resolved: mismatch.resolved,
                    resolution: mismatch.resolution,
                    resolvedBy: mismatch.resolvedBy.map(LicenseStaffLicensePage.actorLabel),
                    resolvedAt: CasePageFormat.time(mismatch.resolvedAt), typedReason: typed[mismatch.id] ?? "")
            }
            let open = mismatches.filter { !$0.resolved }.count
            return Statement(
                channel: statement.channel.label, day: statement.day.description, lineCount: statement.lineCount,
                payments: statement.payments.formatted(.yuan), refunds: statement.refunds.formatted(.yuan),
                importedBy: LicenseStaffLicensePage.actorLabel(statement.importedBy),
                importedAt: CasePageFormat.time(statement.importedAt), mismatches: mismatches, count: mismatches.count,
                open: open, hasOpen: open > 0, balanced: mismatches.isEmpty)
        }
    }
}
