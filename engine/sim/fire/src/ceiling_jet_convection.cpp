#include "fire/ceiling_jet_convection.h"

#include <algorithm>
#include <cmath>

namespace cd::fire {

namespace {

constexpr double kG = 9.8;
constexpr double kCpJ = 1000.0;
constexpr double kPr = 0.7;

// Cooper's dimensionless adiabatic-wall temperature of the jet; p02 = rdh^0.2 (one pow per
// point: this runs for every ceiling cell of every fire in every sub-step).
double adiabaticDim(double rdh, double p02) {
    if (rdh < 0.2) return 10.22 - 14.9 * rdh;
    double t0 = rdh / p02;  // rdh^0.8
    double t1 = 1.0 - 1.1 * t0, t2 = t0 * t0, t3 = t2 * t0;
    return 8.39 * (t1 + 0.808 * t2) / (t1 + 2.2 * t2 + 0.69 * t3);
}

// The Reynolds-number factors of Cooper's coefficients, computed once per jet.
struct JetFactors {
    double c1, c2, c3, c4;
};

JetFactors jetFactors(double re) {
    double prp = std::pow(kPr, 2.0 / 3.0);
    // 0.283032655 (CFAST) is the published 0.283 to the digits that make the two ceiling
    // branches meet exactly at r/H = 0.2.
    return {8.82 / (std::sqrt(re) * prp), 5.0 - 0.284 * std::pow(re, 0.2), 0.283032655 / (std::pow(re, 0.3) * prp),
            0.94 / (std::pow(re, 0.42) * kPr)};
}

// h_l / hScale at r/H = rdh (p02 = rdh^0.2), not clipped.
double ceilingHDim(const JetFactors& k, double rdh, double p02) {
    return rdh < 0.2 ? k.c1 * (1.0 - k.c2 * rdh) : k.c3 * (rdh - 0.0771) / ((rdh + 0.279) * rdh * p02);
}

// Integrals of h_l and h_l T_ad over the ceiling, in polar coordinates about the impingement
// point: both depend on r only, so the integral over a rectangle is, quadrant by quadrant, an
// integral over the angle of G(R) = int_0^R F(r) r dr out to the walls. G is tabulated on
// nodes geometric in r beyond r/H = 0.2, each 1.5 times the last (2-point Gauss-Legendre per
// segment in ln r, where F r^2 is smooth; inside r/H = 0.2 h_l r is quadratic and h_l T_ad r
// cubic, so 2 points are exact). A cell-midpoint grid, by contrast, misses the peak near the impingement point when the
// room is wide compared with H (8 x 8 cells overestimated the jet's mean excess temperature by
// up to 23 % under a 3 m ceiling 30 m wide with the fire off centre).
class CeilingIntegral {
public:
    CeilingIntegral(const JetFactors& k, double heightM, double gasK, double hScale, double tScale, double rMaxM)
        : k_(k), h_(heightM), tht_(gasK), hs_(hScale), ts_(tScale) {
        rIn_ = 0.2 * h_;
        double span = std::max(rMaxM / rIn_, 1.0);
        lnQ_ = std::max(std::log(1.5), std::log(span) / (kNodes - 2));
        gH_[0] = gHT_[0] = 0;
        inner(rIn_, gH_[0], gHT_[0]);
        n_ = 1;
        double r0 = rIn_;
        double f0h, f0t;
        point(r0, f0h, f0t);
        fH_[0] = f0h * r0 * r0, fHT_[0] = f0t * r0 * r0;
        while (r0 < rMaxM && n_ < kNodes) {
            double r1 = r0 * std::exp(lnQ_);
            double um = 0.5 * (std::log(r0) + std::log(r1)), du = 0.5 * lnQ_;
            double addH = 0, addHT = 0;
            for (double sgn : {-1.0, 1.0}) {
                double r = std::exp(um + sgn * du * kGauss2);
                double fh, ft;
                point(r, fh, ft);
                addH += du * fh * r * r;
                addHT += du * ft * r * r;
            }
            gH_[n_] = gH_[n_ - 1] + addH;
            gHT_[n_] = gHT_[n_ - 1] + addHT;
            point(r1, f0h, f0t);
            fH_[n_] = f0h * r1 * r1, fHT_[n_] = f0t * r1 * r1;
            r0 = r1;
            ++n_;
        }
    }

