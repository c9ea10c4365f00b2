#!/usr/bin/env python3
"""Makes two small NITF 2.1 files whose security fields are above UNCLASSIFIED.

The shared JITC fixtures are all marked U; these let the tests prove the mapping of
FSCLAS / ISCLAS onto markings (highest wins) and that control and release text is kept
verbatim. Cut from imagery/byte.tif with GDAL's own NITF writer (gdal-bin). The values
are test values, not real markings of anything.
"""
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "shared", "fixtures", "imagery", "byte.tif"))

FILES = {
    # File CONFIDENTIAL, image SECRET: the image's marking wins.
    "marked_secret.ntf": [
        "FSCLAS=C", "FSCLSY=US", "FSCTLH=NF", "FSREL=USA GBR", "FSDCTP=DD", "FSDCDT=20361231",
        "ISCLAS=S", "ISCLSY=US", "ISCTLH=OC", "ISREL=USA", "ISDCTP=X", "ISCODE=AB",
    ],
    # File RESTRICTED, image UNCLASSIFIED: R is held as CONFIDENTIAL.
    "marked_restricted.ntf": ["FSCLAS=R", "FSCLSY=NA", "ISCLAS=U"],
}

for name, fields in FILES.items():
    options = []
    for field in fields:
        options += ["-co", field]
    subprocess.run(["gdal_translate", "-q", "-of", "NITF", "-co", "ICORDS=G", *options, SOURCE, os.path.join(HERE, name)], check=True)
    aux = os.path.join(HERE, name + ".aux.xml")
    if os.path.exists(aux):
        os.remove(aux)
