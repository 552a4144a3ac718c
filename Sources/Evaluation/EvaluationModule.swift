public import Messaging
public import Storage

/// What the evaluation domain contributes: its tables, the subscriber that opens a rating when a
/// case concludes, and the notices that tell citizens their rating or message was answered.
public enum EvaluationModule {
    /// The evaluation tables.
    public static let migrations = EvaluationMigrations.all

    /// The manifest.
    public static func manifest(service: EvaluationService, messaging: MessagingService, jobs: JobQueue)
        -> ModuleManifest
    {
        ModuleManifest(
            name: "evaluation", migrations: migrations,
            subscribers: service.subscribers() + [service.noticeSubscriber(jobs: jobs)],
            jobHandlers: [service.noticeHandler(messaging: messaging)])
    }
}
