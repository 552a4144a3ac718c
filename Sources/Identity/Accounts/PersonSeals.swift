import Storage

/// A person's personal data sealed for storage, with blind indexes for the numbers used to log in.
struct PersonSeals {
    var name: [UInt8]
    var idNumber: [UInt8]
    var idNumberIndex: String
    var phone: [UInt8]
    var phoneIndex: String

    init(name: String, idNumber: String, phone: String, sealer: FieldSealer) throws {
        self.name = try sealer.seal(name, context: "idn_people.name")
        self.idNumber = try sealer.seal(idNumber, context: "idn_people.id_number")
        self.idNumberIndex = sealer.blindIndex(idNumber, context: "idn_people.id_number")
        self.phone = try sealer.seal(phone, context: "idn_people.phone")
        self.phoneIndex = sealer.blindIndex(phone, context: "idn_people.phone")
    }
}
