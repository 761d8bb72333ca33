#pragma once
/// Heat conducted into a rectangular section heated on all four faces by one gas (a column in a
/// fire), in two dimensions: its corners heat from two sides, so they run ahead of the middle of
/// its faces, which a conduction through the thickness alone (ThicknessHeating) misses. A quarter
/// of the section on a grid of 5 mm, the faces taking EN 1991-1-2 3.1's exposure (convection
/// 25 W/m2/K and radiation with the solid's emissivity) or in 20 C air losing 9 W/m2/K, the two
/// centre lines closed by symmetry; explicit steps of at most 2 s, each half the least stable
/// node's limit at the temperatures of the moment (a thin section's small cells, timber's light
/// char ask for shorter ones).
#include <optional>
#include <vector>

#include "physics/member_heating.h"

namespace cd::physics {

class SectionHeating {
public:
    /// Constant properties and a plain convective exposure (no radiation), for checking the
    /// conduction against closed-form solutions.
    struct Constant {
        double conductivityWMK;
        double heatCapacityJM3K;  ///< density x specific heat
        double faceWM2K;
    };

    /// widthM x depthM of a solid (member_heating.h: EN 1992-1-2's concrete, EN 1995-1-2's softwood).
    explicit SectionHeating(double widthM, double depthM, Solid solid = Solid::concrete(), double initialC = 20.0);
    /// The same of constant properties.
    SectionHeating(double widthM, double depthM, double initialC, Constant constant);
    void advance(double gasC, double dtS);
    /// Temperature at a point x from one face of the width and y from one face of the depth
    /// (the nearest node; symmetric about the centre lines).
    double temperatureAtC(double xM, double yM) const;
    /// The share of the section's area cooler than tempC.
    double areaCoolerThan(double tempC) const;
    /// How far in from the middle of a face the section is tempC or hotter: across the width
    /// (x, along the depth's centre line) or across the depth (y, along the width's).
    double hotDepthAcrossWidthM(double tempC) const;
    double hotDepthAcrossDepthM(double tempC) const;

private:
    SectionHeating(double widthM, double depthM, double initialC, Solid solid, std::optional<Constant> constant);
    int nx_, ny_;  // intervals from a face to the centre line
    double dx_, dy_;
    Solid solid_;
    std::optional<Constant> constant_;
    // (nx_ + 1) x (ny_ + 1) nodes, x fastest: temperatures; per step, each node's heat capacity,
    // its conductances to the next node along x and along y, and to the gas over its faces.
    std::vector<double> t_, next_, c_, gx_, gy_, gf_;
};

}  // namespace cd::physics
