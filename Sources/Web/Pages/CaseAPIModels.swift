import CasesModel
import CatalogModel
import Foundation

/// The JSON shapes of the cases API (documented in openapi.json); built from the service's
/// values, which stay free of wire concerns. Personal data arrives masked from the service.
enum CaseAPIModels {
    /// A time limit: days and their unit (`workingDays` or `naturalDays`); 0 days is 即办.
    struct Limit: Encodable {
        var days: Int
        var unit: String
        var label: String

        init(_ limit: TimeLimit) {
            days = limit.days
            unit = limit.unit.rawValue
            label = limit.label
        }
    }

    /// A case as lists and commands return it.
    struct Case: Encodable {
        var id: UUID
        var number: String?
        var parentId: UUID?
        var bundleCode: String?
        var itemCode: String
        var itemName: String
        var itemVersion: Int
        var departmentId: UUID
        var divisionCode: String
        var processId: String
        var processRevision: Int
        var applicantKind: String
        var applicantNameMasked: String
        var applicantIdMasked: String
        var situations: [String]
        var state: String
        var stateLabel: String
        var outcome: String?
        var originChannel: String
        var lastChannel: String
        var promisedLimit: Limit
        var legalLimit: Limit?
        var deadline: String?
        var createdAt: Date
        var submittedAt: Date?
        var acceptedAt: Date?
        var concludedAt: Date?
        var revision: Int

        init(_ record: CaseRecord) {
            id = record.id
            number = record.number
            parentId = record.parentID
            bundleCode = record.bundleCode
            itemCode = record.itemCode
            itemName = record.itemName
            itemVersion = record.itemVersion
            departmentId = record.departmentID
            divisionCode = record.divisionCode
            processId = record.processID
            processRevision = record.processRevision
            applicantKind = record.applicantKind.rawValue
            applicantNameMasked = record.applicantNameMasked
            applicantIdMasked = record.applicantIDMasked
            situations = record.situations
            state = record.state.rawValue
            stateLabel = record.state.label
            outcome = record.outcome?.rawValue
            originChannel = record.originChannel.rawValue
            lastChannel = record.lastChannel.rawValue
            promisedLimit = Limit(record.promisedLimit)
            legalLimit = record.legalLimit.map(Limit.init)
            deadline = record.deadline?.description
            createdAt = record.createdAt
            submittedAt = record.submittedAt
            acceptedAt = record.acceptedAt
            concludedAt = record.concludedAt
            revision = record.revision
        }
    }

    /// A list of cases.
    struct CaseList: Encodable {
        var items: [Case]
    }
}
