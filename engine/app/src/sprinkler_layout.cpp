#include "sprinkler_layout.h"

#include <algorithm>
#include <cmath>

namespace cd::app {

SprinklerGrid sprinklerGrid(double lengthXM, double lengthYM, double spacingM) {
    SprinklerGrid g;
    if (!(spacingM > 0)) return g;
    g.nx = std::max(1, static_cast<int>(std::ceil(lengthXM / spacingM - 1e-9)));
    g.ny = std::max(1, static_cast<int>(std::ceil(lengthYM / spacingM - 1e-9)));
    while ((lengthXM / g.nx) * (lengthYM / g.ny) > kSprinklerMaxAreaM2) {
        if (lengthXM / g.nx >= lengthYM / g.ny) ++g.nx;
        else ++g.ny;
    }
    return g;
}

}  // namespace cd::app