    // Adds the integrals over the rectangle [0, a] x [0, b] with the impingement point at its
    // corner: in each of its two triangles, with the wall at distance d, R = d cosh w where
    // tan(theta) = sinh w, so d theta = dw / cosh w and the integrand G(d cosh w) / cosh w is
    // smooth even for a long narrow quadrant (6-point Gauss-Legendre).
    void addQuadrant(double a, double b, double& sumH, double& sumHT) const {
        if (!(a > 0 && b > 0)) return;
        triangle(a, b, sumH, sumHT);
        triangle(b, a, sumH, sumHT);
    }

private:
    static constexpr int kNodes = 48;
    static constexpr double kGauss2 = 0.57735026918962576;

    void point(double r, double& fh, double& ft) const {
        double rdh = r / h_, p02 = std::pow(rdh, 0.2);
        fh = std::max(ceilingHDim(k_, rdh, p02), 0.0) * hs_;
        ft = fh * (tht_ + adiabaticDim(rdh, p02) * ts_);
    }
    // int_0^R F r dr for R <= 0.2 H (exact: a polynomial of degree 3 at most).
    void inner(double rr, double& gh, double& ght) const {
        for (double sgn : {-1.0, 1.0}) {
            double r = 0.5 * rr * (1.0 + sgn * kGauss2);
            double fh, ft;
            point(r, fh, ft);
            gh += 0.5 * rr * fh * r;
            ght += 0.5 * rr * ft * r;
        }
    }
    // G(R): exact inside 0.2 H; beyond, cubic Hermite in u = ln r between the table's nodes with
    // the exact slopes dG/du = F r^2 there (fourth order, and no pow per call).
    void g(double rr, double& gh, double& ght) const {
        gh = ght = 0;
        if (rr <= rIn_ || n_ < 2) return inner(std::min(rr, rIn_ * std::exp((n_ - 1) * lnQ_)), gh, ght);
        double u = std::log(rr / rIn_) / lnQ_;
        int i = std::min(static_cast<int>(u), n_ - 2);
        double t = u - i, t2 = t * t, t3 = t2 * t;
        double h00 = 2 * t3 - 3 * t2 + 1, h10 = (t3 - 2 * t2 + t) * lnQ_, h01 = -2 * t3 + 3 * t2,
               h11 = (t3 - t2) * lnQ_;
        gh = h00 * gH_[i] + h10 * fH_[i] + h01 * gH_[i + 1] + h11 * fH_[i + 1];
        ght = h00 * gHT_[i] + h10 * fHT_[i] + h01 * gHT_[i + 1] + h11 * fHT_[i + 1];
    }
    void triangle(double d, double other, double& sumH, double& sumHT) const {
        static constexpr double x[6] = {-0.93246951420315203, -0.66120938646626451, -0.23861918608319691,
                                        0.23861918608319691,  0.66120938646626451,  0.93246951420315203};
        static constexpr double w[6] = {0.17132449237917035, 0.36076157304813861, 0.46791393457269104,
                                        0.46791393457269104, 0.36076157304813861, 0.17132449237917035};
        double wMax = std::asinh(other / d), half = 0.5 * wMax;
        for (int q = 0; q < 6; ++q) {
            double c = std::cosh(half * (1.0 + x[q]));
            double gh, ght;
            g(d * c, gh, ght);
            sumH += half * w[q] * gh / c;
            sumHT += half * w[q] * ght / c;
        }
    }

