public import Storage

/// What the catalog contributes to the platform.
public enum CatalogModule {
    /// The catalog tables.
    public static let migrations = CatalogMigrations.all

    /// The manifest.
    public static func manifest(service: CatalogService) -> ModuleManifest {
        ModuleManifest(name: "catalog", migrations: migrations)
    }
}
