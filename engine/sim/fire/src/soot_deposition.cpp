#include "fire/soot_deposition.h"

namespace cd::fire {

double thermophoreticVelocityMS(double convectiveFluxWM2, double gasDensityKgM3, double gasTempK, double cpJKgK) {
    if (!(convectiveFluxWM2 > 0.0) || !(gasDensityKgM3 > 0.0) || !(gasTempK > 0.0) || !(cpJKgK > 0.0)) return 0.0;
    return kThermophoreticCoefficient * kGasPrandtl * convectiveFluxWM2 / (gasDensityKgM3 * cpJKgK * gasTempK);
}

}  // namespace cd::fire
