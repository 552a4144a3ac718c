public import Storage

/// What identity contributes to the platform.
public enum IdentityModule {
    /// The identity tables.
    public static let migrations = IdentityMigrations.all

    /// The manifest.
    public static func manifest(service: IdentityService) -> ModuleManifest {
        ModuleManifest(name: "identity", migrations: migrations)
    }
}
