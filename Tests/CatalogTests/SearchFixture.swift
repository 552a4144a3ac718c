import Catalog
import CatalogModel
import Foundation
import Identity
import Kernel

/// Items for the search tests, published through the service so the publish hook indexes them.
extension CatalogFixture {
    /// A guide named `name` with the given keywords and materials, of the market-regulation theme.
    static func searchGuide(_ name: String, keywords: [String] = [], materials: [String] = ["申请书"]) -> ItemGuide {
        var guide = CatalogFixture.guide(name)
        guide.keywords = keywords
        guide.materials = materials.enumerated().map { index, material in
            RequiredMaterial(code: String(format: "M%02d", index + 1), name: material)
        }
        guide.situations = []
        return guide
    }

    /// Publishes an item named `name` as item `sequence` of the market-regulation bureau.
    @discardableResult
    func published(
        _ name: String, sequence: Int, keywords: [String] = [], materials: [String] = ["申请书"]
    ) async throws -> ItemVersion {
        try await publishedItem(
            Self.searchGuide(name, keywords: keywords, materials: materials), code: Self.code(sequence: sequence))
    }

    /// Publishes an item named `name` of the human-resources bureau, drafted by its administrator.
    @discardableResult
    func publishedForRSJ(_ name: String, sequence: Int) async throws -> ItemVersion {
        var guide = Self.searchGuide(name)
        guide.themes = ["社会保障"]
        guide.lifeEvents = [.employment]
        let draft = try await service.createItem(
            CreateItem(
                businessCode: Self.code(sequence: sequence), departmentID: department("SJZ-RSJ").id,
                divisionCode: try DivisionCode("130100"), guide: guide), by: actor("rsj-admin"))
        return try await service.publish(itemID: draft.itemID, by: actor("review01"))
    }

    /// The usual three: 营业执照设立登记, 食品经营许可（新办） (营业执照 among its materials) and
    /// 个体工商户注销登记.
    func publishSearchBasics() async throws {
        try await published("营业执照设立登记", sequence: 1, keywords: ["开公司"], materials: ["公司登记申请书", "公司章程"])
        try await published(
            "食品经营许可（新办）", sequence: 2, keywords: ["开饭店"], materials: ["食品经营许可申请书", "营业执照", "餐饮服务场所平面图"])
        try await published("个体工商户注销登记", sequence: 3, materials: ["注销登记申请书"])
    }
}
