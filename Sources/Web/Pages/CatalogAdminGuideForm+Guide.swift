import Catalog
import CatalogModel
import Foundation
import Kernel

extension CatalogGuideForm {
    /// The fields that show `guide` in the form.
    init(guide: ItemGuide) {
        var fields: [String: String] = [
            "name": guide.name, "itemType": guide.itemType.rawValue, "themes": guide.themes.joined(separator: "、"),
            "keywords": guide.keywords.joined(separator: "、"), "legalBasis": guide.legalBasis.joined(separator: "\n"),
            "conditions": guide.conditions.joined(separator: "\n"),
            "promisedDays": String(guide.promisedTimeLimit.days), "promisedUnit": guide.promisedTimeLimit.unit.rawValue,
            "visits": String(guide.visitsRequired), "onlineDepth": String(guide.onlineDepth.rawValue),
            "resultKind": guide.result.kind.rawValue, "resultName": guide.result.name,
            "resultSample": guide.result.sample, "locationCodes": guide.locationCodes.joined(separator: "、"),
            "consultationPhone": guide.consultationPhone, "complaintPhone": guide.complaintPhone,
        ]
        if let legal = guide.legalTimeLimit {
            fields["legalDays"] = String(legal.days)
            fields["legalUnit"] = legal.unit.rawValue
        }
        if let appointment = guide.appointment {
            fields["appointmentSlots"] = String(appointment.slotsPerDay)
            fields["appointmentAdvance"] = String(appointment.advanceDays)
        }
        for audience in guide.audiences { fields["audience.\(audience.rawValue)"] = "1" }
        for event in guide.lifeEvents { fields["lifeEvent.\(event.rawValue)"] = "1" }
        for channel in guide.channels { fields["channel.\(channel.rawValue)"] = "1" }
        for (index, situation) in guide.situations.enumerated() {
            fields["situation.\(index).code"] = situation.code
            fields["situation.\(index).group"] = situation.group
            fields["situation.\(index).name"] = situation.name
        }
        for (index, material) in guide.materials.enumerated() {
            let prefix = "material.\(index)."
            fields[prefix + "code"] = material.code
            fields[prefix + "name"] = material.name
            fields[prefix + "source"] = material.source.rawValue
            fields[prefix + "form"] = material.form.rawValue
            fields[prefix + "copies"] = String(material.copies)
            if material.required { fields[prefix + "required"] = "1" }
            if material.exempt { fields[prefix + "exempt"] = "1" }
            fields[prefix + "licenseType"] = material.licenseType ?? ""
            fields[prefix + "situations"] = material.situations.joined(separator: "、")
            fields[prefix + "notes"] = material.notes
        }
        for (index, fee) in guide.fees.enumerated() {
            fields["fee.\(index).name"] = fee.name
            fields["fee.\(index).amount"] = Money(fen: Int64(fee.amountFen)).formatted(.yuan).replacingOccurrences(
                of: ",", with: ""
            ).replacingOccurrences(of: "元", with: "")
            fields["fee.\(index).standard"] = fee.standard
            fields["fee.\(index).basis"] = fee.basis
            fields["fee.\(index).reductions"] = fee.reductions.joined(separator: "；")
        }
        for (index, step) in guide.steps.enumerated() {
            fields["step.\(index).name"] = step.name
            fields["step.\(index).description"] = step.description
        }
        for (index, entry) in guide.faq.enumerated() {
            fields["faq.\(index).question"] = entry.question
            fields["faq.\(index).answer"] = entry.answer
        }
        self.init(fields: fields)
    }

    /// A blank form for a new item, with the usual choices made.
    static var blank: CatalogGuideForm {
        CatalogGuideForm(fields: [
            "itemType": ItemType.licensing.rawValue, "promisedUnit": "workingDays", "legalUnit": "workingDays",
            "visits": "1", "onlineDepth": "3", "channel.online": "1", "channel.window": "1",
            "resultKind": ItemResult.Kind.license.rawValue, "consultationPhone": "12345", "complaintPhone": "12345",
        ])
    }
}
