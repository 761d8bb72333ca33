// Heskestad flame height and plume mass flow against the worked example of Karlsson &
// Quintiere, Enclosure Fire Dynamics (2000), ch. 4: Q = 1690 kW, D = 1.6 m gives a mean flame
// height L ~ 2.96 m and a plume mass flow at 6 m of ~17.2 kg/s (Qc = 0.7 Q).
// Tolerances: 0.02 m on L, 0.1 kg/s on the mass flow (rounding of the published figures).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <limits>

#include "fire/ceiling_jet.h"
#include "fire/layered_ceiling_jet.h"
#include "fire/plume.h"
#include "fire_fixture.h"

using namespace cd::fire;
using namespace cd::fire::test;

TEST(HeskestadPlume, FlameHeightMatchesKarlssonQuintiereExample) {
    EXPECT_NEAR(heskestadFlameHeightM(1690.0, 1.6), 2.96, 0.02);
}

TEST(HeskestadPlume, MassFlowAtSixMetresMatchesKarlssonQuintiereExample) {
    EXPECT_NEAR(heskestadPlumeMassFlowKgS(1690.0, 0.7 * 1690.0, 1.6, 6.0), 17.2, 0.1);
}

TEST(HeskestadPlume, EntrainmentIsContinuousAtTheFlameTip) {
    double q = 1000.0, d = 1.0;
    double l = heskestadFlameHeightM(q, d);
    double below = heskestadPlumeMassFlowKgS(q, 0.7 * q, d, l - 1e-9);
    double above = heskestadPlumeMassFlowKgS(q, 0.7 * q, d, l + 1e-9);
    EXPECT_NEAR(below, above, 0.05 * above);  // the published branches meet within ~4 %
}

TEST(HeskestadPlume, VirtualOriginFollowsTheCorrelation) {
    // z0 = 0.083 Q^(2/5) - 1.02 D, SFPE Handbook eq 13.2; hand value for Q = 1690, D = 1.6.
    EXPECT_NEAR(heskestadVirtualOriginM(1690.0, 1.6), -0.0094, 0.002);
}

TEST(HeskestadPlume, VirtualOriginIsHeldAtTheEdgeOfItsFittedRangeForWideWeakFires) {
    // Q^(2/5)/D below 7 kW^(2/5)/m (here 100 kW over 4 m^2: 2.8) lies outside the data the
    // correlation was fitted to; the origin stays at its value at the edge, -0.439 D, instead
    // of sinking towards -1.02 D.
    double d = equivalentDiameterM(4.0);
    EXPECT_NEAR(heskestadVirtualOriginM(100.0, d), (0.083 * 7.0 - 1.02) * d, 1e-12);
    // At the edge both agree.
    double qEdge = std::pow(7.0 * d, 2.5);
    EXPECT_NEAR(heskestadVirtualOriginM(qEdge, d), 0.083 * std::pow(qEdge, 0.4) - 1.02 * d, 1e-9);
}

// Heskestad's centreline temperature (SFPE Handbook 5th ed. ch. 13): at the mean flame height
// the centreline is about 500 K above ambient (the flame-height definition Heskestad gives);
// the correlation puts it at 25 x 0.7^(2/3) x 0.152^(-5/3) = 457 K for any fire within the
// virtual origin's fitted range. Tolerance 10 % of 500 K (the published "about").
TEST(HeskestadPlume, TheCentrelineIsAboutFiveHundredKelvinAboveAmbientAtTheFlameTip) {
    for (double q : {200.0, 1690.0, 5000.0}) {
        for (double d : {0.3, 0.6, 1.0}) {
            if (std::pow(q, 0.4) / d < kHeskestadMinQ25OverD) continue;
            const double l = heskestadFlameHeightM(q, d);
            EXPECT_NEAR(heskestadCentrelineExcessK(q, 0.7 * q, d, l, 293.15), 500.0, 50.0) << q << " kW, D " << d;
        }
    }
}

