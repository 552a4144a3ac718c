/// The table of administrative divisions (GB/T 2260), current and historical.
public struct DivisionTable: Sendable {
    private let byCode: [DivisionCode: Division]
    private let childrenByCode: [DivisionCode: [DivisionCode]]

    /// Builds a table from rows in the format `code,name,level,parent,current`.
    ///
    /// Every parent must itself be in the table, so that parent chains always end at a province.
    public init(csv text: String, file: String = "divisions") throws(DomainError) {
        let table = try CSVRows(text, header: ["code", "name", "level", "parent", "current"], file: file)
        var byCode: [DivisionCode: Division] = [:]
        byCode.reserveCapacity(table.rows.count)
        var children: [DivisionCode: [DivisionCode]] = [:]
        for row in table.rows {
            let fields = row.fields.map(String.init)
            guard let code = try? DivisionCode(fields[0]), let level = DivisionLevel(rawValue: fields[2]),
                fields[3].isEmpty || (try? DivisionCode(fields[3])) != nil, ["0", "1"].contains(fields[4])
            else {
                throw CSVRows.error(file: file, line: row.line, "代码、级别、上级代码或现行标志无效。")
            }
            let parent = fields[3].isEmpty ? nil : try? DivisionCode(fields[3])
            let division = Division(
                code: code, name: fields[1], level: level, parent: parent, isHistorical: fields[4] == "0")
            guard byCode.updateValue(division, forKey: code) == nil else {
                throw CSVRows.error(file: file, line: row.line, "代码 \(code) 重复。")
            }
            if let parent { children[parent, default: []].append(code) }
        }
        for division in byCode.values {
            if let parent = division.parent, byCode[parent] == nil {
                throw CSVRows.error(file: file, line: 1, "\(division.code) 的上级代码 \(parent) 不在表中。")
            }
        }
        self.byCode = byCode
        self.childrenByCode = children.mapValues { $0.sorted() }
    }

    /// The bundled national table, loaded once.
    public static func standard() throws(DomainError) -> DivisionTable {
        try cachedStandard.get()
    }

    private static let cachedStandard: Result<DivisionTable, DomainError> = {
        do throws(DomainError) {
            return .success(try DivisionTable(csv: CSVRows.bundledText("cn-divisions"), file: "cn-divisions.csv"))
        } catch {
            return .failure(error)
        }
    }()

    /// The number of divisions, historical ones included.
    public var count: Int { byCode.count }

    /// The division with `code`, or nil if the table does not know it.
    public subscript(code: DivisionCode) -> Division? { byCode[code] }

    /// The division with `code`; throws `division.not-found` if the table does not know it.
    public func division(_ code: DivisionCode) throws(DomainError) -> Division {
        guard let division = byCode[code] else {
            throw DomainError(
                .notFound, code: "division.not-found", title: "行政区划不存在",
                detail: "行政区划代码 \(code) 不在《中华人民共和国行政区划代码》表中，请核对代码。")
        }
        return division
    }

    /// Whether the table knows `code`, current or historical.
    public func contains(_ code: DivisionCode) -> Bool { byCode[code] != nil }

    /// The division and all divisions above it, nearest first, ending at the province.
    public func chain(of code: DivisionCode) throws(DomainError) -> [Division] {
        var chain = [try division(code)]
        while let parent = chain.last?.parent, let next = byCode[parent] {
            chain.append(next)
        }
        return chain
    }

    /// The full name from the province down, such as 河北省石家庄市长安区.
    public func fullName(of code: DivisionCode) throws(DomainError) -> String {
        try chain(of: code).reversed().map(\.name).joined()
    }

    /// The divisions directly under `code`, by code; historical ones only when asked for.
    public func children(of code: DivisionCode, includingHistorical: Bool = false) -> [Division] {
        (childrenByCode[code] ?? []).compactMap { byCode[$0] }.filter { includingHistorical || !$0.isHistorical }
    }

    /// All province-level divisions, by code.
    public var provinces: [Division] {
        byCode.values.filter { $0.level == .province }.sorted { $0.code < $1.code }
    }
}
