/// The domain events the catalog publishes through the outbox.
public enum CatalogEvents {
    /// A version of an item was published; payload `ItemPublished`.
    public static let itemPublished = "catalog.item-published"
}