// Above the flame: 9.1 (T_a / (g c_p^2 rho_a^2))^(1/3) Qc^(2/3) (z - z0)^(-5/3), by hand for
// the Karlsson & Quintiere fire at 6 m: 25.0 x 1183^(2/3) x 6.0094^(-5/3) = 140.5 K. In the
// continuous flame McCaffrey's 2.91 T_a (853 K at 20 C). Off the axis a Gaussian of radius
// b = 0.12 (T0 / T_a)^(1/2) (z - z0): 1/e of the centreline at r = b.
TEST(HeskestadPlume, CentrelineTemperatureAboveTheFlameAndMcCaffreysFlameBelowIt) {
    const double ta = 293.15, q = 1690.0, qc = 0.7 * q, d = 1.6;
    const double rho = 352.9 / ta;
    const double c = 9.1 * std::cbrt(ta / (9.81 * rho * rho));
    EXPECT_NEAR(c, 25.0, 0.05);
    const double dz = 6.0 - heskestadVirtualOriginM(q, d);
    const double t0 = heskestadCentrelineExcessK(q, qc, d, 6.0, ta);
    EXPECT_NEAR(t0, c * std::pow(qc, 2.0 / 3.0) * std::pow(dz, -5.0 / 3.0), 1e-9);
    EXPECT_NEAR(t0, 140.5, 0.5);
    EXPECT_NEAR(heskestadCentrelineExcessK(q, qc, d, 0.2, ta), 2.91 * ta, 1e-9);
    const double b = 0.12 * std::sqrt((ta + t0) / ta) * dz;
    EXPECT_NEAR(heskestadPlumeExcessK(q, qc, d, 6.0, b, ta), t0 / std::exp(1.0), 1e-9);
    EXPECT_NEAR(heskestadPlumeExcessK(q, qc, d, 6.0, 0.0, ta), t0, 1e-12);
}

