public import CatalogModel
import Foundation
public import Identity
package import Kernel
import SQLKit
import Storage

extension CatalogService {
    /// Creates or updates a bundle. Bundles cross departments, so they are kept by whoever holds
    /// `catalog.publish` over every department (the 政务服务管理局's reviewers).
    public func saveBundle(_ bundle: ServiceBundle, by staff: StaffActor) async throws -> ServiceBundle {
        try await organisation.authorize(staff, .catalogPublish)
        try validate(bundle)
        let now = clock.now()
        return try await database.transaction { tx in
            for code in bundle.itemCodes where try await Self.item(code: code, sql: tx.sql) == nil {
                throw Self.notFound("一件事“\(bundle.name)”包含的事项 \(code) 不存在。")
            }
            var saved = bundle
            if let existing = try await tx.sql.raw("SELECT id FROM cat_bundles WHERE code = \(bind: bundle.code)")
                .first()
            {
                saved.id = try existing.decode(column: "id", as: UUID.self)
            }
            try await BundleRow.upsert(saved, at: now, sql: tx.sql)
            try await audit.append(
                staff.auditActor.entry(
                    action: "catalog.bundle-save", objectType: "catalog-bundle", objectID: saved.id.uuidString,
                    changeDigest: try audit.digest(of: saved)), in: tx)
            return saved
        }
    }

    /// The published bundles.
    public func bundles() async throws -> [ServiceBundle] {
        try await database.read { sql in
            try await sql.raw(
                "SELECT \(unsafeRaw: BundleRow.columns) FROM cat_bundles WHERE published = 1 ORDER BY code"
            )
            .all().map(BundleRow.decode)
        }
    }

    /// The combined guide of a published bundle, from the versions in force today.
    public func bundleGuide(code: String) async throws -> BundleGuide {
        let bundle = try await database.read { sql in
            try await sql.raw(
                "SELECT \(unsafeRaw: BundleRow.columns) FROM cat_bundles WHERE code = \(bind: code) AND published = 1"
            ).first().map(BundleRow.decode)
        }
        guard let bundle else {
            throw DomainError(
                .notFound, code: "catalog.bundle-not-found", title: "一件事不存在", detail: "没有找到编码为 \(code) 的一件事。")
        }
        var items: [PublishedItem] = []
        for code in bundle.itemCodes {
            items.append(try await publishedItem(code: code.rawValue))
        }
        return BundleGuide(bundle: bundle, items: items)
    }

    package func validate(_ bundle: ServiceBundle) throws(DomainError) {
        func refuse(_ detail: String) -> DomainError {
            DomainError(.invalid, code: "catalog.invalid-bundle", title: "一件事信息有误", detail: detail)
        }
        guard !bundle.code.isEmpty, bundle.code.count <= 40,
            bundle.code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        else { throw refuse("一件事编码应为40位以内的字母、数字或连字符。") }
        guard !bundle.name.isEmpty, bundle.name.count <= 100 else { throw refuse("一件事名称不能为空，且不超过100个字。") }
        guard bundle.itemCodes.count >= 2 else { throw refuse("一件事至少包含两个事项。") }
        guard Set(bundle.itemCodes).count == bundle.itemCodes.count else { throw refuse("一件事中的事项不能重复。") }
    }
}
