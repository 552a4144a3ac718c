public import Foundation
public import Kernel

/// An issued e-license as its holder and the issuing staff see it: fields in clear.
public struct License: Sendable, Equatable, Codable, Identifiable {
    /// The row id.
    public var id: UUID
    /// The GB/T 36903 identifier.
    public var identifier: LicenseIdentifier
    /// The type's key.
    public var typeKey: String
    /// The type's name.
    public var typeName: String
    /// The issuing department's name.
    public var issuerName: String
    /// Person or organisation.
    public var holderKind: LicenseHolderKind
    /// The holder's name, masked.
    public var holderNameMasked: String
    /// The field values by key, in clear.
    public var fields: [String: String]
    /// Where it stands.
    public var status: LicenseStatus
    /// Why it was suspended or revoked.
    public var statusReason: String?
    /// The day it was issued.
    public var issuedOn: CalendarDay
    /// The last day it is valid, nil for 长期.
    public var validUntil: CalendarDay?
    /// The case whose approval issued it.
    public var caseID: UUID?
    /// The signed QR payload (`ZT1:` …).
    public var code: String

    /// Whether it has passed its last valid day on `today`.
    public func isExpired(on today: CalendarDay) -> Bool {
        validUntil.map { today > $0 } ?? false
    }

    /// The status a verifier reports on `today`: expiry counts as a status of its own.
    public func effectiveStatusLabel(on today: CalendarDay) -> String {
        status == .valid && isExpired(on: today) ? "已过期" : status.label
    }
}
