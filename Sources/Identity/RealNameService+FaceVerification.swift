public import Foundation
import Kernel
import SQLKit
public import Storage

extension RealNameService {
    /// Opens a face-verification attempt (实人认证) for an account at L2, valid for 10 minutes.
    ///
    /// Only the account itself may start one. The provider is given the name and 身份证号 on record
    /// and the attempt id as reference; `{attempt}` in `returnURL` is replaced by that id. The
    /// person then completes liveness at `verifyURL` and calls `completeFaceVerification`.
    public func startFaceVerification(personID: UUID, by actor: Actor, returnURL: String? = nil) async throws
        -> FaceVerificationStart
    {
        guard actor.id == personID.uuidString else {
            throw DomainError(.forbidden, code: "identity.forbidden", title: "无权操作", detail: "只能为自己的账号进行人脸核验。")
        }
        guard let verifier = faceVerifier else {
            throw DomainError(
                .unavailable, code: "identity.no-face-verifier", title: "暂不能人脸核验",
                detail: "本平台尚未接入人脸核验服务，请携带身份证到政务服务窗口现场认证。")
        }
        let now = clock.now()
        let since = now.addingTimeInterval(-24 * 3600)
        let (person, recent) = try await database.read { sql in
            let person = try await self.person(personID, sql: sql)
            let count = try await sql.raw(
                """
                SELECT COUNT(*) AS n FROM idn_face_attempts
                WHERE person_id = \(bind: personID) AND created_at > \(bind: since)
                """
            ).first()?.decode(column: "n", as: Int.self)
            return (person, count ?? 0)
        }
        guard person.level >= .registryMatched else {
            throw DomainError(
                .conflict, code: "identity.face-needs-registry", title: "请先完成人口库比对",
                detail: "人脸核验需要账号先达到 L2（人口库比对）。请先完成人口库比对，或携带身份证到政务服务窗口现场认证。")
        }
        guard person.level < .faceVerified else {
            throw DomainError(
                .conflict, code: "identity.face-not-needed", title: "无需人脸核验",
                detail: "您的账号已达到 \(person.level.label)，无需再次人脸核验。")
        }
        guard recent < Self.attemptsPerDay else {
            throw DomainError(
                .rateLimited, code: "identity.face-too-many", title: "核验次数过多",
                detail: "24 小时内最多发起 \(Self.attemptsPerDay) 次人脸核验，请明天再试，或携带身份证到政务服务窗口现场认证。")
        }
        let attemptID = UUID()
        let session = try await verifier.start(
            FaceCheckRequest(
                name: person.name, idNumber: person.idNumber, reference: attemptID.uuidString,
                returnURL: returnURL?.replacingOccurrences(of: "{attempt}", with: attemptID.uuidString)))
        let expiresAt = now.addingTimeInterval(Self.attemptLifetime)
        let digest = try audit.digest(of: ["attempt": attemptID.uuidString, "method": verifier.method])
        try await database.transaction { tx in
            try await tx.sql.raw(
                """
                INSERT INTO idn_face_attempts (id, person_id, method, provider_session_id, verify_url, status,
                    created_at, expires_at)
                VALUES (\(bind: attemptID), \(bind: personID), \(bind: verifier.method), \(bind: session.sessionID),
                    \(bind: session.verifyURL), \(bind: FaceStatus.pending.rawValue), \(bind: now), \(bind: expiresAt))
                """
            ).run()
            try await audit.append(
                actor.entry(
                    action: "identity.face-verification-started", objectType: "person",
                    objectID: personID.uuidString, changeDigest: digest), in: tx)
        }
        return FaceVerificationStart(
            attemptID: attemptID, verifyURL: session.verifyURL, expiresAt: expiresAt, notice: verifier.notice)
    }

