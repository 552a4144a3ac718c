import CasesModel
import Foundation

extension CaseAPIModels {
    /// One row of the figures: the counts and the rates (0–1; absent without cases to divide by).
    struct FigureRow: Encodable {
        var key: String
        var name: String
        var departmentId: UUID?
        var departmentName: String?
        var submitted: Int
        var accepted: Int
        var rejected: Int
        var concluded: Int
        var approved: Int
        var corrected: Int
        var returned: Int
        var onTimePromised: Int
        var withLegalLimit: Int
        var onTimeLegal: Int
        var onTimePromisedRate: Double?
        var onTimeLegalRate: Double?
        var averageDays: Double?
        var correctionRate: Double?
        var returnRate: Double?
        var rejectionRate: Double?

        init(_ row: CaseFigureRow, departments: [UUID: String]) {
            key = row.key
            departmentId = row.departmentID
            departmentName = row.departmentID.flatMap { departments[$0] }
            // A department row has no name of its own; the directory names it.
            name = row.name.isEmpty ? (departmentName ?? row.key) : row.name
            submitted = row.submitted
            accepted = row.accepted
            rejected = row.rejected
            concluded = row.concluded
            approved = row.approved
            corrected = row.corrected
            returned = row.returned
            onTimePromised = row.onTimePromised
            withLegalLimit = row.withLegalLimit
            onTimeLegal = row.onTimeLegal
            onTimePromisedRate = row.onTimePromisedRate
            onTimeLegalRate = row.onTimeLegalRate
            averageDays = row.averageDays
            correctionRate = row.correctionRate
            returnRate = row.returnRate
            rejectionRate = row.rejectionRate
        }
    }

    /// The figures of a period: overall, per department, per item.
    struct Figures: Encodable {
        var from: String
        var to: String
        var overall: FigureRow
        var departments: [FigureRow]
        var items: [FigureRow]

        init(_ figures: CaseFigures, departments names: [UUID: String]) {
            from = figures.from.description
            to = figures.to.description
            overall = FigureRow(figures.overall, departments: names)
            departments = figures.departments.map { FigureRow($0, departments: names) }
            items = figures.items.map { FigureRow($0, departments: names) }
        }
    }
}
