import Logging

/// The storage layer's own contribution: its tables and the event-delivery job.
public enum StorageModule {
    /// The storage tables: outbox, event receipts, jobs, audit log, seed ledger.
    public static let migrations = StorageMigrations.all

    /// The manifest; `subscribers` are every module's, since delivery runs them all.
    public static func manifest(subscribers: [EventSubscriber], database: any Database) -> ModuleManifest {
        ModuleManifest(
            name: "storage",
            migrations: migrations,
            jobHandlers: [EventDeliveryHandler.make(subscribers: subscribers, database: database)])
    }
}
