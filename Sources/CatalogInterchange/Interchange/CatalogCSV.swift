import Catalog
import CatalogModel
public import Foundation
public import Kernel

/// The catalog file as one CSV table (RFC 4180, UTF-8 with a byte-order mark so Excel shows
/// Chinese correctly, CRLF line ends): a `record` column says whether a row is an item version,
/// a location or a bundle; scalar facts get readable columns and nested lists JSON text.
/// The columns are listed in docs/catalog-format.md.
public enum CatalogCSV {
    /// Writes the document.
    public static func encode(_ document: CatalogDocument) throws -> Data {
        var rows = [CSVColumn.header]
        for item in document.items {
            for version in item.versions { rows.append(try versionRow(item, version)) }
        }
        rows += document.locations.map(locationRow)
        rows += document.bundles.map(bundleRow)
        return Data(("\u{FEFF}" + CSVTable.write(rows)).utf8)
    }

    /// Reads a document; throws `invalid` (`catalog.invalid-import`) naming the lines and columns
    /// that are wrong.
    public static func decode(_ data: Data) throws(DomainError) -> CatalogDocument {
        guard var text = String(data: data, encoding: .utf8) else {
            throw ImportProblems.unreadable("文件不是 UTF-8 编码；用 Excel 保存时请选择“CSV UTF-8（逗号分隔）”。")
        }
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        let records = try CSVTable.read(text)
        guard let header = records.first else { throw ImportProblems.unreadable("文件是空的。") }
        try checkHeader(header)
        var builder = CSVDocumentBuilder()
        for record in records.dropFirst() {
            builder.add(record)
        }
        return try builder.document()
    }

    static func checkHeader(_ header: CSVTable.Record) throws(DomainError) {
        let expected = CSVColumn.header
        let found = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        for (index, name) in expected.enumerated() where index >= found.count || found[index] != name {
            let actual = index < found.count ? "“\(found[index])”" : "缺失"
            throw ImportProblems.unreadable(
                "第 \(header.line) 行表头第 \(index + 1) 列应为“\(name)”，实际为\(actual)；请使用导出文件的表头（共 \(expected.count) 列）。")
        }
        guard found.count == expected.count else {
            throw ImportProblems.unreadable(
                "第 \(header.line) 行表头有 \(found.count) 列，应为 \(expected.count) 列；多出的列：\(found.dropFirst(expected.count).joined(separator: "、"))。"
            )
        }
    }

    private static func versionRow(_ item: CatalogDocument.ItemEntry, _ version: CatalogDocument.VersionEntry) throws
        -> [String]
    {
        let guide = version.guide
        var row = CSVRowWriter(.version)
        row[.businessCode] = item.businessCode
        row[.departmentCode] = item.departmentCode
        row[.divisionCode] = item.divisionCode
        row[.version] = String(version.number)
        row[.status] = version.status.rawValue
        row[.effectiveFrom] = version.effectiveFrom ?? ""
        row[.effectiveUntil] = version.effectiveUntil ?? ""
        row[.name] = guide.name
        row[.itemType] = guide.itemType.rawValue
        row[.audiences] = guide.audiences.map(\.rawValue).joined(separator: "|")
        row[.lifeEvents] = guide.lifeEvents.map(\.rawValue).joined(separator: "|")
        row[.onlineDepth] = String(guide.onlineDepth.rawValue)
        row[.visits] = String(guide.visitsRequired)
        row[.legalDays] = guide.legalTimeLimit.map { String($0.days) } ?? ""
        row[.legalUnit] = guide.legalTimeLimit?.unit.rawValue ?? ""
        row[.promisedDays] = String(guide.promisedTimeLimit.days)
        row[.promisedUnit] = guide.promisedTimeLimit.unit.rawValue
        row[.channels] = guide.channels.map(\.rawValue).joined(separator: "|")
        row[.feeTotalFen] = String(guide.totalFeeFen)
        row[.resultKind] = guide.result.kind.rawValue
        row[.resultName] = guide.result.name
        row[.resultSample] = guide.result.sample
        row[.consultationPhone] = guide.consultationPhone
        row[.complaintPhone] = guide.complaintPhone
        row[.locationCodes] = guide.locationCodes.joined(separator: "|")
        row[.appointmentSlots] = guide.appointment.map { String($0.slotsPerDay) } ?? ""
        row[.appointmentDays] = guide.appointment.map { String($0.advanceDays) } ?? ""
        row[.themes] = try json(guide.themes)
        row[.keywords] = try json(guide.keywords)
        row[.legalBasis] = try json(guide.legalBasis)
        row[.conditions] = try json(guide.conditions)
        row[.situations] = try json(guide.situations)
        row[.materials] = try json(guide.materials)
        row[.fees] = try json(guide.fees)
        row[.steps] = try json(guide.steps)
        row[.faq] = try json(guide.faq)
        return row.fields
    }

    private static func locationRow(_ location: CatalogDocument.LocationEntry) -> [String] {
        var row = CSVRowWriter(.location)
        row[.code] = location.code
        row[.name] = location.name
        row[.divisionCode] = location.divisionCode
        row[.departmentCode] = location.departmentCode ?? ""
        row[.address] = location.address
        row[.hours] = location.hours
        row[.phone] = location.phone
        row[.windows] = String(location.windows)
        row[.latitude] = String(location.latitude)
        row[.longitude] = String(location.longitude)
        return row.fields
    }

    private static func bundleRow(_ bundle: CatalogDocument.BundleEntry) -> [String] {
        var row = CSVRowWriter(.bundle)
        row[.code] = bundle.code
        row[.name] = bundle.name
        row[.audiences] = bundle.audience.rawValue
        row[.lifeEvents] = bundle.lifeEvent.rawValue
        row[.summary] = bundle.summary
        row[.itemCodes] = bundle.itemCodes.joined(separator: "|")
        row[.published] = bundle.published ? "true" : "false"
        return row.fields
    }

    /// Nested lists as compact JSON with sorted keys, so the same guide always gives the same cell.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
