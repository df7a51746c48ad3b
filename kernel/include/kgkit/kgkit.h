/* kgkit/kgkit.h - the whole public API of libkgkit in one include. */
#ifndef KGKIT_KGKIT_H
#define KGKIT_KGKIT_H
#include "common.h"
#include "error.h"
#include "graph.h"
#include "plugin.h"
#include "host.h"
#include "select.h"
#include "attrs.h"
#include "buf.h"
#include "names.h"
#include "judge.h"
#endif
