import CatalogModel
import Foundation
import Synchronization

/// Decoded guides by their stored JSON text.
///
/// Every case command reads the guide its case was filed under, and decoding a guide's JSON was
/// about a tenth of a submission's time. A version's text changes only while it is a draft, and
/// a changed text is a different key, so an entry never goes stale.
enum GuideDecoding {
    /// Entries kept at most; past this the cache starts again, as a city has a few thousand items.
    static let limit = 2048

    private static let cache = Mutex<[String: ItemGuide]>([:])

    /// The guide `json` holds, decoded once per distinct text.
    static func guide(from json: String) throws -> ItemGuide {
        if let guide = cache.withLock({ $0[json] }) { return guide }
        let guide = try JSONDecoder().decode(ItemGuide.self, from: Data(json.utf8))
        cache.withLock { cache in
            if cache.count >= limit { cache = [:] }
            cache[json] = guide
        }
        return guide
    }
}
