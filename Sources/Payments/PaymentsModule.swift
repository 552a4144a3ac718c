public import Storage

/// What the non-tax payments domain contributes: its tables, the subscribers that tie orders to
/// cases, and the jobs that expire orders, query channels and send refunds.
public enum PaymentsModule {
    /// The payment tables.
    public static let migrations = PaymentsMigrations.all

    /// The manifest.
    public static func manifest(service: PaymentService) -> ModuleManifest {
        ModuleManifest(
            name: "payments", migrations: migrations, subscribers: service.subscribers(),
            jobHandlers: service.jobHandlers())
    }
}
