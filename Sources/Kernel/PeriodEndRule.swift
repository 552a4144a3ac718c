/// What happens when a period counted in natural days ends on a rest day.
public enum PeriodEndRule: Sendable, Hashable {
    /// The period ends on the computed day, whatever it is.
    case exact
    /// If the computed last day is not a workday (a weekend or statutory holiday), the period
    /// ends on the first workday after it, as 民法典 art. 203 and the procedure laws provide;
    /// a 调休 make-up Saturday is a workday and ends the period itself.
    case nextWorkdayIfRestDay
}
