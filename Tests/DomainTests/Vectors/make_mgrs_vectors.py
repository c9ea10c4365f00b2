#!/usr/bin/env python3
"""Makes mgrs_vectors.json: WGS 84 latitude/longitude -> MGRS at 1 m, from the PyPI `mgrs`
package (NGA's GeoTrans C code), for DomainTests/MGRSTests.

    pip install mgrs && python3 make_mgrs_vectors.py

Points cover every UTM zone, both hemispheres, the Norway (32V) and Svalbard (31X, 33X,
35X, 37X) exceptions, band X's 84.5 degree top and the polar UPS caps. A point whose UTM
or UPS easting or northing (from gdaltransform, i.e. PROJ) lies within 5 cm of a whole
metre is left out: GeoTrans truncates to the metre (checked: 733722.98 E prints as
33722), so there two correct implementations of the projection may give different
metres, and the test would be about noise.
"""
import json
import math
import os
import random
import subprocess

import mgrs

HERE = os.path.dirname(os.path.abspath(__file__))
converter = mgrs.MGRS()

points = []
random.seed(20261201)
# Every zone, both hemispheres, latitudes across every band.
for zone in range(1, 61):
    for _ in range(4):
        lon = -180 + (zone - 1) * 6 + random.uniform(0.01, 5.99)
        lat = random.uniform(-79.9, 83.9)
        points.append((lat, lon))
# Norway and Svalbard exceptions, and the zones beside them.
points += [(60.0, 4.0), (60.0, 2.5), (57.0, 7.0), (63.9, 3.1), (56.0, 3.0), (56.1, 11.9), (61.0, 1.0),
           (75.0, 5.0), (78.0, 15.0), (80.0, 25.0), (79.0, 38.0), (72.5, 8.9), (83.9, 20.5), (73.0, 41.9),
           (71.9, 10.0), (64.1, 4.0)]
# Band edges, the equator, the antimeridian.
points += [(83.99, 10.0), (84.0, -30.0), (72.0, -100.0), (-79.99, 45.0), (-80.0, 10.0), (0.0, 0.0),
           (0.000001, 0.5), (-0.000001, 0.5), (10.0, 179.999), (-10.0, -179.999), (45.0, -180.0)]
# The polar caps, through UPS.
points += [(84.5, 0.0), (85.0, 45.0), (86.3, 135.0), (89.9, -120.0), (88.0, -45.0), (84.1, 179.0),
           (-80.5, 30.0), (-85.0, -60.0), (-89.99, 170.0), (-82.0, 100.0), (-87.5, -150.0), (-80.1, -1.0)]


def projected(lat, lon, code):
    epsg = {"N": 32661, "S": 32761}[code] if code in ("N", "S") else code
    out = subprocess.run(["gdaltransform", "-s_srs", "EPSG:4326", "-t_srs", f"EPSG:{epsg}", "-output_xy"],
                         input=f"{lon!r} {lat!r}\n", capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1])


def near_boundary(value):
    fraction = value - math.floor(value)
    return fraction < 0.05 or fraction > 0.95


vectors = []
for lat, lon in points:
    text = converter.toMGRS(lat, lon, MGRSPrecision=5)
    text = text.decode() if isinstance(text, bytes) else text
    if text[:2].isdigit():
        zone = int(text[:2])
        code = (32600 if lat >= 0 else 32700) + zone
    else:
        code = "N" if text[0] in "YZ" else "S"
    easting, northing = projected(lat, lon, code)
    if near_boundary(easting) or near_boundary(northing):
        continue
    vectors.append({"latitude": lat, "longitude": lon, "mgrs": text})

with open(os.path.join(HERE, "mgrs_vectors.json"), "w") as out:
    json.dump({"generator": f"PyPI mgrs {getattr(mgrs, '__version__', '')}".strip(), "precision": "1 m", "points": vectors}, out, indent=1, sort_keys=True)
    out.write("\n")
print(len(points), "points,", len(vectors), "kept")
