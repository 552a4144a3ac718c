public import Messaging
public import Storage

/// What case handling contributes to the platform: its tables and its jobs (notices, automatic
/// acceptance, deadline warnings).
public enum CasesModule {
    /// The case tables.
    public static let migrations = CasesMigrations.all

    /// The manifest.
    public static func manifest(service: CaseService, messaging: MessagingService) -> ModuleManifest {
        ModuleManifest(
            name: "cases", migrations: migrations,
            jobHandlers: service.jobHandlers + [service.noticeHandler(messaging: messaging)])
    }
}
