import Foundation
import Kernel
import Storage

extension LicenseService {
    /// Registers every department the bundled types name as an issuer, under a generated credit code
    /// in the 机关 range (登记管理部门 1, 机构类别 1) of the department's division.
    ///
    /// Demo and test data only: a real deployment registers each department's own code on the admin page.
    package func registerDemoIssuers() async throws {
        let departments = try await organisation.publicDepartments()
        try await database.transaction { tx in
            for code in Set(catalogue.types.map(\.issuerDepartment)).sorted() {
                guard let department = departments.first(where: { $0.code == code }) else { continue }
                let issuer = LicenseIssuer(
                    departmentID: department.id,
                    creditCode: Self.demoCreditCode(division: department.divisionCode.rawValue, seed: code),
                    name: department.name)
                try await upsertIssuer(issuer, sql: tx.sql)
            }
        }
    }

    /// The demo citizen's shop (张三, 130102199003071233, its legal representative) holds a business
    /// license, so the wallet and 用证授权 have something to show; issued by the platform itself.
    package func seedDemoLicenses() async throws {
        guard let type = catalogue.type("business-license") else { return }
        let fields = try LicenseFieldRules.checked(
            [
                "name": "石家庄市长安区张三小吃店", "creditCode": "91130102MA0G8XKQ5Q", "entityType": "个体工商户",
                "legalRepresentative": "张三", "legalRepresentativeIDNumber": "130102199003071233",
                "registeredCapital": "10万元", "establishedOn": "2024-03-01", "address": "石家庄市长安区建设北大街1号",
                "scope": "餐饮服务；食品销售",
            ], type: type, clock: clock)
        try await database.transaction { tx in
            let issuer = try await issuer(of: type, sql: tx.sql)
            _ = try await insert(
                type: type, fields: fields, issuer: issuer, issuedOn: try CalendarDay(year: 2024, month: 3, day: 1),
                origin: .init(action: "issued", actor: .system), in: tx)
        }
    }

    /// A well-formed 统一社会信用代码 for a government department: `11`, the division, nine digits
    /// derived from `seed`, and the GB 32100 check character.
    static func demoCreditCode(division: String, seed: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in seed.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let subject = String(hash % 1_000_000_000).leftPadded(to: 9)
        let body = "11" + division + subject
        return body + (UnifiedSocialCreditCode.checkCharacter(for: body).map { String($0) } ?? "")
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
