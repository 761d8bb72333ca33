#pragma once
/// Combustion chemistry of a fire: oxygen consumed and species produced per kg of fuel burnt.
/// Oxygen consumption follows Huggett's constant, 13 100 kJ per kg O2 (Huggett, Fire and
/// Materials 4 (1980); CFAST TRG NIST SP 1889v1 "Combustion chemistry"); soot, CO and HCN come
/// from the given yields; the rest of the product mass is split between CO2 and H2O in the
/// ratio of the fuel's remaining carbon and hydrogen atoms, so mass is conserved exactly.
#include "core/result.h"
#include "fire/fire_model_def.h"

namespace cd::fire {

/// Gas species tracked in each layer; N2 (and argon) is the remainder of the layer mass.
enum Species : int { kO2 = 0, kCO2, kCO, kHCN, kH2O, kSoot, kFuel, kSpeciesCount };

inline constexpr double kHuggettKjPerKgO2 = 13100.0;
inline constexpr double kAmbientO2MassFraction = 0.2320;  ///< 20.9 % by volume in dry air
/// Molar masses, kg/kmol; soot is left out of mole fractions; unburnt fuel counted as 28.
inline constexpr double kMolarMass[kSpeciesCount] = {31.999, 44.010, 28.010, 27.025, 18.015, 12.011, 28.0};
inline constexpr double kMolarMassN2 = 28.014;

/// Mass per kg of fuel burnt: negative for oxygen consumed, positive for products.
struct CombustionYields {
    double perKgFuel[kSpeciesCount] = {};
    double inertPerKgFuel = 0;  ///< fuel nitrogen not in HCN (goes to the N2 remainder)
};

Result<CombustionYields> combustionYields(const FireDef& fire);

/// Volume (mole) fractions of the gas species in a layer from its species masses and total mass.
void moleFractions(const double speciesKg[kSpeciesCount], double totalKg, double out[kSpeciesCount]);

}  // namespace cd::fire
