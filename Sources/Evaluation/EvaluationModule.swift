public import Messaging
public import Storage

/// What the evaluation domain contributes: its tables, the subscriber that opens a rating when a
/// case concludes, the notices that tell citizens their rating or message was answered, and the
/// reminders that text staff before and after a call-back, rectification or answer falls due.
public enum EvaluationModule {
    /// The evaluation tables.
    public static let migrations = EvaluationMigrations.all

    /// The manifest.
    public static func manifest(service: EvaluationService, messaging: MessagingService, jobs: JobQueue)
        -> ModuleManifest
    {
        ModuleManifest(
            name: "evaluation", migrations: migrations,
            subscribers: service.subscribers() + [
                service.noticeSubscriber(jobs: jobs), service.reminderSubscriber(jobs: jobs),
            ],
            jobHandlers: [service.noticeHandler(messaging: messaging)]
                + service.reminderHandlers(jobs: jobs, messaging: messaging))
    }
}
