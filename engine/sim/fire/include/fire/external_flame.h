#pragma once
/// Flames out of a window of a fully developed compartment fire: EN 1991-1-2:2002 Annex B.4.1
/// (no forced draught, a wall above the opening, no balcony), the method of Law (1978) for the
/// thermal actions of external flames. The flame leaves through the upper part of the opening,
/// stands L_H out from the facade and rises L_L above the opening's top; its temperature falls
/// along its axis from T_w at the opening.
namespace cd::fire {

inline constexpr double kExternalFlameGasDensityKgM3 = 0.45;  ///< rho_g of Annex B.4.1 (3)

struct ExternalFlame {
    bool present = false;   ///< L_L > 0: the flame reaches above the opening
    double hrrKw = 0;       ///< Q: the compartment's rate of heat release through this opening
    double heightM = 0;     ///< L_L: flame tip above the opening's top
    double projectionM = 0; ///< L_H: horizontal distance of the flame axis from the facade
    double lengthM = 0;     ///< L_f: length along the axis from the opening to the tip
    double depthM = 0;      ///< d_f: flame thickness, 2/3 of the opening's height
    double widthM = 0;      ///< the opening's width
    double windowTempK = 0; ///< T_w: flame temperature at the opening
};

/// The flame of a compartment burning hrrKw through an opening widthM x heightM, ambientK outside.
/// B.4.1 (3): L_L = h (2.37 (Q / (A_v rho_g (h g)^0.5))^(2/3) - 1), not below 0; (6) L_H = h / 3
/// for h <= 1.25 w, else 0.3 h (h / w)^0.54 (a lone opening); (7) L_f = L_L + h / 2 for h <= 1.25 w,
/// else (L_L^2 + (L_H - h/3)^2)^0.5 + h / 2; (8) T_w = 520 / (1 - 0.4725 L_f w / Q) + T_0
/// (Q in MW), valid while L_f w / Q < 1; beyond, T_w is held at that edge's value, T_0 + 986 K.
ExternalFlame externalFlame(double hrrKw, double widthM, double heightM, double ambientK);

/// B.4.1 (10): flame temperature at distance axisM along the axis from the opening,
/// (T_w - T_0)(1 - 0.4725 L_x w / Q) + T_0; ambientK beyond the tip.
double externalFlameTempK(const ExternalFlame& f, double axisM, double ambientK);

/// B.4.1 (11): emissivity of the flame, 1 - exp(-0.3 d_f).
double externalFlameEmissivity(const ExternalFlame& f);

/// B.4.1 (12): convective heat transfer coefficient from the flame to a member of size
/// memberSizeM inside it, 4.67 (1 / d_eq)^0.4 (Q / A_v)^0.6, W/m^2/K (Q in MW).
double externalFlameConvectionWM2K(const ExternalFlame& f, double openingAreaM2, double memberSizeM);

}  // namespace cd::fire