    /// Asks the provider how the attempt went and, when the person passed, raises the account to L3.
    ///
    /// Returns `pending` while the person has not finished (call again later) and `passed` once
    /// raised; a failed, expired or unknown attempt throws. Only the attempt's owner may complete it.
    public func completeFaceVerification(attemptID: UUID, by actor: Actor) async throws -> FaceStatus {
        guard
            let row = try await database.read({ sql in
                try await sql.raw(
                    """
                    SELECT person_id, method, provider_session_id, status, expires_at
                    FROM idn_face_attempts WHERE id = \(bind: attemptID)
                    """
                ).first()
            })
        else { throw Self.noAttempt }
        let personID = try row.decode(column: "person_id", as: UUID.self)
        guard actor.id == personID.uuidString else {
            throw DomainError(.forbidden, code: "identity.forbidden", title: "无权操作", detail: "只能完成自己发起的人脸核验。")
        }
        let method = try row.decode(column: "method", as: String.self)
        switch FaceStatus(rawValue: try row.decode(column: "status", as: String.self)) {
        case .passed: return .passed
        case .failed: throw Self.failed
        case .expired, nil: throw Self.expired
        case .pending: break
        }
        // An attempt opened with another verifier (the configuration changed) cannot be asked about.
        guard try row.decode(column: "expires_at", as: Date.self) >= clock.now(), let verifier = faceVerifier,
            verifier.method == method
        else {
            try await close(attemptID, personID: personID, as: .expired, result: nil, by: actor)
            throw Self.expired
        }
        let result = try await verifier.result(
            sessionID: try row.decode(column: "provider_session_id", as: String.self))
        switch result.status {
        case .pending:
            return .pending
        case .passed:
            try await close(attemptID, personID: personID, as: .passed, result: result, by: actor, method: method)
            return .passed
        case .failed:
            try await close(attemptID, personID: personID, as: .failed, result: result, by: actor)
            throw Self.failed
        case .expired:
            try await close(attemptID, personID: personID, as: .expired, result: result, by: actor)
            throw Self.expired
        }
    }

    /// Ends a pending attempt as `status` and audits it; a pass also raises the account to L3.
    /// Only one caller closes an attempt: a concurrent second one changes nothing.
    private func close(
        _ attemptID: UUID, personID: UUID, as status: FaceStatus, result: FaceResult?, by actor: Actor,
        method: String = ""
    ) async throws {
        let now = clock.now()
        var change = ["attempt": attemptID.uuidString, "status": status.rawValue]
        if status == .passed {
            change["level"] = String(RealNameLevel.faceVerified.rawValue)
            change["method"] = method
        }
        let digest = try audit.digest(of: change)
        try await database.transaction { tx in
            let closed = try await tx.sql.raw(
                """
                UPDATE idn_face_attempts SET status = \(bind: status.rawValue), completed_at = \(bind: now),
                    score = \(bind: result?.score), provider_passed_at = \(bind: result?.passedAt)
                WHERE id = \(bind: attemptID) AND status = \(bind: FaceStatus.pending.rawValue) RETURNING id
                """
            ).first()
            guard closed != nil else { return }
            let action: String
            switch status {
            case .passed:
                _ = try await raise(personID, to: .faceVerified, method: method, at: now, tx: tx)
                action = "identity.real-name-raised"
            case .failed: action = "identity.face-verification-failed"
            case .expired, .pending: action = "identity.face-verification-expired"
            }
            try await audit.append(
                actor.entry(action: action, objectType: "person", objectID: personID.uuidString, changeDigest: digest),
                in: tx)
        }
    }

    static let noAttempt = DomainError(
        .notFound, code: "identity.face-attempt-not-found", title: "核验记录不存在", detail: "没有找到这次人脸核验，请重新发起。")
    static let failed = DomainError(
        .invalid, code: "identity.face-failed", title: "人脸核验未通过",
        detail: "人脸核验未通过。请在光线充足处正对镜头重新发起，或携带身份证到政务服务窗口现场认证。")
    static let expired = DomainError(
        .conflict, code: "identity.face-expired", title: "人脸核验已过期", detail: "这次人脸核验已超过 10 分钟有效期，请重新发起。")
}

/// A face-verification attempt just opened: where to send the person, until when.
public struct FaceVerificationStart: Sendable, Equatable {
    /// The attempt, to complete afterwards.
    public var attemptID: UUID
    /// The provider's page; empty when there is nothing to visit (the development verifier).
    public var verifyURL: String
    /// When the attempt lapses.
    public var expiresAt: Date
    /// A notice to show, such as `演示环境，未进行真实人脸核验`.
    public var notice: String?
}
