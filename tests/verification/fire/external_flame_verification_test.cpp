// Flames out of windows (external_flame.h) against EN 1991-1-2:2002 Annex B.4.1: a worked case
// of the standard's method, and the properties its equations are built on.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "fire/external_flame.h"

using namespace cd::fire;

// A worked case of Annex B (office, no forced draught, wall above: q_fd 870 MJ/m2 over
// A_f = 14.88 m2, a 1.82 x 1.1 m window, A_t = 70.3 m2, D/W = 3, tau_F 1200 s), as documented
// with fsetools' EN 1991-1-2 Annex B implementation (fsepy/fsetools, from a consultancy's
// calculation): L_L = 1.33691 m, L_H = 0.36667 m, L_f about 1.9 m. Q here is Annex B.4.1 (1)'s,
// min(A_f q_fd / tau_F, 3.15 (1 - exp(-0.036 / O)) A_v (h_eq / (D/W))^0.5) = 2.675 MW.
TEST(ExternalFlame, AnnexBsWorkedCaseGivesItsFlameHeightProjectionAndLength) {
    const double w = 1.82, h = 1.1, av = w * h, at = 70.3;
    const double o = std::sqrt(h) * av / at;
    const double qMw = std::min(14.88 * 870.0 / 1200.0, 3.15 * (1.0 - std::exp(-0.036 / o)) * av * std::sqrt(h / 3.0));
    EXPECT_NEAR(qMw, 2.675, 0.001);
    const ExternalFlame f = externalFlame(qMw * 1e3, w, h, 293.15);
    std::printf("Q %.4f MW: L_L %.5f m, L_H %.5f m, L_f %.4f m, T_w %.0f K\n", qMw, f.heightM, f.projectionM, f.lengthM, f.windowTempK);
    ASSERT_TRUE(f.present);
    EXPECT_NEAR(f.heightM, 1.33691, 2e-4);
    EXPECT_NEAR(f.projectionM, 0.36667, 1e-5);
    EXPECT_NEAR(f.lengthM, 1.9, 0.02);
    EXPECT_NEAR(f.depthM, 2.0 * h / 3.0, 1e-12);
    // L_f w / Q = 1.28: outside B.4.1 (8)'s range, so T_w is held at its edge, T_0 + 520 / (1 - 0.4725).
    EXPECT_NEAR(f.windowTempK, 293.15 + 520.0 / 0.5275, 1e-9);
}

// Inside the range, the temperature falls linearly along the axis from T_w to T_0 + 520 K at the
// tip: B.4.1 (8) is (10) solved for T_w with T_z(L_f) = T_0 + 520 K (Law's flame-tip temperature).
// Emissivity 1 - exp(-0.3 d_f) and the convection coefficient by hand.
TEST(ExternalFlame, TheTemperatureFallsToFiveHundredTwentyKelvinOverAmbientAtTheTip) {
    const double t0 = 293.15;
    const ExternalFlame f = externalFlame(10000.0, 1.5, 1.5, t0);  // 10 MW out of a 1.5 x 1.5 m window
    ASSERT_TRUE(f.present);
    EXPECT_LT(f.lengthM * 1.5 / 10.0, 0.95);
    EXPECT_NEAR(f.heightM, 1.5 * (2.37 * std::pow(10.0 / (2.25 * 0.45 * std::sqrt(1.5 * 9.81)), 2.0 / 3.0) - 1.0), 1e-12);
    EXPECT_NEAR(externalFlameTempK(f, f.lengthM, t0) - t0, 520.0, 1e-9);
    EXPECT_NEAR(externalFlameTempK(f, 0.0, t0), f.windowTempK, 1e-12);
    const double mid = externalFlameTempK(f, 0.5 * f.lengthM, t0);
    EXPECT_NEAR(mid - t0, 0.5 * (f.windowTempK - t0 + 520.0), 1e-9);
    EXPECT_DOUBLE_EQ(externalFlameTempK(f, f.lengthM + 0.01, t0), t0);
    std::printf("10 MW, 1.5 x 1.5 m: L_L %.2f m, T_w %.0f C, mid-axis %.0f C\n", f.heightM, f.windowTempK - 273.15, mid - 273.15);
    EXPECT_NEAR(externalFlameEmissivity(f), 1.0 - std::exp(-0.3), 1e-12);
    EXPECT_NEAR(externalFlameConvectionWM2K(f, 2.25, 1.2), 4.67 * std::pow(1.0 / 1.2, 0.4) * std::pow(10.0 / 2.25, 0.6), 1e-12);
    // A tall, narrow opening (h > 1.25 w): B.4.1 (6) and (7) for a lone opening.
    const ExternalFlame tall = externalFlame(4000.0, 0.9, 2.1, t0);
    EXPECT_NEAR(tall.projectionM, 0.3 * 2.1 * std::pow(2.1 / 0.9, 0.54), 1e-12);
    EXPECT_NEAR(tall.lengthM, std::hypot(tall.heightM, tall.projectionM - 0.7) + 1.05, 1e-12);
    // Too little fire for a flame above the opening.
    EXPECT_FALSE(externalFlame(500.0, 1.8, 1.5, t0).present);
}
