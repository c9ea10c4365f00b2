/// The one-to-one pairing of rows and columns with the greatest total weight.
///
/// The Hungarian method (Kuhn-Munkres with potentials, O(n² m)), what
/// `scipy.optimize.linear_sum_assignment(weights, maximize=True)` solves. Weights of
/// zero or less mean "may not be paired": such pairs are dropped from the result, so a
/// caller zeroes what it forbids (a match below the IoU threshold, a different class).
public enum OptimalAssignment {
    /// Pairs `(row, column)` of positive weight that together weigh the most.
    /// `weights` is row-major, `rows` by `columns`.
    public static func maximumWeightPairs(_ weights: [Double], rows: Int, columns: Int) -> [(row: Int, column: Int)] {
        guard rows > 0, columns > 0 else { return [] }
        precondition(weights.count == rows * columns, "weights must hold rows x columns values")
        // The method wants no more rows than columns; solve the transpose otherwise.
        let transposed = rows > columns
        let n = transposed ? columns : rows, m = transposed ? rows : columns
        func cost(_ i: Int, _ j: Int) -> Double {
            -(transposed ? weights[j * columns + i] : weights[i * columns + j])
        }
        // 1-based, with row and column 0 as the method's sentinels.
        var u = [Double](repeating: 0, count: n + 1), v = [Double](repeating: 0, count: m + 1)
        var owner = [Int](repeating: 0, count: m + 1), way = [Int](repeating: 0, count: m + 1)
        for i in 1...n {
            owner[0] = i
            var j0 = 0
            var minimum = [Double](repeating: .infinity, count: m + 1)
            var used = [Bool](repeating: false, count: m + 1)
            repeat {
                used[j0] = true
                let i0 = owner[j0]
                var delta = Double.infinity, j1 = 0
                for j in 1...m where !used[j] {
                    let reduced = cost(i0 - 1, j - 1) - u[i0] - v[j]
                    if reduced < minimum[j] {
                        minimum[j] = reduced
                        way[j] = j0
                    }
                    if minimum[j] < delta {
                        delta = minimum[j]
                        j1 = j
                    }
                }
                for j in 0...m {
                    if used[j] {
                        u[owner[j]] += delta
                        v[j] -= delta
                    } else {
                        minimum[j] -= delta
                    }
                }
                j0 = j1
            } while owner[j0] != 0
            repeat {
                let j1 = way[j0]
                owner[j0] = owner[j1]
                j0 = j1
            } while j0 != 0
        }
        var pairs: [(row: Int, column: Int)] = []
        for j in 1...m where owner[j] != 0 {
            let (row, column) = transposed ? (j - 1, owner[j] - 1) : (owner[j] - 1, j - 1)
            if weights[row * columns + column] > 0 { pairs.append((row, column)) }
        }
        return pairs.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
    }
}
