/// Consumes a value so the optimiser must compute it: the value escapes into an opaque,
/// never-inlined function, so work whose only result is `value` cannot be deleted.
@inline(never) @_optimize(none)
public func blackHole<T>(_ value: T) {
    _ = value
}
