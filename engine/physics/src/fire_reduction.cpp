#include "physics/fire_reduction.h"

#include <array>
#include <cmath>

#include "temperature_table.h"

namespace cd::physics {
namespace {

using Row = TemperatureRow<float>;

// EN 1992-1-2:2004 Table 3.1, column 2: fc,θ/fck for normal-weight siliceous aggregate concrete.
constexpr std::array<Row, 13> kConcreteSiliceous{{{20, 1.00f}, {100, 1.00f}, {200, 0.95f}, {300, 0.85f},
                                                  {400, 0.75f}, {500, 0.60f}, {600, 0.45f}, {700, 0.30f},
                                                  {800, 0.15f}, {900, 0.08f}, {1000, 0.04f}, {1100, 0.01f},
                                                  {1200, 0.00f}}};
// EN 1993-1-2:2005 Table 3.1, column ky,θ: effective yield strength of carbon steel.
constexpr std::array<Row, 13> kSteel{{{20, 1.000f}, {100, 1.000f}, {200, 1.000f}, {300, 1.000f},
                                      {400, 1.000f}, {500, 0.780f}, {600, 0.470f}, {700, 0.230f},
                                      {800, 0.110f}, {900, 0.060f}, {1000, 0.040f}, {1100, 0.020f},
                                      {1200, 0.000f}}};

// EN 1993-1-2:2005 Table 3.1, column kE,θ: slope of the linear elastic range.
constexpr std::array<Row, 13> kSteelModulus{{{20, 1.000f}, {100, 1.000f}, {200, 0.900f}, {300, 0.800f},
                                             {400, 0.700f}, {500, 0.600f}, {600, 0.310f}, {700, 0.130f},
                                             {800, 0.090f}, {900, 0.0675f}, {1000, 0.0450f}, {1100, 0.0225f},
                                             {1200, 0.000f}}};

// EN 1995-1-2:2004 Figure B.5: softwood in tension parallel to the grain.
constexpr std::array<Row, 3> kTimberTension{{{20, 1.00f}, {100, 0.65f}, {300, 0.00f}}};

}  // namespace

float strengthReductionFactor(FireCurve curve, float temperatureC) {
    switch (curve) {
        case FireCurve::ConcreteSiliceous: return interpolateTable(kConcreteSiliceous, temperatureC);
        case FireCurve::Steel: return interpolateTable(kSteel, temperatureC);
        case FireCurve::Timber: return interpolateTable(kTimberTension, temperatureC);
        case FireCurve::None: break;
    }
    return 1.0f;
}

float steelElasticModulusFactor(float temperatureC) { return interpolateTable(kSteelModulus, temperatureC); }

}  // namespace cd::physics
