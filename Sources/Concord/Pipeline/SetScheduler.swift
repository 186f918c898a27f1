import Foundation

/// Runs the per-file work of many sets on `jobs` tasks (Swift concurrency) and each set's
/// comparison as soon as its last file is done, so that a set of six large versions keeps
/// every core busy and only the sets being worked on are in memory. Results come back in
/// the order of the sets given, whatever order they finish in.
struct SetScheduler: Sendable {
    var jobs: Int

    func run<F: Sendable, S: Sendable>(_ sets: [DocumentSet], file: @escaping @Sendable (String) -> F,
                                        set finish: @escaping @Sendable (DocumentSet, [F]) -> S,
                                        progress: (@Sendable (Int, Int) -> Void)?) -> [S] {
        if jobs <= 1 || sets.reduce(0, { $0 + $1.files.count }) <= 1 {
            return sets.enumerated().map { index, set in
                defer { progress?(index + 1, sets.count) }
                return finish(set, set.files.map(file))
            }
        }
        let box = ResultBox<S>(count: sets.count)
        let done = DispatchSemaphore(value: 0)
        // The largest sets (in bytes) are handed out first, so that the last files to run are
        // small ones and no core is left alone with a large file at the end.
        let files = Self.largestFirst(sets).flatMap { set in sets[set].files.indices.map { (set, $0) } }
        let jobs = self.jobs
        Task.detached {
            await withTaskGroup(of: Done<F, S>.self) { group in
                var next = 0, running = 0, finishedSets = 0
                var partial = [Int: [F?]]()
                func start() {
                    let (set, index) = files[next]
                    next += 1
                    running += 1
                    group.addTask { .file(set: set, file: index, file(sets[set].files[index])) }
                }
                for (index, set) in sets.enumerated() where set.files.isEmpty {
                    box.set(index, finish(set, []))
                }
                while next < files.count, running < jobs { start() }
                for await result in group {
                    running -= 1
                    switch result {
                    case let .file(set, index, outcome):
                        partial[set, default: Array(repeating: nil, count: sets[set].files.count)][index] = outcome
                        if let all = partial[set], all.allSatisfy({ $0 != nil }) {
                            partial[set] = nil
                            running += 1
                            group.addTask { .set(set, finish(sets[set], all.map { $0! })) }
                        }
                    case let .set(index, outcome):
                        box.set(index, outcome)
                        finishedSets += 1
                        progress?(finishedSets, sets.count)
                    }
                    while next < files.count, running < jobs { start() }
                }
            }
            done.signal()
        }
        done.wait()
        return box.values.map { $0! }
    }
}

extension SetScheduler {
    /// The sets' indices, the largest set (the sum of its files' sizes) first; sets of equal
    /// size in the order given. A file that cannot be read counts as empty.
    static func largestFirst(_ sets: [DocumentSet]) -> [Int] {
        let sizes = sets.map { set in
            set.files.reduce(0) { total, file in
                var info = stat()
                return total + (stat(file, &info) == 0 ? Int(info.st_size) : 0)
            }
        }
        return sets.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
    }
}

/// One piece of scheduled work done: a file of a set, or a whole set.
private enum Done<F: Sendable, S: Sendable>: Sendable {
    case file(set: Int, file: Int, F)
    case set(Int, S)
}

/// Results written by concurrent tasks, read once they are all done.
private final class ResultBox<S>: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [S?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: S) {
        lock.lock(); values[index] = value; lock.unlock()
    }
}
