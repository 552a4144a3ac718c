/// What an applicant typed into an application form, by field key; every value is text, as a
/// browser posts it, and is read as a number or a date where the schema says so.
public typealias FormData = [String: String]
