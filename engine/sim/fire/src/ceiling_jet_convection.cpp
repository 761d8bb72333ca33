#include "fire/ceiling_jet_convection.h"

#include <algorithm>
#include <cmath>

namespace cd::fire {

namespace {

constexpr double kG = 9.8;
constexpr double kCpJ = 1000.0;
constexpr double kPr = 0.7;

// The plume seen by the ceiling: strength, height of its source below the ceiling and the
// gas it rises through (Cooper's equivalent / continuation source, CFAST ceilht).
struct JetSource {
    bool valid = false;
    double heightM = 0, tempK = 0, rho = 0;
    double qcW = 0;
};

JetSource jetSource(const CeilingJetConvectionInput& in) {
    JetSource s;
    double zc = in.ceilingZM, zf = in.fireZM, zlay = in.interfaceZM;
    double qconv = in.convectiveW;
    if (qconv <= 0) return s;
    double zs;
    if (zf < zlay) {
        if (in.plumeKgS <= 0) return s;
        double tl = in.lowerK;
        double qeq = std::pow(0.21 * qconv / (kCpJ * tl * in.plumeKgS), 1.5);
        double zeq = zlay - std::pow(qconv / (qeq * in.lowerRhoKgM3 * kCpJ * tl * std::sqrt(kG)), 0.4);
        if (zlay < zc) {
            double alpha = in.upperK / tl;
            double a1 = 1, mfrac = 1;
            if (std::fabs(alpha - 1.0) > 1e-9) {
                double sigma = -1.0 + 9.115 * std::pow(qeq, 2.0 / 3.0) / (alpha - 1.0);
                if (sigma <= 0) return s;  // the plume cannot penetrate the layer
                a1 = sigma / (sigma + 1.0);
                double ssq = sigma * sigma;
                mfrac = (1.04599 * sigma + 0.360391 * ssq) / (1.0 + 1.37748 * sigma + 0.360391 * ssq);
            }
            s.qcW = qconv * a1 * mfrac;
            zs = zlay - (zlay - zeq) * std::pow(alpha, 0.6) * std::pow(mfrac, 0.4) / std::pow(a1, 0.2);
            s.tempK = in.upperK;
            s.rho = in.upperRhoKgM3;
        } else {
            s.qcW = qconv;
            zs = zeq;
            s.tempK = tl;
            s.rho = in.lowerRhoKgM3;
        }
    } else {
        if (zf >= zc) return s;
        s.qcW = qconv;
        zs = zf;
        s.tempK = in.upperK;
        s.rho = in.upperRhoKgM3;
    }
    s.heightM = zc - zs;
    s.valid = s.heightM > 1e-3 && s.qcW > 0;
    return s;
}

// Cooper's dimensionless adiabatic-wall temperature of the jet; p02 = rdh^0.2 (one pow per
// point: this runs for every ceiling cell of every fire in every sub-step).
double adiabaticDim(double rdh, double p02) {
    if (rdh < 0.2) return 10.22 - 14.9 * rdh;
    double t0 = rdh / p02;  // rdh^0.8
    double t1 = 1.0 - 1.1 * t0, t2 = t0 * t0, t3 = t2 * t0;
    return 8.39 * (t1 + 0.808 * t2) / (t1 + 2.2 * t2 + 0.69 * t3);
}

}  // namespace

CeilingJetConvection cooperCeilingJetConvection(const CeilingJetConvectionInput& in) {
    CeilingJetConvection out;
    out.ceilingGasK = out.upperWallGasK = in.upperK;
    JetSource s = jetSource(in);
    if (!s.valid) return out;
    const double h = s.heightM, tht = s.tempK;
    const double xw = in.roomXM, yw = in.roomYM;
    // CFAST keeps the impingement point at least 0.2 H from the walls.
    double rfmin = 0.2 * (in.ceilingZM - in.fireZM);
    double xf = rfmin < 0.5 * xw ? std::clamp(in.fireXM, rfmin, xw - rfmin) : 0.5 * xw;
    double yf = rfmin < 0.5 * yw ? std::clamp(in.fireYM, rfmin, yw - rfmin) : 0.5 * yw;
    double sqrtgh = std::sqrt(kG * h);
    double qh = s.qcW / (s.rho * kCpJ * tht * sqrtgh * h * h);
    double qhp = std::cbrt(qh);
    double htct = s.rho * kCpJ * sqrtgh * qhp;
    double nu = 0.04128e-7 * std::pow(tht, 2.5) / (tht + 110.4);  // Sutherland, as CFAST
    double re = sqrtgh * h * qhp / nu;
    double prp = std::pow(kPr, 2.0 / 3.0);
    double c1 = 8.82 / (std::sqrt(re) * prp);
    double c2 = 5.0 - 0.284 * std::pow(re, 0.2);
    double c3 = 0.283032655 / (std::pow(re, 0.3) * prp);
    double c4 = 0.94 / (std::pow(re, 0.42) * kPr);
    double tScale = tht * qhp * qhp;

    // Ceiling: midpoint rule on a grid (h and T_ad are smooth; the stagnation value is finite;
    // 8 x 8 and 64 x 64 give the same MQH verification ratios to 0.001).
    constexpr int kGrid = 8;
    double dx = xw / kGrid, dy = yw / kGrid;
    double sumH = 0, sumHT = 0;
    for (int i = 0; i < kGrid; ++i) {
        for (int j = 0; j < kGrid; ++j) {
            double ex = (i + 0.5) * dx - xf, ey = (j + 0.5) * dy - yf;
            double rdh = std::sqrt(ex * ex + ey * ey) / h;
            double p02 = std::pow(rdh, 0.2);
            double hl = rdh < 0.2 ? c1 * (1.0 - c2 * rdh) : c3 * (rdh - 0.0771) / ((rdh + 0.279) * rdh * p02);
            hl = std::max(hl, 0.0) * htct;
            sumH += hl;
            sumHT += hl * (tht + adiabaticDim(rdh, p02) * tScale);
        }
    }
    if (sumH > 0) {
        out.ceilingHWM2K = sumH / (kGrid * kGrid);
        out.ceilingGasK = sumHT / sumH;
    }

    // Upper walls: average of the vertical lines through the four stagnation points and the
    // four corners, each segment between them weighted by its length (CFAST sqfwst); the
    // lower walls get none (CFAST turns that part off).
    double zc = in.ceilingZM, depth = std::max(zc - in.interfaceZM, 0.0);
    if (depth <= 0) return out;
    auto line = [&](double r, double& hOut, double& tOut) {
        double rdh = std::max(r / h, 1e-3);
        double hl = c4 * htct / rdh;
        double h8 = 0.8 * h, h16 = 2.0 * h8;
        double frac;
        if (zc <= h8) frac = 1.0 - depth / h16;
        else if (depth > h8) frac = (zc - h8) / (2.0 * depth);
        else frac = 1.0 - depth / h16;
        hOut = hl * std::max(frac, 0.0);
        tOut = tht + adiabaticDim(rdh, std::pow(rdh, 0.2)) * tScale;
    };
    double stag[4] = {yf, xw - xf, yw - yf, xf};
    double corner[4] = {std::hypot(xf, yf), std::hypot(xw - xf, yf), std::hypot(xw - xf, yw - yf),
                        std::hypot(xf, yw - yf)};
    // Segment n runs from corner c(n) to stagnation point s(n), lengths as CFAST's awu.
    const int segStag[8] = {0, 0, 1, 1, 2, 2, 3, 3};
    const int segCorner[8] = {0, 1, 1, 2, 2, 3, 3, 0};
    const double segLen[8] = {xf, xw - xf, yf, yw - yf, xw - xf, xf, yw - yf, yf};
    double wH = 0, wHT = 0, wLen = 0;
    for (int n = 0; n < 8; ++n) {
        double hs, ts, hc, tcn;
        line(stag[segStag[n]], hs, ts);
        line(corner[segCorner[n]], hc, tcn);
        double hm = 0.5 * (hs + hc);
        wH += segLen[n] * hm;
        wHT += segLen[n] * 0.5 * (hs * ts + hc * tcn);
        wLen += segLen[n];
    }
    if (wH > 0 && wLen > 0) {
        out.upperWallHWM2K = wH / wLen;
        out.upperWallGasK = wHT / wH;
    }
    return out;
}

}  // namespace cd::fire
