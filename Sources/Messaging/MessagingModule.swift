public import Storage

/// What messaging contributes to the platform.
public enum MessagingModule {
    /// The messaging tables.
    public static let migrations = MessagingMigrations.all

    /// The manifest: tables and the delivery job.
    public static func manifest(service: MessagingService) -> ModuleManifest {
        ModuleManifest(
            name: "messaging",
            migrations: migrations,
            jobHandlers: [service.deliveryHandler])
    }
}
