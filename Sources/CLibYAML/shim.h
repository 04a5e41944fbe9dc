#ifndef CARDIGAN_CLIBYAML_SHIM_H
#define CARDIGAN_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
