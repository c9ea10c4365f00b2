"""Makes geo_labels_wgs84.json: every vertex of the 43 building footprints of
../shared/fixtures/geo-labels/geotiff_labels.geojson (EPSG:32616) in WGS 84 longitude and
latitude, by pyproj (PROJ), for the GeoJSON export test. Run from this folder:
    pip install pyproj && python3 make_geo_vectors.py
"""
import json
import os
import pyproj

here = os.path.dirname(os.path.abspath(__file__))
fixtures = os.path.join(here, "..", "..", "..", "..", "shared", "fixtures", "geo-labels")
source = json.load(open(os.path.join(fixtures, "geotiff_labels.geojson")))
to_wgs84 = pyproj.Transformer.from_crs("EPSG:32616", "EPSG:4326", always_xy=True)
features = []
for number, feature in enumerate(source["features"], start=1):
    ring = feature["geometry"]["coordinates"][0]
    if ring[0] == ring[-1]:
        ring = ring[:-1]
    lons, lats = to_wgs84.transform([p[0] for p in ring], [p[1] for p in ring])
    features.append({"feature": number, "utm": ring, "wgs84": [[lon, lat] for lon, lat in zip(lons, lats)]})
vectors = {
    "source": "geo-labels/geotiff_labels.geojson",
    "crs": "EPSG:32616",
    "tool": "pyproj %s (PROJ %s), Transformer.from_crs('EPSG:32616', 'EPSG:4326', always_xy=True)" % (pyproj.__version__, pyproj.proj_version_str),
    "features": features,
}
with open(os.path.join(here, "geo_labels_wgs84.json"), "w") as out:
    json.dump(vectors, out, indent=0)
    out.write("\n")
print("wrote", len(features), "features")
