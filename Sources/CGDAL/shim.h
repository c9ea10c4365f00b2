#ifndef LABELDESK_CGDAL_SHIM_H
#define LABELDESK_CGDAL_SHIM_H

/* GDAL's C API: rasters, errors, options, coordinate systems, gdal_translate, VSI files. */
#include <gdal.h>
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <ogr_srs_api.h>
#include <gdal_utils.h>

/*
 * Swift cannot see GDAL's macros nor call its variadic functions, so each one
 * Imagery needs is wrapped in a function here.
 */

/* CPLFree is a macro over VSIFree. */
static inline void ld_cpl_free(void *pointer) { CPLFree(pointer); }

/* CPLError is variadic: Imagery raises its own errors with a finished message. */
static inline void ld_cpl_error(CPLErr level, CPLErrorNum code, const char *message) {
    CPLError(level, code, "%s", message);
}

/* CPLE_* error numbers are macros. */
static inline CPLErrorNum ld_cple_app_defined(void) { return CPLE_AppDefined; }
static inline CPLErrorNum ld_cple_open_failed(void) { return CPLE_OpenFailed; }
static inline CPLErrorNum ld_cple_file_io(void) { return CPLE_FileIO; }
static inline CPLErrorNum ld_cple_not_supported(void) { return CPLE_NotSupported; }

/* Flags of GDALOpenEx are macros. */
static inline unsigned int ld_gdal_of_raster_read_only(void) {
    return GDAL_OF_RASTER | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR;
}

/* GDALRasterIOExtraArg is set up by a macro; it also carries the sub-pixel window. */
static inline GDALRasterIOExtraArg ld_raster_io_extra_arg(GDALRIOResampleAlg algorithm,
                                                         double x, double y, double width, double height) {
    GDALRasterIOExtraArg argument;
    INIT_RASTERIO_EXTRA_ARG(argument);
    argument.eResampleAlg = algorithm;
    argument.bFloatingPointWindowValidity = TRUE;
    argument.dfXOff = x;
    argument.dfYOff = y;
    argument.dfXSize = width;
    argument.dfYSize = height;
    return argument;
}

#endif
