#ifndef LABELDESK_CCMARK_SHIM_H
#define LABELDESK_CCMARK_SHIM_H

/*
 * cmark-gfm, the reference CommonMark parser with GitHub's extensions (tables,
 * strikethrough, autolinks). Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev
 * install both headers in /usr/include; the pkg-config entry libcmark-gfm links both
 * libraries. Only `Curriculum` imports this module.
 */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#endif
