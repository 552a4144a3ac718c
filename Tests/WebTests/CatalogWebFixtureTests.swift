import Catalog
import CatalogModel
import Foundation
import Identity
import Kernel
import Server
import Testing

/// A small published catalog on the platform of a test server: two items of the market-regulation
/// bureau (one with situations and a fee), a draft nobody published, two locations and a bundle.
struct CatalogWebFixture {
    let license: String
    let seal: String
    let draft: String
    let department: UUID

    /// Demo staff TOTP secrets (docs/organisation.md).
    static let secrets = ["scj-admin": "SCJADMINZTDEMO23", "review01": "REVIEWZTDEMO2345"]

    /// Signs a demo staff member in through the organisation service.
    static func actor(_ platform: Platform, _ username: String) async throws -> StaffActor {
        let context = LoginContext(channel: "web", clientAddress: "192.0.2.10", userAgent: "test")
        let challenge = try await platform.organisation.beginStaffLogin(
            username: username, password: OrganisationService.demoPassword, context: context)
        let text = try #require(secrets[username])
        let secret = try #require(Base32.decode(text))
        let issued = try await platform.organisation.completeStaffLogin(
            challenge: challenge.token, code: TOTP(secret: secret).code(at: platform.clock.now()), context: context)
        return StaffActor(session: issued.info)
    }

    /// The business code with base `base` and sequence `sequence` under the bureau's credit code.
    static func code(base: String, sequence: Int = 1) throws -> BusinessItemCode {
        let implementation = ImplementationCode(
            authority: try UnifiedSocialCreditCode("111301000000135718"), level: .city, base: try BaseItemCode(base))
        return try BusinessItemCode(implementation: implementation, sequence: sequence)
    }

    /// 营业执照设立登记: two situations, a shared material, free of charge.
    static let licenseGuide = ItemGuide(
        name: "营业执照设立登记", itemType: .licensing, audiences: [.enterprise], themes: ["市场监管"],
        lifeEvents: [.startUp], keywords: ["开公司", "办执照"], legalBasis: ["《中华人民共和国市场主体登记管理条例》第三条"],
        conditions: ["申请人具有完全民事行为能力"],
        situations: [
            Situation(code: "S01", group: "企业类型", name: "有限责任公司"),
            Situation(code: "S02", group: "企业类型", name: "个人独资企业"),
        ],
        materials: [
            RequiredMaterial(code: "M01", name: "居民身份证", form: .original),
            RequiredMaterial(code: "M02", name: "公司章程", form: .original, copies: 2, situations: ["S01"]),
            RequiredMaterial(code: "M03", name: "投资人身份证明", situations: ["S02"]),
            RequiredMaterial(code: "M04", name: "住所使用证明", source: .sharedData, exempt: true),
        ],
        fees: [], legalTimeLimit: TimeLimit(days: 15), promisedTimeLimit: TimeLimit(days: 1), visitsRequired: 0,
        onlineDepth: .full, channels: [.online, .mobile, .window],
        appointment: AppointmentCapacity(slotsPerDay: 40, advanceDays: 7),
        steps: [ProcessStep(name: "申请", description: "网上提交"), ProcessStep(name: "审核", description: "登记机关审核")],
        faq: [FAQEntry(question: "可以全程网办吗？", answer: "可以，通过企业开办一网通办平台申请。")],
        result: ItemResult(kind: .license, name: "营业执照", sample: "营业执照样本"), locationCodes: ["T-HALL"],
        consultationPhone: "0311-12345", complaintPhone: "0311-12315")

    /// 公章刻制备案: asks for the ID card too, and charges a fee.
    static let sealGuide = ItemGuide(
        name: "公章刻制备案", itemType: .publicService, audiences: [.enterprise], themes: ["市场监管"], lifeEvents: [.startUp],
        materials: [
            RequiredMaterial(code: "M01", name: "居民身份证（原件）"),
            RequiredMaterial(code: "M02", name: "营业执照", source: .licenseLibrary, exempt: true),
        ],
        fees: [Fee(name: "刻章费", amountFen: 12_000, standard: "每套120元", basis: "市场调节价")],
        promisedTimeLimit: TimeLimit(days: 2), visitsRequired: 1, onlineDepth: .submission,
        result: ItemResult(kind: .other, name: "印章"), locationCodes: ["T-HALL", "T-STATION"])

    /// Seeds the catalog of a fresh demo test server.
    static func seed(_ platform: Platform) async throws -> CatalogWebFixture {
        let catalog = platform.catalog
        let editor = try await actor(platform, "scj-admin")
        let reviewer = try await actor(platform, "review01")
        let departments = try await platform.organisation.publicDepartments()
        let department = try #require(departments.first { $0.code == "SJZ-SCJGJ" }).id
        let division = try DivisionCode("130100")
        var codes: [String] = []
        for (guide, base) in [(licenseGuide, "000111008000"), (sealGuide, "200111008000")] {
            let code = try Self.code(base: base)
            let draft = try await catalog.createItem(
                CreateItem(businessCode: code, departmentID: department, divisionCode: division, guide: guide),
                by: editor)
            _ = try await catalog.publish(itemID: draft.itemID, by: reviewer)
            codes.append(code.rawValue)
        }
        let unpublished = try Self.code(base: "000111008000", sequence: 2)
        var draftGuide = licenseGuide
        draftGuide.name = "营业执照变更登记"
        _ = try await catalog.createItem(
            CreateItem(businessCode: unpublished, departmentID: department, divisionCode: division, guide: draftGuide),
            by: editor)
        for location in [
            ServiceLocation(
                code: "T-HALL", name: "测试市政务服务中心", divisionCode: try DivisionCode("130102"), departmentID: department,
                address: "长安区中山东路1号", hours: "周一至周五 9:00-17:00", phone: "0311-11111", windows: 40,
                latitude: 38.0428, longitude: 114.5149),
            ServiceLocation(
                code: "T-STATION", name: "测试便民服务站", divisionCode: try DivisionCode("130104"), departmentID: department,
                address: "桥西区自强路9号", hours: "周一至周六 8:30-17:30", phone: "0311-22222", windows: 4,
                latitude: 38.0010, longitude: 114.4600),
        ] {
            _ = try await catalog.saveLocation(location, by: editor)
        }
        _ = try await catalog.saveBundle(
            ServiceBundle(
                code: "test-startup", name: "企业开办一件事", audience: .enterprise, lifeEvent: .startUp,
                summary: "执照、公章一次办。", itemCodes: [try BusinessItemCode(codes[0]), try BusinessItemCode(codes[1])]),
            by: reviewer)
        return CatalogWebFixture(license: codes[0], seal: codes[1], draft: unpublished.rawValue, department: department)
    }

    /// `text` percent-encoded for a query string.
    static func encoded(_ text: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+#?/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
