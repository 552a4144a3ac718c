import Metrics
public import Prometheus

/// The process-wide Prometheus registry behind swift-metrics.
///
/// `MetricsSystem.bootstrap` may run once per process, and tests build many applications, so
/// the registry is created and bootstrapped exactly once, on first use.
public enum MetricsBootstrap {
    /// The registry `/metrics` emits.
    public static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()
}
