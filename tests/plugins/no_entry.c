/* no_entry.c - a shared object without the kgkit entry symbol. */
#include <kgkit/common.h>
KG_API int some_other_symbol(void);
KG_API int some_other_symbol(void) { return 42; }
