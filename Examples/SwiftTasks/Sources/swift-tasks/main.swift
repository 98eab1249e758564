import BenchCLI
import BenchCore
import Foundation

// Your own Swift code under every model bench has: this executable is a complete bench (try
// `swift run swift-tasks list`, then `swift run -c release swift-tasks run --cores 2`), and its
// --workload names these closures. Each returns a checksum of its result, which bench compares
// across models as it compares its own kernel's.

/// One record of the JSON round trip.
struct Order: Codable {
    var id: Int
    var customer: String
    var lines: [Line]

    struct Line: Codable {
        var sku: String
        var quantity: Int
        var cents: Int
    }
}

/// Encodes 200 orders with Foundation's JSONEncoder, decodes them back, and sums what came back.
@Sendable func jsonRoundTrip(_ index: Int) throws -> UInt64 {
    let orders = (0..<200).map { n in
        Order(
            id: index * 1000 + n, customer: "customer-\(n % 17)",
            lines: (0..<5).map { Order.Line(sku: "sku-\($0 * n % 97)", quantity: $0 + 1, cents: 100 * $0 + n) })
    }
    let data = try JSONEncoder().encode(orders)
    let back = try JSONDecoder().decode([Order].self, from: data)
    return back.reduce(UInt64(data.count)) { sum, order in
        order.lines.reduce(sum &+ UInt64(order.id)) { $0 &+ UInt64($1.quantity * $1.cents) }
    }
}

/// Counts words in a generated text with a Dictionary: hashing and resizing, all on the heap.
@Sendable func wordCounts(_ index: Int) -> UInt64 {
    var counts: [String: Int] = [:]
    var state = UInt64(index + 1)
    for _ in 0..<60_000 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        counts["w\(state >> 52)", default: 0] += 1
    }
    return counts.reduce(UInt64(counts.count)) { $0 &+ UInt64($1.value * $1.key.utf8.count) }
}

/// Waits 20 ms with Task.sleep: an async closure, which the async models await without holding a thread.
@Sendable func asyncWait(_ index: Int) async throws -> UInt64 {
    try await Task.sleep(nanoseconds: 20_000_000)
    return UInt64(index)
}

BenchMain.main(workloads: [
    UserWorkload("json-round-trip", summary: "200 orders through JSONEncoder and JSONDecoder", jsonRoundTrip),
    UserWorkload("word-counts", summary: "60,000 words counted in a Dictionary", wordCounts),
    UserWorkload("async-wait", summary: "a 20 ms Task.sleep", async: asyncWait),
])
