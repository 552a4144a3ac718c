import CasesModel
import Foundation
import Kernel
public import Messaging
public import Storage

extension CaseService {
    /// The job that sends the applicant's Chinese notices through Messaging: to the inbox of an
    /// online account, else by SMS to the phone the window recorded. Sending runs after the
    /// case's transaction committed, in Messaging's own.
    public func noticeHandler(messaging: MessagingService) -> JobHandler {
        JobHandler(kind: JobKind.notify) { job in
            let notice = try job.decode(CaseNotice.self)
            let (record, applicant) = try await database.read { sql in
                (try await CaseRow.load(notice.caseID, sql: sql), try await openApplicant(notice.caseID, sql: sql))
            }
            guard record != nil else { throw JobError.permanent("case \(notice.caseID) is gone") }
            let command =
                if let account = applicant.accountID {
                    SendMessage(
                        channel: .inbox, recipient: account.uuidString, template: "platform.notice",
                        parameters: ["title": notice.title, "content": notice.content])
                } else {
                    SendMessage(
                        channel: .sms, recipient: applicant.phone, template: "platform.notice",
                        parameters: ["title": notice.title, "content": notice.content])
                }
            _ = try await messaging.send(command, by: .system)
        }
    }
}
