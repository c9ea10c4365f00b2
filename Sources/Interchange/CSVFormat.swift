import Domain
import Foundation
public enum CSVFormat: TaskFormat {
    public static let name = "csv"
    public static let summary = "CSV"
    public static func read(_ data: Data, fileName: String, project: Project, options: InterchangeOptions) throws(InterchangeError) -> [InterchangeRecord] { [] }
    public static func write(_ records: [InterchangeRecord], project: Project, options: InterchangeOptions) throws(InterchangeError) -> Data { Data() }
}
