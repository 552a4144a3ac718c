import Foundation
import Kernel
import Licenses

/// The JSON bodies of the license API (docs/licenses.md); dates are `yyyy-MM-dd` days or ISO 8601 instants.
enum LicenseAPIModels {
    /// A license as its issuing staff see it: field values in clear.
    struct License: Codable {
        var id: UUID
        var identifier: String
        var type: String
        var typeName: String
        var issuerName: String
        var holderKind: String
        var holderNameMasked: String
        var fields: [String: String]
        var status: String
        var statusLabel: String
        var statusReason: String?
        var issuedOn: String
        var validUntil: String?
        var expired: Bool
        var caseID: UUID?
        var code: String

        init(_ license: Licenses.License, today: CalendarDay) {
            id = license.id
            identifier = license.identifier.description
            type = license.typeKey
            typeName = license.typeName
            issuerName = license.issuerName
            holderKind = license.holderKind.rawValue
            holderNameMasked = license.holderNameMasked
            fields = license.fields
            status = license.status.rawValue
            statusLabel = license.effectiveStatusLabel(on: today)
            statusReason = license.statusReason
            issuedOn = license.issuedOn.description
            validUntil = license.validUntil?.description
            expired = license.isExpired(on: today)
            caseID = license.caseID
            code = license.code
        }
    }

    /// A page of licenses.
    struct LicenseList: Codable {
        var items: [License]
    }

    /// One line of a license's history.
    struct HistoryEntry: Codable {
        var action: String
        var actor: String
        var reason: String?
        var at: Date

        init(_ entry: LicenseHistoryEntry) {
            action = entry.action
            actor = entry.actor
            reason = entry.reason
            at = entry.at
        }
    }

    /// A license with its history, for its issuing staff.
    struct Detail: Codable {
        var license: License
        var history: [HistoryEntry]
    }

    /// The approved cases waiting for a license issued by hand.
    struct PendingList: Codable {
        var items: [PendingIssue]
    }

    /// `POST /api/v1/staff/licenses`: the type, the field values and, for a legacy license, its first day.
    struct Issue: Decodable {
        var type: String
        var fields: [String: String]
        var issuedOn: String?
    }

    /// The reason a status change needs.
    struct Reason: Decodable {
        var reason: String
    }

    /// `POST /api/v1/staff/licenses/{id}/renew`: the fields that change.
    struct Renew: Decodable {
        var fields: [String: String]
    }

    /// The license types the platform issues, with their fields in print order.
    struct TypeList: Codable {
        var items: [LicenseType]
    }
}
