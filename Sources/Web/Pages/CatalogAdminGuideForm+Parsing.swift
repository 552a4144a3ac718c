import Catalog
import CatalogModel
import Foundation
import Kernel

extension CatalogGuideForm {
    /// The guide the form describes, checked with `ItemGuide.validate()`; throws a Chinese
    /// `invalid` error naming the first problem.
    func guide() throws(DomainError) -> ItemGuide {
        guard let type = ItemType(rawValue: self["itemType"]) else { throw Self.refuse("请选择事项类型。") }
        guard let promised = try limit("promised", "承诺时限") else { throw Self.refuse("请填写承诺时限（天数，即办填0）。") }
        let visits = try number("visits", 0...10, "到现场次数应填写0到10之间的整数。")
        guard let depth = Int(self["onlineDepth"]).flatMap(OnlineDepth.init(rawValue:)) else {
            throw Self.refuse("请选择网上办理深度。")
        }
        var appointment: AppointmentCapacity?
        if !self["appointmentSlots"].isEmpty || !self["appointmentAdvance"].isEmpty {
            appointment = AppointmentCapacity(
                slotsPerDay: try number("appointmentSlots", 1...10_000, "每日预约号源应为1到10000之间的整数；不提供预约请留空。"),
                advanceDays: try number("appointmentAdvance", 0...365, "可提前预约天数应为0到365之间的整数。"))
        }
        guard let resultKind = ItemResult.Kind(rawValue: self["resultKind"]) else { throw Self.refuse("请选择办理结果类型。") }
        guard !self["resultName"].isEmpty else { throw Self.refuse("请填写办理结果名称，如“营业执照”。") }
        let guide = ItemGuide(
            name: self["name"], itemType: type,
            audiences: Audience.allCases.filter { checked("audience.\($0.rawValue)") },
            themes: Self.tags(self["themes"]),
            lifeEvents: LifeEvent.allCases.filter { checked("lifeEvent.\($0.rawValue)") },
            keywords: Self.tags(self["keywords"]), legalBasis: Self.lines(self["legalBasis"]),
            conditions: Self.lines(self["conditions"]), situations: try situations(), materials: try materials(),
            fees: try fees(), legalTimeLimit: try limit("legal", "法定时限"), promisedTimeLimit: promised,
            visitsRequired: visits, onlineDepth: depth,
            channels: ServiceChannel.allCases.filter { checked("channel.\($0.rawValue)") }, appointment: appointment,
            steps: try steps(), faq: try faq(),
            result: ItemResult(kind: resultKind, name: self["resultName"], sample: self["resultSample"]),
            locationCodes: Self.tags(self["locationCodes"]),
            consultationPhone: self["consultationPhone"].isEmpty ? "12345" : self["consultationPhone"],
            complaintPhone: self["complaintPhone"].isEmpty ? "12345" : self["complaintPhone"])
        try guide.validate()
        return guide
    }

    /// The indices of the rows of `section` that were filled in.
    func filledRows(_ section: String) -> [Int] {
        (0..<rowCount(section)).filter { !isBlank(section, $0) }
    }

    func situations() throws(DomainError) -> [Situation] {
        var result: [Situation] = []
        for index in filledRows("situation") {
            let row = { (field: String) in self["situation.\(index).\(field)"] }
            guard !row("code").isEmpty, !row("name").isEmpty else {
                throw Self.refuse("第\(index + 1)个办理情形要填写编号和名称。")
            }
            result.append(Situation(code: row("code"), group: row("group"), name: row("name")))
        }
        return result
    }

    func materials() throws(DomainError) -> [RequiredMaterial] {
        var result: [RequiredMaterial] = []
        for index in filledRows("material") {
            let prefix = "material.\(index)."
            let row = { (field: String) in self[prefix + field] }
            let copies = row("copies").isEmpty ? 1 : Int(row("copies")) ?? -1
            guard (1...99).contains(copies) else { throw Self.refuse("第\(index + 1)份材料的份数应为1到99之间的整数。") }
            result.append(
                RequiredMaterial(
                    code: row("code"), name: row("name"), source: MaterialSource(rawValue: row("source")) ?? .applicant,
                    form: MaterialForm(rawValue: row("form")) ?? .original, copies: copies,
                    required: checked(prefix + "required"), exempt: checked(prefix + "exempt"),
                    licenseType: row("licenseType").isEmpty ? nil : row("licenseType"),
                    situations: Self.tags(row("situations")), notes: row("notes")))
        }
        return result
    }

    func fees() throws(DomainError) -> [Fee] {
        var result: [Fee] = []
        for index in filledRows("fee") {
            let row = { (field: String) in self["fee.\(index).\(field)"] }
            let amount: Money
            do {
                amount = try Money(parsing: row("amount"))
            } catch {
                throw Self.refuse("收费“\(row("name"))”的金额请以元为单位填写，最多两位小数，如 20 或 12.50。")
            }
            guard amount.fen >= 0, amount.fen <= 100_000_000 else { throw Self.refuse("收费“\(row("name"))”的金额不合理。") }
            result.append(
                Fee(
                    name: row("name"), amountFen: Int(amount.fen), standard: row("standard"), basis: row("basis"),
                    reductions: Self.tags(row("reductions"))))
        }
        return result
    }

    func steps() throws(DomainError) -> [ProcessStep] {
        var result: [ProcessStep] = []
        for index in filledRows("step") {
            let name = self["step.\(index).name"]
            guard !name.isEmpty else { throw Self.refuse("第\(index + 1)个办理环节要填写名称。") }
            result.append(ProcessStep(name: name, description: self["step.\(index).description"]))
        }
        return result
    }

    func faq() throws(DomainError) -> [FAQEntry] {
        var result: [FAQEntry] = []
        for index in filledRows("faq") {
            let question = self["faq.\(index).question"]
            let answer = self["faq.\(index).answer"]
            guard !question.isEmpty, !answer.isEmpty else { throw Self.refuse("第\(index + 1)个常见问题要同时填写问题和回答。") }
            result.append(FAQEntry(question: question, answer: answer))
        }
        return result
    }
}
