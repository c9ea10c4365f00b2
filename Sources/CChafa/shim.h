#ifndef LABELDESK_CCHAFA_SHIM_H
#define LABELDESK_CCHAFA_SHIM_H

/*
 * libchafa turns pixels into terminal symbols and colours. chafa.h includes glib.h,
 * so the target's pkg-config entry (chafa) brings glib's include paths too
 * (libglib2.0-dev must be installed; see PLATFORM.md).
 */
#include <chafa.h>

/* The symbol classes the image canvas uses, combined here because Swift imports
   the ChafaSymbolTags enum constants as separate values of an imported struct. */
static inline ChafaSymbolTags ld_chafa_canvas_symbol_tags(void) {
    return (ChafaSymbolTags)(CHAFA_SYMBOL_TAG_SPACE | CHAFA_SYMBOL_TAG_BLOCK | CHAFA_SYMBOL_TAG_HALF
                             | CHAFA_SYMBOL_TAG_QUAD | CHAFA_SYMBOL_TAG_SEXTANT);
}

#endif
