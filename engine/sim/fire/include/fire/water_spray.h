#pragma once
/// Water sprayed into a hot smoke layer ("gas cooling", the fog pulses firefighters put into the
/// layer overhead as they advance): the part of the spray that evaporates in flight takes its
/// heat from the gas and adds its steam to it; the rest reaches the ceiling and walls (surface
/// cooling, not modelled).
///
/// Evaporation in flight: the d^2 law of a droplet in hot gas, d(d^2)/dt = -K, with the
/// heat-transfer number B = cp,g (T_g - T_b) / (h_fg + c_w (T_b - T_w)) and the quiescent rate
/// K0 = 8 k_g ln(1 + B) / (rho_w cp,g) (Spalding; Turns, "An Introduction to Combustion",
/// 3rd ed., ch. 3 and 10), raised by the droplet's flight through the gas with the Ranz-Marshall
/// (Froessling) factor Nu / 2 = 1 + 0.3 Re^(1/2) Pr^(1/3) (Ranz & Marshall, Chem. Eng. Prog. 48,
/// 1952). Gas properties at the film temperature (T_g + T_b) / 2 from power-law fits to air
/// (Incropera & DeWitt, Table A.4: k within 4 %, nu within 2 %, 300-800 K). The droplet keeps its
/// speed through the layer (a pulse lasts well under a second of flight).
///
/// Heat taken per kg evaporated: warming to 100 C, the latent heat 2 257 kJ/kg (steam tables
/// at 1 atm) and the steam's warming to the gas temperature (cp 2.0 kJ/kg/K): 2.6 MJ/kg from
/// 15 C to steam at 100 C (Saerdqvist, "Water and other extinguishing agents", 2002; SFPE
/// Handbook 5th ed.).
#include <string>

#include "fire/extinguishing_agent.h"

namespace cd::fire {

struct WaterSpray {
    double flowKgS = kHoseFlowKgS;     ///< a hose line (extinguishing_agent.h)
    double durationS = 1.0;            ///< one pulse
    double dropletDiameterM = 0.3e-3;  ///< fog; a straight stream's drops are millimetres
    double speedMS = 10.0;             ///< the drops' speed through the layer
    double elevationDeg = 45.0;        ///< aimed up into the layer
    double nozzleHeightM = 1.0;        ///< above the floor (a crouching firefighter)
    double waterTempC = 15.0;
};

/// The first field of a spray outside what the model accepts: its snake_case name (nullptr when
/// all are in range) and the message, e.g. "must be from 1e-05 to 0.01 (m: 0.01 to 10 mm), not 0.5".
struct SprayFault {
    const char* field = nullptr;
    std::string message;
};
SprayFault sprayFault(const WaterSpray& spray, double roomHeightM);

inline constexpr double kWaterLatentHeatKjKg = 2257.0;  ///< at 100 C, 1 atm
inline constexpr double kWaterCpKjKgK = 4.18;
inline constexpr double kSteamCpKjKgK = 2.0;

/// Heat one kg of water takes from the gas to become steam at gasTempC (kJ/kg).
double waterCoolingKjKg(double gasTempC, double waterTempC);

/// The fraction of a droplet's mass that evaporates in a flight of pathM through gas at
/// gasTempC (0 at or below 100 C).
double evaporatedFraction(double gasTempC, double dropletDiameterM, double speedMS, double pathM,
                          double waterTempC);

/// The quiescent d^2-law constant K0 (m^2/s) and a droplet's Ranz-Marshall factor Nu / 2 at a
/// diameter, for checks.
double quiescentEvaporationConstantM2S(double gasTempC, double waterTempC);
double ranzMarshallFactor(double gasTempC, double dropletDiameterM, double speedMS);

}  // namespace cd::fire
