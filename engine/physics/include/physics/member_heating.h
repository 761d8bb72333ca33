#pragma once
/// How a structural member heats up in a fire, and what strength that leaves it: members lag
/// the gas by minutes (bare steel) to hours (concrete cover), so a structure is weakened by the
/// fire's history, not by the gas temperature of the moment. The Eurocodes' methods:
/// EN 1991-1-2 for the heat reaching the surface, EN 1993-1-2 4.2.5.1 for unprotected steel,
/// EN 1992-1-2 3.3 properties and Annex B.1 (the 500 C isotherm) for concrete.
#include <vector>

#include "physics/fire_reduction.h"

namespace cd::physics {

/// EN 1991-1-2 3.1: the net heat flux (W/m2) from gas at gasC into a surface at surfaceC,
/// convection alpha_c (25 W/m2/K for the standard fire) and radiation with the member's
/// emissivity (0.7 for concrete and carbon steel, EN 1992-1-2 2.2 / EN 1993-1-2 2.2) and the
/// fire's 1.0.
double netHeatFluxWM2(double gasC, double surfaceC, double emissivity = 0.7, double alphaC = 25.0);

/// A face's exposure as a coefficient towards the gas, h (W/m2/K): in gas above ambient,
/// EN 1991-1-2 3.1 (convection 25 and radiation with the surface's emissivity), linearised about
/// the surface, h (gasC - surfaceC) = netHeatFluxWM2(gasC, surfaceC, emissivity); in 20 C air,
/// 9 W/m2/K towards 20 C, the standard's unexposed side (3.1(5)). exposureTowardsC gives the
/// temperature h acts towards.
double faceCoefficientWM2K(double gasC, double surfaceC, double emissivity = 0.7);
double exposureTowardsC(double gasC);

/// ISO 834 / EN 1991-1-2 3.2.1 standard fire: 20 + 345 log10(8 t + 1), t in minutes.
double standardFireC(double timeS);

/// EN 1993-1-2 3.4.1.2: specific heat of carbon steel (J/kg/K), with its peak of 5 000 at 735 C.
double steelSpecificHeat(double tempC);

/// EN 1993-1-2 4.2.5.1: an unprotected steel member as one temperature, rising by
/// k_sh (A_m/V) / (c_a rho_a) h_net per second; the standard's 5 s step limit is kept.
class SteelHeating {
public:
    static constexpr double kDensity = 7850.0;
    /// sectionFactorPerM: A_m/V, the heated perimeter over the section's area (m^-1);
    /// emissivity: the surface's (EN 1993-1-2 2.2: 0.7 for carbon steel).
    explicit SteelHeating(double sectionFactorPerM, double initialC = 20.0, double emissivity = 0.7)
        : factor_(sectionFactorPerM), tempC_(initialC), emissivity_(emissivity) {}
    void advance(double gasC, double dtS);
    double temperatureC() const { return tempC_; }

private:
    double factor_;
    double tempC_;
    double emissivity_;
};

/// EN 1992-1-2 3.3.2-3.3.3: normal-weight concrete, siliceous aggregate, 1.5 % moisture (the
/// standard's value for its Annex A profiles), conductivity at its lower limit.
double concreteConductivity(double tempC);
double concreteSpecificHeat(double tempC);
double concreteDensity(double tempC);

/// What a member conducts heat through, by temperature (properties held at 1 200 C beyond it).
/// - Concrete (and masonry): EN 1992-1-2 3.3 as above, emissivity 0.7 (EN 1992-1-2 2.2).
/// - Softwood: EN 1995-1-2 Annex B, the properties for a thermal analysis of timber in fire:
///   conductivity (Table B.1: 0.12 W/m/K at 20 C, 0.15 at 200, 0.07 at 350, 0.09 at 500, 0.35 at
///   800, 1.5 at 1 200), specific heat (Table B.2, with the moisture's evaporation as 13 600 J/kg/K
///   from 99 to 120 C) and density as a ratio of the dry density (Table B.3, 12 % moisture: 1.12
///   to 99 C, 1.0 dry, 0.76 at 300 C, the char's 0.26 at 800 C, gone at 1 200 C); emissivity 0.8
///   (EN 1991-1-2 3.1(6)). The char's conductivity above 350 C is an effective value: the standard
///   fits it so that under the standard fire the 300 C isotherm, the char line (EN 1995-1-2
///   3.4.1), moves at the one-dimensional charring rate beta_0 of 0.65 mm/min (3.4.2).
struct Solid {
    enum class Kind { Concrete, Softwood };
    Kind kind = Kind::Concrete;
    double dryDensityKgM3 = 0.0;  ///< softwood's, to which Annex B's ratios apply
    static Solid concrete() { return {}; }
    /// densityKgM3: at 12 % moisture, as timber is weighed in service.
    static Solid softwood(double densityKgM3) { return {Kind::Softwood, densityKgM3 / 1.12}; }
    double conductivity(double tempC) const;
    double heatCapacity(double tempC) const;  ///< J/m3/K: density x specific heat
    double emissivity() const { return kind == Kind::Softwood ? 0.8 : 0.7; }
};

/// The char line (EN 1995-1-2 3.4.1(1)): timber hotter than this is char.
constexpr double kCharLineC = 300.0;

/// Heat conducted through a member's thickness (1-D, implicit, 5 mm cells), each face in its own
/// gas: a face in gas above ambient takes EN 1991-1-2 3.1's fire exposure (convection
/// 25 W/m2/K and radiation); a face in 20 C air loses 9 W/m2/K, the standard's unexposed side
/// (3.1(5)). Steps of 5 s in concrete, 1 s in timber (the moisture's heat is taken up within
/// 21 C: a longer step lets a node pass it).
class ThicknessHeating {
public:
    explicit ThicknessHeating(double thicknessM, Solid solid = Solid::concrete(), double initialC = 20.0);
    void advance(double frontGasC, double backGasC, double dtS);
    /// Temperature at this depth from the front face (linear between nodes).
    double temperatureAtC(double depthM) const;
    /// How much of the thickness is at tempC or hotter (both faces' bands together).
    double hotterThanM(double tempC) const;
    double thicknessM() const { return thicknessM_; }

private:
    double thicknessM_;
    Solid solid_;
    double dx_;
    std::vector<double> t_;  ///< node temperatures (C) from the front face
};

}  // namespace cd::physics
