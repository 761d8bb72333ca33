#pragma once
// Point-wise numerics of the flood solver: limiter, desingularised velocity, the HLL flux with
// hydrostatic reconstruction, the reflecting wall flux and implicit Manning friction.
#include <algorithm>
#include <cmath>

namespace cd::flood::detail {

/// Minmod limiter (Toro 2001, eq. 13.39): the smaller one-sided difference, zero at extrema.
inline double minmod(double a, double b) {
    if (a * b <= 0.0) return 0.0;
    return std::fabs(a) < std::fabs(b) ? a : b;
}

/// Van Leer limiter (van Leer 1974; Toro 2001 eq. 13.40): harmonic mean of the one-sided
/// differences, zero at extrema. Less diffusive than minmod, still keeps face values between
/// the neighbours' values (so reconstructed depths stay >= 0).
inline double vanLeer(double a, double b) {
    const double p = a * b;
    return p > 0.0 ? 2.0 * p / (a + b) : 0.0;
}

/// Velocity from depth and discharge; below eps desingularised as in Kurganov & Petrova (2007)
/// eq. (2.17): u = sqrt(2) h (hu) / sqrt(h^4 + max(h^4, eps^4)), so thin films cannot race.
inline void velocityOf(double h, double qx, double qy, double eps, double& u, double& v) {
    if (h >= eps) {
        const double inv = 1.0 / h;
        u = qx * inv;
        v = qy * inv;
    } else if (h > 0.0) {
        const double h2 = h * h, e2 = eps * eps;
        const double f = 1.4142135623730951 * h / std::sqrt(h2 * h2 + e2 * e2);
        u = f * qx;
        v = f * qy;
    } else {
        u = 0.0;
        v = 0.0;
    }
}

/// Fluxes through one face in the face-normal frame: mass, normal momentum seen by the cell
/// behind (mL) and ahead (mR) of the face (they differ by the hydrostatic correction), and
/// tangential momentum.
struct FaceFlux {
    double h, mL, mR, t;
};

/// Audusse et al. (2004) hydrostatic reconstruction (eqs. 2.8-2.9 and 2.12) around the HLL flux
/// (Toro 2001, eqs. 10.21-10.22, dry-bed wave speeds eq. 10.24). Inputs are the reconstructed
/// face values (depth, surface level, normal and tangential velocity) of both sides.
/// Returns max |wave speed|.
inline double hllFlux(double g, double hL, double etaL, double unL, double utL, double hR, double etaR, double unR,
                      double utR, FaceFlux& f) {
    const double zL = etaL - hL, zR = etaR - hR;
    const double zs = std::max(zL, zR);
    const double hLs = std::max(0.0, etaL - zs);
    const double hRs = std::max(0.0, etaR - zs);
    const double corrL = 0.5 * g * (hL * hL - hLs * hLs);
    const double corrR = 0.5 * g * (hR * hR - hRs * hRs);
    if (hLs <= 0.0 && hRs <= 0.0) {
        f.h = 0.0;
        f.t = 0.0;
        f.mL = corrL;
        f.mR = corrR;
        return 0.0;
    }
    const double cL = std::sqrt(g * hLs), cR = std::sqrt(g * hRs);
    double sL, sR;
    if (hLs <= 0.0) {
        sL = unR - 2.0 * cR;
        sR = unR + cR;
    } else if (hRs <= 0.0) {
        sL = unL - cL;
        sR = unL + 2.0 * cL;
    } else {
        sL = std::min(unL - cL, unR - cR);
        sR = std::max(unL + cL, unR + cR);
    }
    const double qL = hLs * unL, qR = hRs * unR;
    double fh, fm, ft;
    if (sL >= 0.0) {
        fh = qL;
        fm = qL * unL + 0.5 * g * hLs * hLs;
        ft = qL * utL;
    } else if (sR <= 0.0) {
        fh = qR;
        fm = qR * unR + 0.5 * g * hRs * hRs;
        ft = qR * utR;
    } else {
        const double inv = 1.0 / (sR - sL);
        const double fmL = qL * unL + 0.5 * g * hLs * hLs, fmR = qR * unR + 0.5 * g * hRs * hRs;
        fh = (sR * qL - sL * qR + sL * sR * (hRs - hLs)) * inv;
        fm = (sR * fmL - sL * fmR + sL * sR * (qR - qL)) * inv;
        ft = (sR * qL * utL - sL * qR * utR + sL * sR * (hRs * utR - hLs * utL)) * inv;
    }
    f.h = fh;
    f.t = ft;
    f.mL = fm + corrL;
    f.mR = fm + corrR;
    return std::max(std::fabs(sL), std::fabs(sR));
}

/// Normal momentum flux on a reflecting wall: the HLL flux between the face state and its
/// mirror image (mass and tangential fluxes vanish). towardWall = normal velocity into the wall.
inline double wallMomentumFlux(double g, double h, double towardWall, double& speed) {
    if (h <= 0.0) {
        speed = 0.0;
        return 0.0;
    }
    const double c = std::sqrt(g * h);
    speed = std::fabs(towardWall) + c;
    return 0.5 * g * h * h + h * towardWall * towardWall + speed * h * towardWall;
}

/// Manning friction by backward Euler on |q| (split step, cf. Liang & Marche 2009 sec. 3.3):
/// |q'| (1 + dt g n^2 |q'| / h^(7/3)) = |q|, solved exactly. Returns the factor q'/q in (0, 1].
inline double frictionFactor(double dt, double gn2, double h, double qx, double qy) {
    const double m = std::sqrt(qx * qx + qy * qy);
    if (m == 0.0 || gn2 == 0.0) return 1.0;
    const double h73 = h * h * std::cbrt(h);
    const double k = dt * gn2 / h73;
    return 2.0 / (1.0 + std::sqrt(1.0 + 4.0 * k * m));
}

}  // namespace cd::flood::detail
