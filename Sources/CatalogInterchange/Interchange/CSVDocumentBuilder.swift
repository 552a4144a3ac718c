import Catalog
import CatalogModel
import Foundation
import Kernel

/// Turns the records of a catalog CSV into a document: groups version rows into items by business
/// code (in the order codes first appear) and collects every problem before throwing.
struct CSVDocumentBuilder {
    private var itemOrder: [String] = []
    private var items: [String: CatalogDocument.ItemEntry] = [:]
    private var itemLines: [String: Int] = [:]
    private var locations: [CatalogDocument.LocationEntry] = []
    private var bundles: [CatalogDocument.BundleEntry] = []
    private var problems: [String] = []

    mutating func add(_ record: CSVTable.Record) {
        guard record.fields.count == CSVColumn.allCases.count else {
            problems.append("第 \(record.line) 行有 \(record.fields.count) 列，表头有 \(CSVColumn.allCases.count) 列；请检查逗号和引号。")
            return
        }
        var reader = CSVRowReader(record)
        switch CSVRecordKind(rawValue: reader.text(.record)) {
        case .version: addVersion(&reader)
        case .location: locations.append(location(&reader))
        case .bundle: bundles.append(bundle(&reader))
        case nil:
            reader.problem(.record, "“\(reader.text(.record))”不是有效的记录类型（version、location 或 bundle）")
        }
        problems += reader.problems
    }

    func document() throws(DomainError) -> CatalogDocument {
        guard problems.isEmpty else { throw ImportProblems.error(problems) }
        return CatalogDocument(items: itemOrder.compactMap { items[$0] }, locations: locations, bundles: bundles)
    }

    private mutating func addVersion(_ row: inout CSVRowReader) {
        let code = row.text(.businessCode)
        let version = CatalogDocument.VersionEntry(
            number: row.int(.version) ?? 0, status: row.value(.status, as: VersionStatus.self) ?? .draft,
            effectiveFrom: row.optionalText(.effectiveFrom), effectiveUntil: row.optionalText(.effectiveUntil),
            guide: guide(&row))
        if var item = items[code] {
            if item.departmentCode != row.text(.departmentCode) || item.divisionCode != row.text(.divisionCode) {
                row.problem(
                    .departmentCode, "事项 \(code) 的实施部门或行政区划与第 \(itemLines[code] ?? 0) 行不一致，同一事项的各版本应相同")
            }
            item.versions.append(version)
            items[code] = item
        } else {
            itemOrder.append(code)
            itemLines[code] = row.line
            items[code] = CatalogDocument.ItemEntry(
                businessCode: code, departmentCode: row.text(.departmentCode), divisionCode: row.text(.divisionCode),
                versions: [version])
        }
    }

    private func guide(_ row: inout CSVRowReader) -> ItemGuide {
        let legalDays = row.int(.legalDays, optional: true)
        let legalUnit = unit(&row, .legalUnit, required: legalDays != nil)
        let promisedDays = row.int(.promisedDays) ?? 0
        let promisedUnit = unit(&row, .promisedUnit, required: true)
        let slots = row.int(.appointmentSlots, optional: true)
        let advance = row.int(.appointmentDays, optional: true)
        if (slots == nil) != (advance == nil) {
            row.problem(.appointmentSlots, "appointment_slots 与 appointment_days 应同时填写或同时留空")
        }
        let depth = row.int(.onlineDepth) ?? 1
        if OnlineDepth(rawValue: depth) == nil { row.problem(.onlineDepth, "网上办理深度应为1到4") }
        return ItemGuide(
            name: row.text(.name), itemType: row.value(.itemType, as: ItemType.self) ?? .publicService,
            audiences: row.values(.audiences, as: Audience.self),
            themes: row.json(.themes, as: [String].self, empty: []),
            lifeEvents: row.values(.lifeEvents, as: LifeEvent.self),
            keywords: row.json(.keywords, as: [String].self, empty: []),
            legalBasis: row.json(.legalBasis, as: [String].self, empty: []),
            conditions: row.json(.conditions, as: [String].self, empty: []),
            situations: row.json(.situations, as: [Situation].self, empty: []),
            materials: row.json(.materials, as: [RequiredMaterial].self, empty: []),
            fees: row.json(.fees, as: [Fee].self, empty: []),
            legalTimeLimit: legalDays.map { TimeLimit(days: $0, unit: legalUnit) },
            promisedTimeLimit: TimeLimit(days: promisedDays, unit: promisedUnit),
            visitsRequired: row.int(.visits) ?? 0, onlineDepth: OnlineDepth(rawValue: depth) ?? .information,
            channels: row.values(.channels, as: ServiceChannel.self),
            appointment: slots.flatMap { slots in
                advance.map { AppointmentCapacity(slotsPerDay: slots, advanceDays: $0) }
            },
            steps: row.json(.steps, as: [ProcessStep].self, empty: []),
            faq: row.json(.faq, as: [FAQEntry].self, empty: []),
            result: ItemResult(
                kind: row.value(.resultKind, as: ItemResult.Kind.self) ?? .other, name: row.text(.resultName),
                sample: row.text(.resultSample)),
            locationCodes: row.list(.locationCodes), consultationPhone: row.text(.consultationPhone),
            complaintPhone: row.text(.complaintPhone))
    }

    private func unit(_ row: inout CSVRowReader, _ column: CSVColumn, required: Bool) -> TimeLimit.Unit {
        let text = row.text(column).trimmingCharacters(in: .whitespaces)
        if text.isEmpty, !required { return .workingDays }
        guard let unit = TimeLimit.Unit(rawValue: text) else {
            row.problem(column, "“\(text)”应为 workingDays（工作日）或 naturalDays（自然日）")
            return .workingDays
        }
        return unit
    }

    private func location(_ row: inout CSVRowReader) -> CatalogDocument.LocationEntry {
        CatalogDocument.LocationEntry(
            code: row.text(.code), name: row.text(.name), divisionCode: row.text(.divisionCode),
            departmentCode: row.optionalText(.departmentCode), address: row.text(.address), hours: row.text(.hours),
            phone: row.text(.phone), windows: row.int(.windows) ?? 0, latitude: row.double(.latitude),
            longitude: row.double(.longitude))
    }

    private func bundle(_ row: inout CSVRowReader) -> CatalogDocument.BundleEntry {
        CatalogDocument.BundleEntry(
            code: row.text(.code), name: row.text(.name), audience: row.value(.audiences, as: Audience.self) ?? .person,
            lifeEvent: row.value(.lifeEvents, as: LifeEvent.self) ?? .birth, summary: row.text(.summary),
            itemCodes: row.list(.itemCodes), published: row.bool(.published))
    }
}
