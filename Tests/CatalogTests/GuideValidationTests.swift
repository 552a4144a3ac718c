import Catalog
import CatalogModel
import Kernel
import Testing

@Suite("Guide validation")
struct GuideValidationTests {
    static func refused(_ change: (inout ItemGuide) -> Void) -> String? {
        var guide = CatalogFixture.guide()
        change(&guide)
        do {
            try guide.validate()
            return nil
        } catch {
            return error.detail
        }
    }

    @Test("the sample guide is valid")
    func valid() throws {
        try CatalogFixture.guide().validate()
    }

    @Test("each rule refuses with a message that names the problem")
    func rules() {
        #expect(Self.refused { $0.name = "  " }?.contains("事项名称") == true)
        #expect(Self.refused { $0.audiences = [] }?.contains("服务对象") == true)
        #expect(Self.refused { $0.promisedTimeLimit = TimeLimit(days: 30) }?.contains("不能长于法定时限") == true)
        // 28 natural days are 20 working-day equivalents: allowed against a legal 20 working days.
        #expect(Self.refused { $0.promisedTimeLimit = TimeLimit(days: 28, unit: .naturalDays) } == nil)
        #expect(Self.refused { $0.promisedTimeLimit = TimeLimit(days: 29, unit: .naturalDays) } != nil)
        #expect(Self.refused { $0.channels = [.window] }?.contains("网上办") == true)
        #expect(Self.refused { $0.materials[2].situations = ["S09"] }?.contains("S09") == true)
        #expect(Self.refused { $0.materials.append($0.materials[0]) }?.contains("材料编号") == true)
        #expect(Self.refused { $0.materials[0].copies = 0 } != nil)
        #expect(Self.refused { $0.fees = [Fee(name: "工本费", amountFen: -1, standard: "", basis: "")] } != nil)
        #expect(Self.refused { $0.keywords = ["a\u{0}b"] }?.contains("控制字符") == true)
        #expect(Self.refused { $0.visitsRequired = 11 } != nil)
    }

    @Test("materials follow the chosen situations")
    func situations() {
        let guide = CatalogFixture.guide()
        #expect(guide.materials(for: []).map(\.code) == ["M01", "M02"])
        #expect(guide.materials(for: ["S01"]).map(\.code) == ["M01", "M02", "M03"])
    }
}
