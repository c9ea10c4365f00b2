#!/usr/bin/env python3
"""Makes transform_vectors.json: pixel -> map -> WGS 84 answers from GDAL's own gdaltransform.

Run from anywhere: python3 make_transform_vectors.py. Needs gdal-bin (gdaltransform) and the
shared fixtures at <worktree>/../shared/fixtures. The Swift tests read the JSON and never run
this script; rerun it only to add cases.
"""
import json
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "shared", "fixtures"))


def gdaltransform(arguments, points):
    text = "".join(f"{x!r} {y!r}\n" for x, y in points)
    result = subprocess.run(["gdaltransform", "-output_xy", *arguments], input=text, capture_output=True, text=True, check=True)
    return [[float(v) for v in line.split()] for line in result.stdout.strip().splitlines()]


def size(path):
    info = json.loads(subprocess.run(["gdalinfo", "-json", path], capture_output=True, text=True, check=True).stdout)
    return info["size"]


rasters = []
for relative in [
    "imagery/byte.tif",
    "imagery/RGB.byte.tif",
    "imagery/rgb1.tif",
    "imagery/world.rgb.tif",
    "imagery/naip_m_4709963_se_14_1_20200831.tif",
    "geo-labels/sample_geotiff.tif",
    "nitf/i_3001a.ntf",
]:
    path = os.path.join(FIXTURES, relative)
    width, height = size(path)
    pixels = [
        (0.0, 0.0), (width, 0.0), (0.0, height), (width, height),
        (width / 2, height / 2), (0.5, 0.5), (width * 0.37 + 0.25, height * 0.81 + 0.125),
    ]
    rasters.append({
        "file": relative,
        "pixels": [list(p) for p in pixels],
        "map": gdaltransform([path], pixels),
        "wgs84": gdaltransform(["-t_srs", "EPSG:4326", path], pixels),
    })

# CRS given as text, as GeoJSON files name them: map -> WGS 84 and WGS 84 -> map.
systems = []
utm16_wkt = subprocess.run(["gdalsrsinfo", "-o", "wkt2", "EPSG:32616"], capture_output=True, text=True, check=True).stdout.strip()
for text, points in [
    ("EPSG:32616", [(733601.0, 3725139.0), (734051.0, 3724689.0), (500000.0, 0.0)]),
    ("urn:ogc:def:crs:EPSG::26914", [(485899.0, 5209246.0), (490569.0, 5205631.0)]),
    ("EPSG:26711", [(440720.0, 3751320.0), (441920.0, 3750120.0)]),
    ("EPSG:3857", [(-9419000.0, 3982000.0), (0.0, 0.0), (20037508.0, -7000000.0)]),
    ("EPSG:4326", [(-84.48, 33.64), (179.5, -45.25)]),
    (utm16_wkt, [(733826.0, 3724914.0)]),
]:
    geographic = gdaltransform(["-s_srs", text, "-t_srs", "EPSG:4326"], points)
    back = gdaltransform(["-s_srs", "EPSG:4326", "-t_srs", text], [tuple(p) for p in geographic])
    systems.append({"crs": text, "map": [list(p) for p in points], "wgs84": geographic, "mapFromWGS84": back})

with open(os.path.join(HERE, "transform_vectors.json"), "w") as out:
    json.dump({"generator": "gdaltransform " + subprocess.run(["gdalinfo", "--version"], capture_output=True, text=True).stdout.strip(),
               "rasters": rasters, "systems": systems}, out, indent=1, sort_keys=True)
    out.write("\n")
