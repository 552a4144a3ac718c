public import CatalogModel
public import Foundation
public import Identity
import Kernel

extension CatalogService {
    /// The changes from version `from` to version `to` of an item, for the staff who draft or
    /// review it.
    public func diff(itemID: UUID, from: Int, to: Int, by staff: StaffActor) async throws -> [GuideChange] {
        let versions = try await versions(itemID: itemID, by: staff)
        guard let old = versions.first(where: { $0.number == from }),
            let new = versions.first(where: { $0.number == to })
        else { throw Self.notFound("该事项没有第\(from)版或第\(to)版。") }
        return GuideDiff.changes(from: old.guide, to: new.guide)
    }
}
