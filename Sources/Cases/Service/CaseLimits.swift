/// The operator's limits on cases; defaults suit a city.
public struct CaseLimits: Sendable {
    /// The largest material file, in bytes.
    public var maximumMaterialBytes: Int
    /// The media types a material may have.
    public var materialTypes: Set<String>
    /// Working days after which an application nobody decided on is accepted (行政许可法 art. 32).
    public var autoAcceptWorkdays: Int
    /// Working days the applicant has to answer a correction notice before a reminder.
    public var correctionWorkdays: Int

    /// The defaults: 10 MB; PDF, OFD, JPEG and PNG; 5 working days; 10 working days.
    public init(
        maximumMaterialBytes: Int = 10 * 1024 * 1024,
        materialTypes: Set<String> = ["application/pdf", "application/ofd", "image/jpeg", "image/png"],
        autoAcceptWorkdays: Int = 5, correctionWorkdays: Int = 10
    ) {
        self.maximumMaterialBytes = maximumMaterialBytes
        self.materialTypes = materialTypes
        self.autoAcceptWorkdays = autoAcceptWorkdays
        self.correctionWorkdays = correctionWorkdays
    }
}
