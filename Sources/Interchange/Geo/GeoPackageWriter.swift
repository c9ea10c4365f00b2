import Domain
import Foundation

/// Writes shapes as a GeoPackage (OGC 12-128r18, version 1.2): one feature table per
/// project, with class, task, labeler, time, scene and project, in WGS 84.
///
/// WGS 84 (`srs_id` 4326, longitude as x) rather than each chip's own system: a table
/// has one system, a project's scenes may lie in several UTM zones, and 4326 is the
/// one system every GeoPackage already defines, the GeoJSON export uses, and QGIS
/// reprojects on the fly. Only the required tables are written (`gpkg_spatial_ref_sys`
/// with its three required rows, `gpkg_contents`, `gpkg_geometry_columns`), no spatial
/// index: GDAL's validator and `ogrinfo` take it as it is, and `ogr2ogr` adds an index
/// when one is wanted. Geometries are GeoPackage blobs: the `GP` header with the
/// envelope `[minx, maxx, miny, maxy]`, then little-endian WKB polygons (rings
/// counter-clockwise and closed, as GeoJSON's).
public enum GeoPackageWriter {
    /// `GPKG` in ASCII, the GeoPackage application id.
    static let applicationID: Int32 = 0x4750_4B47
    /// GeoPackage 1.2.0.
    static let userVersion = 10200

    static let wgs84Definition = #"GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]"#

    /// Writes a new GeoPackage at `path` (an existing file there is replaced). `time`
    /// is `gpkg_contents.last_change`, given so the same export gives the same file.
    public static func write(
        _ shapes: [GeoExportShape], project: Project, georeferencing: any ChipGeoreferencing, to path: String, time: Date = Date()
    ) throws(InterchangeError) {
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        var georeferences = GeoreferenceCache(georeferencing)
        var rings: [[GeoPoint]] = []
        rings.reserveCapacity(shapes.count)
        for item in shapes {
            let georeference = try georeferences.georeference(of: item.image, task: item.taskID, fileName: fileName)
            rings.append(try GeoJSONWriter.wgs84Ring(item.shape.geometry, georeference: georeference, task: item.taskID, fileName: fileName))
        }
        try? FileManager.default.removeItem(atPath: path)
        do throws(SQLiteFile.Failure) {
            let file = try SQLiteFile(creating: path)
            defer { file.close() }
            try file.execute("PRAGMA application_id = \(applicationID); PRAGMA user_version = \(userVersion); BEGIN")
            try createTables(file, project: project, rings: rings, time: time)
            let insert = try file.prepare("INSERT INTO \"\(tableName(project))\" (geom, class, task, labeler, time, scene, project) VALUES (?, ?, ?, ?, ?, ?, ?)")
            for (item, ring) in zip(shapes, rings) {
                try insert.run([
                    .blob(geometryBlob(ring)), .text(item.shape.label), .text(item.taskID), .text(item.labeler),
                    item.time.map { .text(ISODate.write($0)) } ?? .null, .text(item.image.scene), .text(project.id),
                ])
            }
            try file.execute("COMMIT")
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw InterchangeError(fileName: fileName, location: .file, problem: "the GeoPackage could not be written (\(error)); check the folder exists and can be written to")
        }
    }

    /// The GeoPackage as bytes, through a temporary file: the registry's formats return data.
    public static func data(_ shapes: [GeoExportShape], project: Project, georeferencing: any ChipGeoreferencing, time: Date = Date()) throws(InterchangeError) -> Data {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("labeldesk-\(UUID().uuidString).gpkg").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try write(shapes, project: project, georeferencing: georeferencing, to: path, time: time)
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw InterchangeError(fileName: "export.gpkg", location: .file, problem: "the GeoPackage just written could not be read back: \(error)")
        }
    }

    /// The project's id, which holds only letters, digits, `-` and `_`.
    static func tableName(_ project: Project) -> String {
        String(project.id.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" })
    }

    static func createTables(_ file: SQLiteFile, project: Project, rings: [[GeoPoint]], time: Date) throws(SQLiteFile.Failure) {
        let table = tableName(project)
        try file.execute("""
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name), CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
            CREATE TABLE "\(table)" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom POLYGON, class TEXT, task TEXT, labeler TEXT, time DATETIME, scene TEXT, project TEXT);
            """)
        let system = try file.prepare("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)")
        try system.run([.text("Undefined Cartesian SRS"), .integer(-1), .text("NONE"), .integer(-1), .text("undefined"), .text("undefined Cartesian coordinate reference system")])
        try system.run([.text("Undefined geographic SRS"), .integer(0), .text("NONE"), .integer(0), .text("undefined"), .text("undefined geographic coordinate reference system")])
        try system.run([.text("WGS 84 geodetic"), .integer(4326), .text("EPSG"), .integer(4326), .text(wgs84Definition), .text("longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid")])
        let all = rings.flatMap { $0 }
        let bounds: [SQLiteFile.Statement.Value] = all.isEmpty ? [.null, .null, .null, .null] : [
            .double(all.map(\.longitude).min()!), .double(all.map(\.latitude).min()!),
            .double(all.map(\.longitude).max()!), .double(all.map(\.latitude).max()!),
        ]
        try file.prepare("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?, 4326)")
            .run([.text(table), .text(project.title.isEmpty ? table : project.title), .text("LabelDesk shapes of project \(project.id)"), .text(ISODate.write(time))] + bounds)
        try file.prepare("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', 'POLYGON', 4326, 0, 0)").run([.text(table)])
    }

    /// A GeoPackage geometry blob: header (`GP`, version 0, flags: XY envelope,
    /// little-endian), `srs_id`, envelope, then a WKB polygon of one ring.
    static func geometryBlob(_ ring: [GeoPoint]) -> [UInt8] {
        var bytes: [UInt8] = [0x47, 0x50, 0, 0b0000_0011]
        bytes.reserveCapacity(8 + 32 + 13 + ring.count * 16)
        func append(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        func append(_ value: Double) { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
        append(UInt32(bitPattern: 4326))
        let longitudes = ring.map(\.longitude), latitudes = ring.map(\.latitude)
        for value in [longitudes.min() ?? 0, longitudes.max() ?? 0, latitudes.min() ?? 0, latitudes.max() ?? 0] { append(value) }
        bytes.append(1)
        append(UInt32(3))
        append(UInt32(1))
        append(UInt32(ring.count))
        for point in ring {
            append(point.longitude)
            append(point.latitude)
        }
        return bytes
    }
}