// The same fire burning steadily in a 40 x 40 x 12 m hall (a 4 x 3 m door to outside), read
// through the model's point query (what `citydrill fire` probes report as flame_height_m,
// plume_kg_s, plume_temp_c, jet_temp_c and jet_velocity_mps): the plume over the lower layer,
// Alpert's jet (SFPE Handbook 5th ed. ch. 14) over the lower layer below the interface and, in the
// layer, that of the plume entering it, at r/H 0.1, 0.5 and 1.
TEST(HeskestadPlume, TheModelsPointQueryGivesThePlumeAndCeilingJetOfTheFireBelow) {
    FireModelDef def = singleRoom(40, 40, 12);
    def.openings.push_back(floorVent("room", 4.0, 3.0));
    FireDef f = centreFire(def, 1690, 0.0);
    f.hrrTable = {{0.0, 1690.0}, {1000.0, 1690.0}};
    f.areaM2 = M_PI * 0.8 * 0.8;
    f.radiativeFraction = 0.3;
    def.fires.push_back(f);
    FireModel m = makeModel(def);
    m.step(20.0);
    const RoomState room = m.roomState(0);
    const double q = m.fireState(0).hrrKw;
    ASSERT_NEAR(q, 1690.0, 1e-6);
    const PlumeSample axis = m.plumeAt({20.0, 20.0, 6.0});
    EXPECT_NEAR(axis.flameHeightM, 2.96, 0.02);
    EXPECT_NEAR(axis.plumeMassFlowKgS, 17.2, 0.1);
    const double tl = room.lowerTempC + 273.15;
    EXPECT_NEAR(axis.plumeTempC - room.lowerTempC, heskestadCentrelineExcessK(q, 0.7 * q, 1.6, 6.0, tl), 1e-6);
    EXPECT_GT(axis.plumeTempC - room.lowerTempC, 135.0);  // 140.5 K in air at 20 C
    // Far off the axis the plume is gone: the layer at the point.
    const PlumeSample aside = m.plumeAt({30.0, 20.0, 1.0});
    EXPECT_NEAR(aside.plumeTempC, room.lowerTempC, 1e-9);
    // At the ceiling, inside the thin layer the fire has made (0.53 m deep, 20 K warmer after
    // 20 s): Alpert's jet of the plume entering it (layered_ceiling_jet.h), built here from the
    // model's state, and below the layer Alpert's hand values over the lower layer.
    ASSERT_LT(room.layerHeightM, 11.9);
    ASSERT_GT(room.layerHeightM, 11.0);
    const CeilingJetConvectionInput in = fireUnderModelLayers(m, f.radiativeFraction, 12.0);
    for (double rh : {0.1, 0.5, 1.0}) {
        const double r = rh * 12.0;
        const PlumeSample p = m.plumeAt({20.0 + r, 20.0, 11.9});
        const CeilingJet jet = layeredCeilingJet(in, q, r);
        EXPECT_NEAR(p.jetTempC - room.upperTempC, jet.excessTempK, 2e-3 * jet.excessTempK) << "r/H " << rh;
        EXPECT_NEAR(p.jetVelocityMS, jet.velocityMS, 2e-3 * jet.velocityMS) << "r/H " << rh;
        const PlumeSample below = m.plumeAt({20.0 + r, 20.0, 10.9});
        const double dt = rh <= 0.18 ? 16.9 * std::pow(q, 2.0 / 3.0) / std::pow(12.0, 5.0 / 3.0)
                                     : 5.38 * std::pow(q / r, 2.0 / 3.0) / 12.0;
        const double u = rh <= 0.15 ? 0.96 * std::cbrt(q / 12.0) : 0.195 * std::cbrt(q) * std::sqrt(12.0) / std::pow(r, 5.0 / 6.0);
        EXPECT_NEAR(below.jetTempC - room.lowerTempC, dt, 1e-6 * dt) << "r/H " << rh;
        EXPECT_NEAR(below.jetVelocityMS, u, 1e-9 * u) << "r/H " << rh;
        std::printf("r/H %.1f: Alpert %.1f K, %.2f m/s; under the %.2f m, %.1f K layer %.1f K over it, %.2f m/s\n", rh, dt, u,
                    12.0 - room.layerHeightM, room.upperTempC - room.lowerTempC, jet.excessTempK, jet.velocityMS);
    }
    // Outside every room: ambient air, no plume.
    const PlumeSample out = m.plumeAt({-5.0, 0.0, 1.0});
    EXPECT_EQ(out.room, -1);
    EXPECT_EQ(out.plumeMassFlowKgS, 0.0);
    EXPECT_NEAR(out.jetTempC, def.ambientTempC, 1e-12);
}

// Against McCaffrey's plume region (NBSIR 79-1910: dT0 / T_a = (kappa / (0.9 sqrt(2 g)))^2
// (z / Q^(2/5))^(2 eta - 1), kappa = 1.1, eta = -1/3, for z / Q^(2/5) > 0.2 m/kW^(2/5)), an
// independent fit of other burners: above the flame the two published correlations agree to
// 0.84-1.15 for z / Q^(2/5) from 0.5 to 2 (Heskestad with Qc = 0.7 Q and his virtual origin,
// 100-5000 kW, D 0.3-1 m). Tolerance: that spread, 16 %. Nearer the flame they part (docs/fire.md).
TEST(HeskestadPlume, AboveTheFlameTheCentrelineAgreesWithMcCaffreysPlumeRegion) {
    const double ta = 293.15;
    const double mcCaffreyCoeff = std::pow(1.1 / (0.9 * std::sqrt(2.0 * 9.81)), 2.0);
    for (double q : {100.0, 500.0, 1690.0, 5000.0}) {
        for (double d : {0.3, 0.6, 1.0}) {
            if (std::pow(q, 0.4) / d < kHeskestadMinQ25OverD) continue;
            for (double x : {0.5, 1.0, 2.0}) {
                const double z = x * std::pow(q, 0.4);
                const double mcCaffrey = ta * mcCaffreyCoeff * std::pow(x, -5.0 / 3.0);
                EXPECT_NEAR(heskestadCentrelineExcessK(q, 0.7 * q, d, z, ta) / mcCaffrey, 1.0, 0.16)
                    << q << " kW, D " << d << ", z/Q^(2/5) " << x;
            }
        }
    }
}