    JetFactors k_;
    double h_, tht_, hs_, ts_;
    double rIn_ = 0, lnQ_ = 0;
    int n_ = 0;
    double gH_[kNodes], gHT_[kNodes], fH_[kNodes], fHT_[kNodes];
};

}  // namespace

CooperCeilingJet CooperCeilingJet::make(double convectiveW, double heightM, double gasK, double rhoKgM3) {
    CooperCeilingJet j;
    j.heightM = heightM;
    j.gasK = gasK;
    if (!(convectiveW > 0 && heightM > 0 && gasK > 0 && rhoKgM3 > 0)) return j;
    double sqrtgh = std::sqrt(kG * heightM);
    j.qStar = convectiveW / (rhoKgM3 * kCpJ * gasK * sqrtgh * heightM * heightM);
    double qhp = std::cbrt(j.qStar);
    j.hScaleWM2K = rhoKgM3 * kCpJ * sqrtgh * qhp;
    // Sutherland's law for air, mu = 1.458e-6 T^1.5 / (T + 110.4), over rho = p / (R T) at 1 atm.
    j.kinematicViscosityM2S = 0.04128e-7 * std::pow(gasK, 2.5) / (gasK + 110.4);
    j.reynolds = sqrtgh * heightM * qhp / j.kinematicViscosityM2S;
    j.tScaleK = gasK * qhp * qhp;
    return j;
}

double CooperCeilingJet::ceilingHWM2K(double rOverH) const {
    if (!(reynolds > 0)) return 0.0;
    double rdh = std::max(rOverH, 0.0);
    double h = ceilingHDim(jetFactors(reynolds), rdh, std::pow(rdh, 0.2)) * hScaleWM2K;
    return std::max(h, 0.0);
}

double CooperCeilingJet::adiabaticWallK(double rOverH) const {
    double rdh = std::max(rOverH, 0.0);
    return gasK + adiabaticDim(rdh, std::pow(rdh, 0.2)) * tScaleK;
}

double CooperCeilingJet::wallStagnationHWM2K(double rOverH) const {
    if (!(reynolds > 0)) return 0.0;
    return jetFactors(reynolds).c4 * hScaleWM2K / std::max(rOverH, 1e-3);
}

// The plume seen by the ceiling: strength, height of its source below the ceiling and the
// gas it rises through (Cooper's equivalent / continuation source, CFAST ceilht).
CooperJetSource cooperJetSource(const CeilingJetConvectionInput& in) {
    CooperJetSource s;
    double zc = in.ceilingZM, zf = in.fireZM, zlay = in.interfaceZM;
    double qconv = in.convectiveW;
    if (qconv <= 0) return s;
    double zs;
    if (zf < zlay) {
        if (in.plumeKgS <= 0) return s;
        double tl = in.lowerK;
        double qeq = std::pow(0.21 * qconv / (kCpJ * tl * in.plumeKgS), 1.5);
        double zeq = zlay - std::pow(qconv / (qeq * in.lowerRhoKgM3 * kCpJ * tl * std::sqrt(kG)), 0.4);
        s.equivalentZM = zeq;
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
            s.gasK = in.upperK;
            s.rhoKgM3 = in.upperRhoKgM3;
        } else {
            s.qcW = qconv;
            zs = zeq;
            s.gasK = tl;
            s.rhoKgM3 = in.lowerRhoKgM3;
        }
    } else {
        if (zf >= zc) return s;
        s.qcW = qconv;
        zs = zf;
        s.gasK = in.upperK;
        s.rhoKgM3 = in.upperRhoKgM3;
    }
    s.heightM = zc - zs;
    s.valid = s.heightM > 1e-3 && s.qcW > 0;
    return s;
}

CeilingJetConvection cooperCeilingJetConvection(const CeilingJetConvectionInput& in) {
    CeilingJetConvection out;
    out.ceilingGasK = out.upperWallGasK = in.upperK;
    CooperJetSource s = cooperJetSource(in);
    if (!s.valid) return out;
    const CooperCeilingJet jet = CooperCeilingJet::make(s.qcW, s.heightM, s.gasK, s.rhoKgM3);
    const JetFactors k = jetFactors(jet.reynolds);
    const double h = s.heightM, tht = s.gasK, htct = jet.hScaleWM2K, tScale = jet.tScaleK;
    const double xw = in.roomXM, yw = in.roomYM;
    // CFAST keeps the impingement point at least 0.2 H from the walls.
    double rfmin = 0.2 * (in.ceilingZM - in.fireZM);
    double xf = rfmin < 0.5 * xw ? std::clamp(in.fireXM, rfmin, xw - rfmin) : 0.5 * xw;
    double yf = rfmin < 0.5 * yw ? std::clamp(in.fireYM, rfmin, yw - rfmin) : 0.5 * yw;

    // Ceiling: the exact area integral of the point correlations (CeilingIntegral), as CFAST
    // integrates the flux over the rectangle (int2d) with a radial table.
    double rMax = std::hypot(std::max(xf, xw - xf), std::max(yf, yw - yf));
    CeilingIntegral ceiling(k, h, tht, htct, tScale, rMax);
    double sumH = 0, sumHT = 0;
    ceiling.addQuadrant(xw - xf, yw - yf, sumH, sumHT);
    ceiling.addQuadrant(xf, yw - yf, sumH, sumHT);
    ceiling.addQuadrant(xf, yf, sumH, sumHT);
    ceiling.addQuadrant(xw - xf, yf, sumH, sumHT);
    if (sumH > 0) {
        out.ceilingHWM2K = sumH / (xw * yw);
        out.ceilingGasK = sumHT / sumH;
    }

    // Upper walls: average of the vertical lines through the four stagnation points and the
    // four corners, each segment between them weighted by its length (CFAST sqfwst); the
    // lower walls get none (CFAST turns that part off).
    double zc = in.ceilingZM, depth = std::max(zc - in.interfaceZM, 0.0);
    if (depth <= 0) return out;
    auto line = [&](double r, double& hOut, double& tOut) {
        double rdh = std::max(r / h, 1e-3);
        double hl = k.c4 * htct / rdh;
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
