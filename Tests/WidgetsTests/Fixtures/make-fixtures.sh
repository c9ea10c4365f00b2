#!/usr/bin/env bash
# Makes the raw RGBA pictures the image canvas tests read, from a real Landsat 7 subset
# (../shared/fixtures/imagery/rgb1.tif, rasterio's test data, CC0). Needs gdal-bin.
# Output: 8-bit, pixel-interleaved R,G,B,A (A from GDAL's mask band: 255 = valid),
# rows top to bottom, no header; the .hdr and .aux.xml GDAL writes beside them are dropped.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source=${1:-/work/shared/fixtures/imagery/rgb1.tif}
make() { # name srcwin(x y w h) width height
  gdal_translate -q -of ENVI -co INTERLEAVE=BIP -b 1 -b 2 -b 3 -b mask -ot Byte \
    -srcwin "$2" "$3" "$4" "$5" -outsize "$6" "$7" -r average "$source" "$here/$1.tmp"
  mv "$here/$1.tmp" "$here/$1"
  rm -f "$here/$1.hdr" "$here/$1.tmp.hdr" "$here/$1.tmp.aux.xml" "$here/$1.aux.xml"
}
# 80x24 cells at 2x4 pixels a cell, from a 400x240 window: 2.5 source pixels a pixel.
make rgb1-160x96.rgba 0 80 400 240 160 96
# 50x15 cells, from a 250x150 window in the scene's middle: 2.5 source pixels a pixel.
make rgb1-100x60.rgba 75 125 250 150 100 60
