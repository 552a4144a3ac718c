import Cases
import CasesModel
import Foundation
import Logging

// Case submissions/s and complete submit-to-conclude lifecycles/s on a fresh database
// (DATABASE_URL; SQLite in ZT_DATA_DIR otherwise), for `scripts/bench`. The process is
// Resources/bench-four-step.json, the same four steps as scripts/spiff/four-step.bpmn, with the
// same form. Prints one JSON object. Usage: cases-bench [seconds] [concurrency]

let arguments = CommandLine.arguments
let seconds = arguments.count > 1 ? Double(arguments[1]) ?? 5 : 5
let concurrency = arguments.count > 2 ? Int(arguments[2]) ?? 8 : 8
let form: FormData = ["applicantName": "张三", "businessArea": "120"]
let item = "111301000000135718300011100100003"

guard let processes = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
    throw BenchError("the bench process definition is not bundled")
}
var logger = Logger(label: "cases-bench")
logger.logLevel = ProcessInfo.processInfo.environment["ZT_BENCH_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .error
let folder = ProcessInfo.processInfo.environment["ZT_DATA_DIR"] ?? FileManager.default.currentDirectoryPath
let (database, postgres) = try await BenchPlatform.storage(folder: folder, logger: logger)
let databaseName = postgres == nil ? "sqlite" : "postgres"
let result = try await withThrowingTaskGroup(of: [String: Double]?.self) { group in
    if let postgres {
        group.addTask {
            await postgres.client.run()
            return nil
        }
    }
    defer { group.cancelAll() }
    let platform = try await BenchPlatform(database: database, extraProcesses: processes)
    let actors = try await BenchActors.load(platform)
    let cases = platform.cases

    @Sendable func submit() async throws -> CaseRecord {
        let draft = try await cases.saveDraft(CaseApplication(itemCode: item, form: form), by: actors.applicant)
        return try await cases.submit(draft.id, by: actors.applicant)
    }
    @Sendable func lifecycle() async throws {
        let submitted = try await submit()
        _ = try await cases.accept(submitted.id, by: actors.intake)
        for approver in [actors.reviewer, actors.approver] {
            let task = try await cases.detail(submitted.id, by: .staff(approver)).tasks.first { $0.state == .open }
            guard let task else { throw BenchError("no open task on \(submitted.id)") }
            _ = try await cases.decide(task.id, .approve, by: approver)
        }
        let concluded = try await cases.detail(submitted.id, by: actors.applicant).record
        guard concluded.state == .concluded, concluded.outcome == .approved else {
            throw BenchError("case \(submitted.id) ended \(concluded.state), not concluded approved")
        }
    }

    try await lifecycle()  // proves the path before timing it
    let warmUp = min(1, max(0.2, seconds / 10))
    _ = try await BenchLoop.rate(seconds: warmUp, concurrency: concurrency) { _ = try await submit() }
    let submissions = try await BenchLoop.rate(seconds: seconds, concurrency: concurrency) { _ = try await submit() }
    let lifecycles = try await BenchLoop.rate(seconds: seconds, concurrency: concurrency) { try await lifecycle() }
    return [
        "concurrency": Double(concurrency), "seconds": seconds, "submissions_per_s": submissions,
        "lifecycles_per_s": lifecycles,
    ]
}
var output: [String: Any] = ["database": databaseName]
for (key, value) in result { output[key] = value }
let data = try JSONSerialization.data(withJSONObject: output, options: [.sortedKeys])
print(String(decoding: data, as: UTF8.self))
