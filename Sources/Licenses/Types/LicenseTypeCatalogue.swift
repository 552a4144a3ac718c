public import Foundation
public import Kernel

/// The license types this platform issues, read from a `zhengtong.license-types/1` file and checked.
public struct LicenseTypeCatalogue: Sendable {
    /// The types, in file order.
    public let types: [LicenseType]

    /// Checks `types`: unique keys and codes, valid type codes, fields named where they are used.
    public init(types: [LicenseType]) throws(DomainError) {
        var problems: [String] = []
        var seen = Set<String>()
        for type in types {
            if !seen.insert(type.key).inserted { problems.append("证照类型 \(type.key) 重复") }
            if (try? LicenseIdentifier(
                typeCode: type.code, issuerCode: String(repeating: "1", count: 18), serial: "1", version: 1)) == nil
            {
                problems.append("\(type.key)：类型代码 \(type.code) 不是1至32位数字或大写字母")
            }
            if type.field(type.holderNameField) == nil {
                problems.append("\(type.key)：持证者名称字段 \(type.holderNameField) 不存在")
            }
            if type.field(type.holderIDField).map({ [.idNumber, .creditCode].contains($0.kind) }) != true {
                problems.append("\(type.key)：持证者证件字段 \(type.holderIDField) 应为身份证号或统一社会信用代码字段")
            }
            if let field = type.representativeIDField, type.field(field)?.kind != .idNumber {
                problems.append("\(type.key)：代表人证件字段 \(field) 应为身份证号字段")
            }
            if let years = type.validYears, !(1...100).contains(years) {
                problems.append("\(type.key)：有效年限应在1至100年之间")
            }
            for key in type.fromCases?.fields.keys.sorted() ?? [] where type.field(key) == nil {
                problems.append("\(type.key)：办件映射中的字段 \(key) 不存在")
            }
        }
        guard problems.isEmpty else {
            throw DomainError(
                .invalid, code: "licenses.types-invalid", title: "证照类型定义有误", detail: problems.joined(separator: "；"))
        }
        self.types = types
    }

    /// Reads a catalogue file.
    public init(json: Data) throws {
        struct File: Decodable {
            var format: String
            var types: [LicenseType]
        }
        let file = try JSONDecoder().decode(File.self, from: json)
        guard file.format == "zhengtong.license-types/1" else {
            throw DomainError(
                .invalid, code: "licenses.types-format", title: "证照类型文件格式不对",
                detail: "文件格式应为 zhengtong.license-types/1，收到 \(file.format)。")
        }
        try self.init(types: file.types)
    }

    /// The types bundled with the platform (the demo territory's issuing departments).
    public static func bundled() throws -> LicenseTypeCatalogue {
        guard let url = Bundle.module.url(forResource: "license-types", withExtension: "json") else {
            throw DomainError(.unavailable, code: "licenses.types-missing", title: "证照类型缺失", detail: "找不到内置的证照类型文件。")
        }
        return try LicenseTypeCatalogue(json: try Data(contentsOf: url))
    }

    /// The type with `key`.
    public func type(_ key: String) -> LicenseType? { types.first { $0.key == key } }

    /// The type a concluded case of item `itemCode` issues, if any.
    public func type(issuedBy itemCode: String) -> LicenseType? {
        types.first { $0.fromCases?.items.contains(itemCode) == true }
    }
}
