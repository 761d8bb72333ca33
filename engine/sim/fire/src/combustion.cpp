#include "fire/combustion.h"

#include <algorithm>

namespace cd::fire {

// Huggett oxygen consumption and CFAST-style species yields (NIST SP 1889v1).
Result<CombustionYields> combustionYields(const FireDef& fire) {
    CombustionYields y;
    double o2 = fire.heatOfCombustionKjKg / kHuggettKjPerKgO2;
    double molar = 12.011 * fire.carbonAtoms + 1.008 * fire.hydrogenAtoms + 15.999 * fire.oxygenAtoms +
                   14.007 * fire.nitrogenAtoms;
    if (molar <= 0) return makeError("fuel formula has no atoms", "", fire.line, "fire.formula");
    double carbonKmol = fire.carbonAtoms / molar - fire.sootYield / 12.011 - fire.coYield / 28.010 -
                        fire.hcnYield / 27.025;
    double hydrogenKmol = fire.hydrogenAtoms / molar - fire.hcnYield / 27.025;
    double nitrogenKmol = fire.nitrogenAtoms / molar - fire.hcnYield / 27.025;
    if (carbonKmol < -1e-12)
        return makeError("soot, CO and HCN yields need more carbon than the fuel formula has", "", fire.line,
                         "fire.soot_yield");
    if (nitrogenKmol < -1e-12)
        return makeError("HCN yield needs more nitrogen than the fuel formula has", "", fire.line, "fire.hcn_yield");
    double inert = std::max(nitrogenKmol, 0.0) * 14.007;
    double rest = 1.0 + o2 - fire.sootYield - fire.coYield - fire.hcnYield - inert;
    if (rest < 0)
        return makeError("yields exceed the mass of fuel and oxygen consumed", "", fire.line, "fire.soot_yield");
    double co2 = std::max(carbonKmol, 0.0) * 44.010;
    double h2o = std::max(hydrogenKmol, 0.0) * 0.5 * 18.015;
    double scale = co2 + h2o > 0 ? rest / (co2 + h2o) : 0.0;
    y.perKgFuel[kO2] = -o2;
    y.perKgFuel[kCO2] = co2 * scale;
    y.perKgFuel[kH2O] = h2o * scale;
    y.perKgFuel[kCO] = fire.coYield;
    y.perKgFuel[kHCN] = fire.hcnYield;
    y.perKgFuel[kSoot] = fire.sootYield;
    y.perKgFuel[kFuel] = 0;
    y.inertPerKgFuel = co2 + h2o > 0 ? inert : inert + rest;
    return y;
}

void moleFractions(const double speciesKg[kSpeciesCount], double totalKg, double out[kSpeciesCount]) {
    double gasKg = totalKg - speciesKg[kSoot];
    double n2 = gasKg;
    double moles = 0;
    for (int k = 0; k < kSpeciesCount; ++k) {
        if (k == kSoot) continue;
        n2 -= speciesKg[k];
        moles += std::max(speciesKg[k], 0.0) / kMolarMass[k];
    }
    moles += std::max(n2, 0.0) / kMolarMassN2;
    for (int k = 0; k < kSpeciesCount; ++k)
        out[k] = (k == kSoot || moles <= 0) ? 0.0 : std::max(speciesKg[k], 0.0) / kMolarMass[k] / moles;
}

}  // namespace cd::fire
