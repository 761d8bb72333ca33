#pragma once
/// Window glass in a fire: panes heated through their thickness by the gas and the radiation on
/// each side, and thermal breakage. The middle of a pane heats while its edge, shaded by the
/// frame, stays near its first temperature; the edge is pulled into tension and the pane cracks
/// when the mean temperature of the heated part has risen by dT = sigma_b / (E beta) over the
/// edge (Pagni & Joshi, "Glass breaking in fires", Fire Safety Science 3, 1991, geometry factor
/// g = 1; the heat transfer as Sincaglia & Barnett's, implemented in BRANZFIRE by Parry, Wade &
/// Spearpoint, J. Fire Prot. Eng. 13, 2003).
#include "fire/fire_model_def.h"

namespace cd::fire {

/// Soda-lime silicate glass, EN 572-1:2012 (general physical and mechanical properties).
inline constexpr double kGlassDensityKgM3 = 2500.0;
inline constexpr double kGlassSpecificHeatJKgK = 720.0;
inline constexpr double kGlassConductivityWMK = 1.0;
inline constexpr double kGlassEmissivity = 0.837;  ///< corrected emissivity of uncoated glass
inline constexpr double kGlassYoungsModulusPa = 70e9;
inline constexpr double kGlassExpansionPerK = 9e-6;
/// Characteristic bending strengths: annealed float glass (EN 572-1) and thermally toughened
/// soda-lime safety glass (EN 12150-1), MPa.
inline constexpr double kFloatGlassStrengthMPa = 45.0;
inline constexpr double kToughenedGlassStrengthMPa = 120.0;

/// The rise of a pane's mean temperature above its shaded edge at which it cracks, K:
/// sigma_b / (E beta). 45 MPa gives 71 K, 120 MPa 190 K.
double glassBreakingRiseK(double breakingStressMPa);

/// The breaking stress a glazing definition stands for: its own, or its kind's, MPa.
double glazingBreakingStressMPa(const GlazingDef& g);

/// One pane as a conducting slab (advanceWallSlab's nodes).
WallMaterial glassPane(double thicknessM, double emissivity = kGlassEmissivity);

/// What one side of a window offers the glass: gas at gasK exchanging heat by convection
/// (coefficient convWM2K), and the radiation arriving on the pane, W/m^2 (sigma T^4 from black
/// surroundings at T).
struct GlassSide {
    double gasK = 293.15;
    double convWM2K = 5.0;
    double incidentWM2 = 0;
    double coverK = 293.15;  ///< gas over the top of the pane: a room's upper layer when it reaches that low, the flames outside
};

/// Heat transfer coefficient across the sealed gap of double glazing, W/m^2/K (EN 673: the
/// gas conducts, Nusselt 1 for a narrow vertical gap, air 0.025 W/m/K; the panes exchange
/// radiation as grey parallel plates, linearised about their temperatures).
double glazingGapCoefficientWM2K(double gapM, double t1K, double t2K, double emissivity = kGlassEmissivity);

/// Advances the panes of one window by dtS. tempsK holds `panes` runs of kWallNodes node
/// temperatures, K; node 0 of each pane faces side a. A pane with paneIn[i] == 0 is gone: it is
/// skipped and its neighbour faces that side. Each face absorbs eps (incident - sigma T^4) and
/// exchanges convection, treated implicitly through the linearised radiation coefficient;
/// panes couple across the gap through the other pane's latest face temperature. scratch holds
/// 2 * kWallNodes doubles.
void advanceGlazing(double* tempsK, const unsigned char* paneIn, int panes, const WallMaterial& pane, double gapM,
                    const GlassSide& a, const GlassSide& b, double dtS, double* scratch);

}  // namespace cd::fire
