public import CatalogModel
public import Foundation
import Kernel
import Storage

extension CatalogService {
    /// The guide of version `number` of item `itemID`, whatever its status now: a case filed under a
    /// version keeps being handled under it after a newer one is published.
    public func guide(itemID: UUID, version number: Int) async throws -> ItemGuide {
        let versions = try await database.read { sql in try await Self.versions(of: itemID, sql: sql) }
        guard let version = versions.first(where: { $0.number == number }), version.status != .draft else {
            throw Self.notFound("事项的第 \(number) 版办事指南不存在或尚未发布。")
        }
        return version.guide
    }
}