// Zukoski's mirror method (Zukoski, Kubota & Cetegen, Fire Safety J. 3 (1981) 107; SFPE Handbook
// ch. 13): a wall fire entrains half what an open fire of twice its heat does, a corner fire a
// quarter of four times. Far above the flames, where the plume flow goes as Qc^(1/3) z^(5/3),
// that is 2^(-2/3) = 0.630 and 4^(-2/3) = 0.397 of the open fire's own flow (at 20 m above a
// 200 kW fire the virtual origins and the 1.92e-3 Qc term move it by under 1 %). The flames of the
// mirror fire stand taller: 0.235 (mQ)^0.4 - 1.02 D m^0.5.
TEST(MirrorPlume, AWallHalvesAndACornerQuartersTheEntrainmentOfTheMirrorFire) {
    const double q = 200.0, qc = 140.0, d = 0.5, z = 20.0;
    const double open = heskestadPlumeMassFlowKgS(q, qc, d, z);
    EXPECT_NEAR(mirroredPlumeMassFlowKgS(q, qc, d, z, 1), open, 1e-12);
    EXPECT_NEAR(mirroredPlumeMassFlowKgS(q, qc, d, z, 2) / open, std::pow(2.0, -2.0 / 3.0), 0.01);
    EXPECT_NEAR(mirroredPlumeMassFlowKgS(q, qc, d, z, 4) / open, std::pow(4.0, -2.0 / 3.0), 0.01);
    EXPECT_NEAR(mirroredFlameHeightM(q, d, 4), 0.235 * std::pow(4.0 * q, 0.4) - 1.02 * d * 2.0, 1e-9);
    EXPECT_GT(mirroredFlameHeightM(q, d, 2), heskestadFlameHeightM(q, d));
    // Against a wall: the base's edge within half its diameter of it (centre within D).
    EXPECT_EQ(plumeMirror(1.0, 1.0, 0.5), 1);
    EXPECT_EQ(plumeMirror(0.5, 1.0, 0.5), 2);
    EXPECT_EQ(plumeMirror(1.0, 0.3, 0.5), 2);
    EXPECT_EQ(plumeMirror(0.25, 0.3, 0.5), 4);
    EXPECT_EQ(plumeMirror(std::numeric_limits<double>::infinity(), 0.3, 0.5), 2) << "an open wall counts for nothing";
}

// In the model: the same fire in the middle of a room, against a wall, in a corner, and against
// the wall of a doorway (the doorway is no wall): the corner's layer is the hottest and the
// doorway's is the open fire's.
TEST(MirrorPlume, InTheModelAWallOrACornerBehindTheFireHeatsTheLayer) {
    auto upperAfter = [](double x, double y) {
        FireModelDef def = singleRoom(4.0, 4.0, 2.5);
        OpeningDef door = floorVent("room", 1.0, 2.0);
        door.placed = true;
        door.centerXM = 3.0;
        door.centerYM = 0.0;
        def.openings.push_back(door);
        FireDef f = centreFire(def, 100.0, 0.0);
        f.hrrTable = {{0.0, 100.0}, {2000.0, 100.0}};
        f.areaM2 = 0.1;
        f.positionM = {x, y, 0.0};
        def.fires.push_back(f);
        FireModel m = makeModel(def);
        for (int i = 0; i < 60; ++i) m.step(10.0);
        return m.roomState(0).upperTempC;
    };
    const double middle = upperAfter(2.0, 2.0), wall = upperAfter(2.0, 3.8), corner = upperAfter(0.2, 3.8),
                 doorway = upperAfter(3.0, 0.2);
    EXPECT_GT(wall, middle + 10.0);
    EXPECT_GT(corner, wall + 10.0);
    EXPECT_NEAR(doorway, middle, 2.0);
    std::printf("100 kW in a 4 x 4 x 2.5 m room, upper layer at 600 s: middle %.1f C, wall %.1f C, corner %.1f C, "
                "before the door %.1f C\n", middle, wall, corner, doorway);
}
