import Catalog
import CatalogModel

/// The columns of the catalog CSV, in file order. One header serves the three kinds of record;
/// a record leaves the columns of the other kinds empty. See docs/catalog-format.md.
enum CSVColumn: String, CaseIterable, Sendable {
    case record
    case businessCode = "business_code"
    case departmentCode = "department_code"
    case divisionCode = "division_code"
    case version
    case status
    case effectiveFrom = "effective_from"
    case effectiveUntil = "effective_until"
    case code
    case name
    case itemType = "item_type"
    case audiences
    case lifeEvents = "life_events"
    case onlineDepth = "online_depth"
    case visits
    case legalDays = "legal_days"
    case legalUnit = "legal_unit"
    case promisedDays = "promised_days"
    case promisedUnit = "promised_unit"
    case channels
    case feeTotalFen = "fee_total_fen"
    case resultKind = "result_kind"
    case resultName = "result_name"
    case resultSample = "result_sample"
    case consultationPhone = "consultation_phone"
    case complaintPhone = "complaint_phone"
    case locationCodes = "location_codes"
    case appointmentSlots = "appointment_slots"
    case appointmentDays = "appointment_days"
    case themes
    case keywords
    case legalBasis = "legal_basis"
    case conditions
    case situations
    case materials
    case fees
    case steps
    case faq
    case address
    case hours
    case phone
    case windows
    case latitude
    case longitude
    case summary
    case itemCodes = "item_codes"
    case published

    /// The header row.
    static let header = allCases.map(\.rawValue)

    /// The position of each column.
    static let position: [CSVColumn: Int] = Dictionary(
        uniqueKeysWithValues: allCases.enumerated().map { ($0.element, $0.offset) })
}
