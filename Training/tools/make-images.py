#!/usr/bin/env python3
"""Makes the lesson images of "Boxes and polygons on imagery" from the shared fixtures.

Each image is a window of a real fixture image, cut and scaled to 8 bits by
`gdal_translate` (the commands are printed as they run), then, for two of them, the
fixture's own human-made building footprints drawn over it: `coco_sample_2.json` holds
the 43 footprints of `sample_geotiff.tif` in that image's pixels, so each footprint's
bounding box and outline land where solaris' labellers drew them. Needs GDAL's
command-line tools and Pillow.

Run from the repository root:

    python3 Training/tools/make-images.py /work/shared/fixtures

The fixtures are copied to a temporary folder first, so GDAL never writes beside them.
"""
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw

FIXTURES = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/fixtures")
OUT = Path(__file__).resolve().parent.parent / "boxes-and-polygons/lessons/images"

# The window of sample_geotiff.tif the building images show: x, y, width, height (pixels of 0.5 m).
ATLANTA_WINDOW = (330, 150, 260, 260)
# The window of the NAIP tile the polygon image shows, and the size it is scaled to.
NAIP_WINDOW = (600, 330, 330, 330)
NAIP_SIZE = (220, 220)


def translate(source, target, *options):
    command = ["gdal_translate", "-q", "-of", "PNG", *options, str(source), str(target)]
    print(" ".join(command))
    subprocess.run(command, check=True)
    Path(str(target) + ".aux.xml").unlink(missing_ok=True)


def footprints_in_window(coco, window):
    """The footprints wholly inside the window, in the window's pixels."""
    x0, y0, width, height = window
    shapes = []
    for annotation in coco["annotations"]:
        x, y, w, h = annotation["bbox"]
        if x >= x0 and y >= y0 and x + w <= x0 + width and y + h <= y0 + height:
            flat = annotation["segmentation"][0] if isinstance(annotation["segmentation"][0], list) else annotation["segmentation"]
            outline = [(flat[i] - x0, flat[i + 1] - y0) for i in range(0, len(flat), 2)]
            shapes.append(((x - x0, y - y0, x - x0 + w, y - y0 + h), outline))
    return shapes


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        atlanta = scratch / "sample_geotiff.tif"
        naip = scratch / "naip.tif"
        shutil.copy(FIXTURES / "geo-labels/sample_geotiff.tif", atlanta)
        shutil.copy(FIXTURES / "imagery/naip_m_4709963_se_14_1_20200831.tif", naip)

        plain = OUT / "atlanta-houses.png"
        # uint16 values, mostly 100-1100: stretched linearly to 0-255, as the station's default stretch does roughly.
        translate(atlanta, plain, "-ot", "Byte", "-scale", "100", "1100", "0", "255", "-srcwin", *map(str, ATLANTA_WINDOW))

        coco = json.loads((FIXTURES / "geo-labels/coco_sample_2.json").read_text(encoding="utf-8"))
        shapes = footprints_in_window(coco, ATLANTA_WINDOW)
        print(f"{len(shapes)} footprints inside the window")
        for name, draw_shape in [
            ("atlanta-houses-boxes.png", lambda draw, box, outline: draw.rectangle(box, outline=(240, 228, 66), width=2)),
            ("atlanta-houses-outlines.png", lambda draw, box, outline: draw.line(outline + [outline[0]], fill=(86, 180, 233), width=2)),
        ]:
            image = Image.open(plain).convert("RGB")
            draw = ImageDraw.Draw(image)
            for box, outline in shapes:
                draw_shape(draw, box, outline)
            image.save(OUT / name, optimize=True)
            print(f"drew {len(shapes)} shapes into {name}")

        translate(naip, OUT / "naip-fields-and-water.png", "-b", "1", "-b", "2", "-b", "3", "-srcwin", *map(str, NAIP_WINDOW),
                  "-outsize", *map(str, NAIP_SIZE))


if __name__ == "__main__":
    main()
