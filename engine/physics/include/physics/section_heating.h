#pragma once
/// Heat conducted into a rectangular section heated on all four faces by one gas (a column in a
/// fire), in two dimensions: its corners heat from two sides, so they run ahead of the middle of
/// its faces, which a conduction through the thickness alone (ConcreteHeating) misses. A quarter
/// of the section on a grid of 5 mm, the faces taking EN 1991-1-2 3.1's exposure (convection
/// 25 W/m2/K and radiation, emissivity 0.7) or in 20 C air losing 9 W/m2/K, the two centre lines
/// closed by symmetry; explicit steps of at most 2 s, shorter where a thin section's small cells
/// ask it (half the corner node's stability limit at 1 200 C).
#include <optional>
#include <vector>

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

    /// widthM x depthM of EN 1992-1-2 3.3's concrete (member_heating.h), or of constant properties.
    SectionHeating(double widthM, double depthM, double initialC = 20.0, std::optional<Constant> constant = std::nullopt);
    void advance(double gasC, double dtS);
    /// Temperature at a point x from one face of the width and y from one face of the depth
    /// (the nearest node; symmetric about the centre lines).
    double temperatureAtC(double xM, double yM) const;
    /// The share of the section's area cooler than tempC.
    double areaCoolerThan(double tempC) const;

private:
    double flux(double gasC, double surfaceC) const;
    int nx_, ny_;  // intervals from a face to the centre line
    double dx_, dy_;
    double stepS_;  // the longest stable explicit step (SectionHeating's constructor)
    std::optional<Constant> constant_;
    std::vector<double> t_, next_, k_, c_;  // (nx_ + 1) x (ny_ + 1) nodes, x fastest; conductivity, heat capacity
};

}  // namespace cd::physics
