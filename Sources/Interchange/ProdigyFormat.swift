import Domain
import Foundation
public enum ProdigyFormat: TaskFormat {
    public static let name = "prodigy"
    public static let summary = "Prodigy JSONL"
    public static func read(_ data: Data, fileName: String, project: Project, options: InterchangeOptions) throws(InterchangeError) -> [InterchangeRecord] { [] }
    public static func write(_ records: [InterchangeRecord], project: Project, options: InterchangeOptions) throws(InterchangeError) -> Data { Data() }
}
