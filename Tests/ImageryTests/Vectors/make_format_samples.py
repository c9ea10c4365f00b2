#!/usr/bin/env python3
"""Makes rgb_sample.jp2 and rgb_sample.png: a 64 x 48 window of the Landsat fixture
(imagery/RGB.byte.tif at column 380, row 280) written losslessly by GDAL's JPEG 2000
(OpenJPEG) and PNG drivers, so the tests open those formats on real pixels. No fixture
is in either format. Needs gdal-bin.
"""
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "shared", "fixtures", "imagery", "RGB.byte.tif"))
WINDOW = ["-srcwin", "380", "280", "64", "48"]

subprocess.run(["gdal_translate", "-q", "-of", "JP2OpenJPEG", "-co", "REVERSIBLE=YES", "-co", "QUALITY=100", *WINDOW, SOURCE, os.path.join(HERE, "rgb_sample.jp2")], check=True)
subprocess.run(["gdal_translate", "-q", "-of", "PNG", *WINDOW, SOURCE, os.path.join(HERE, "rgb_sample.png")], check=True)
for name in os.listdir(HERE):
    if name.endswith(".aux.xml"):
        os.remove(os.path.join(HERE, name))
