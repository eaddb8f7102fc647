/// A byte range inside one of the index's sections.
///
/// Not `Range<Int>`: an array of ranges makes the Swift runtime instantiate `Range<Int>`'s
/// metadata, which checks `Int: Comparable` by scanning every conformance record in the binary
/// (~0.3 M instructions at each start-up — issue 19's callgrind rows). A plain struct has
/// static metadata and no requirement to check.
struct ByteSpan: Sendable, Equatable {
    var lowerBound: Int
    var upperBound: Int
    init(_ r: Range<Int>) { lowerBound = r.lowerBound; upperBound = r.upperBound }
    var count: Int { upperBound - lowerBound }
    var range: Range<Int> { lowerBound..<upperBound }
}
