/// A coding key named at run time: how documents before schema 5 are read, which kept one field
/// per runtime, named after it (`python` in the fingerprint and the configuration,
/// `pythonCalibration` in the result), where schema 5 keeps a map keyed by runtime.
struct SchemaKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }

    /// The map of the old per-runtime fields of `type` that `decoder` holds, each runtime's field
    /// named by `name`; runtimes without one are left out.
    static func perRuntime<T: Decodable>(
        _ type: T.Type, in decoder: any Decoder, named name: (Runtime) -> String
    ) throws -> [RuntimeInstance: T] {
        let c = try decoder.container(keyedBy: SchemaKey.self)
        var values: [RuntimeInstance: T] = [:]
        for runtime in Runtime.allCases {
            if let value = try c.decodeIfPresent(type, forKey: SchemaKey(name(runtime))) {
                values[RuntimeInstance(runtime)] = value
            }
        }
        return values
    }
}
