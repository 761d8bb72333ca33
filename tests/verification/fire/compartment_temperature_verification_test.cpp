// Hot-layer temperature of a room with a steady fire and one door against the
// McCaffrey-Quintiere-Harkleroad correlation (Fire Technology 17 (1981); SFPE Handbook 5th ed.
// ch. 30): dT = 6.85 (Q^2 / (A_o sqrt(H_o) h_k A_T))^(1/3), h_k = sqrt(k rho c / t) before the
// thermal penetration time t_p = (rho c / k)(delta/2)^2, k / delta after.
// Tolerances: 15 % over MQH for gypsum-lined rooms (MQH's own scatter is about that), 18 %
// under: CFAST's ceiling-jet convection (Cooper) takes the 300 kW room at 600 s from 14.4 to
// 16.7 % under. Thick concrete: the gas side (natural + ceiling-jet convection, grey-gas
// radiation) limits the loss that MQH's conduction coefficient assumes; with the ceiling jet
// and a wall grid resolved at the surface the model runs 10-17 % hotter than MQH (19-29 %
// without the jet); asserted as 1.00-1.18 so that a change shows.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "fire_fixture.h"

using namespace cd::fire;
using namespace cd::fire::test;

namespace {

struct Case {
    double w, d, h, doorW, doorH, q;
    const char* material;
};

// Worst ratio model/MQH over t = 600..1200 s.
void ratios(const Case& c, double& lo, double& hi, bool ceilingJet = true) {
    FireModelDef def = singleRoom(c.w, c.d, c.h);
    def.ceilingJetConvection = ceilingJet;
    builtinWallMaterial(c.material, def.rooms[0].wall);
    OpeningDef door = floorVent("room", c.doorW, c.doorH);
    def.openings.push_back(door);
    FireDef f = centreFire(def, c.q, 1e9);
    f.areaM2 = 0.5;
    def.fires.push_back(f);
    FireModel model = makeModel(def);
    const WallMaterial& m = def.rooms[0].wall;
    double tp = m.densityKgM3 * m.specificHeatJKgK / m.conductivityWMK * std::pow(m.thicknessM / 2, 2);
    double at = 2 * c.w * c.d + 2 * (c.w + c.d) * c.h - c.doorW * c.doorH;
    lo = 1e9, hi = 0;
    for (int t = 60; t <= 1200; t += 60) {
        model.step(60.0);
        if (t < 600) continue;
        double hk = (t < tp ? std::sqrt(m.conductivityWMK * m.densityKgM3 * m.specificHeatJKgK / t)
                            : m.conductivityWMK / m.thicknessM) / 1000.0;
        double mqh = 6.85 * std::cbrt(c.q * c.q / (c.doorW * c.doorH * std::sqrt(c.doorH) * hk * at));
        double r = (model.roomState(0).upperTempC - 20.0) / mqh;
        lo = std::min(lo, r), hi = std::max(hi, r);
    }
    std::printf("MQH %s %.0f kW%s: model/MQH from %.3f to %.3f\n", c.material, c.q,
                ceilingJet ? "" : " (no ceiling-jet convection)", lo, hi);
}

}  // namespace

TEST(MqhCorrelation, GypsumRoomsHotLayerWithin15PercentOver18PercentUnder) {
    for (const Case& c : {Case{4, 4, 2.5, 0.9, 2.0, 500, "gypsum"}, Case{3, 5, 2.4, 0.8, 2.0, 300, "gypsum"},
                          Case{5, 6, 2.7, 1.2, 2.1, 800, "gypsum"}}) {
        double lo, hi;
        ratios(c, lo, hi);
        EXPECT_GT(lo, 0.82) << c.q;
        EXPECT_LT(hi, 1.15) << c.q;
    }
}

TEST(MqhCorrelation, ConcreteRoomRunsAtMostEighteenPercentHotterThanMqh) {
    double lo, hi;
    ratios(Case{3, 4, 2.4, 0.8, 2.0, 300, "concrete"}, lo, hi);
    EXPECT_GT(lo, 1.0);
    EXPECT_LT(hi, 1.18);
}

// The ceiling jet's forced convection matters where the gas side limits the loss (thick,
// high-effusivity concrete: the walls stay cool) and hardly where the walls' conduction does
// (thin gypsum soon runs close to the gas temperature).
TEST(MqhCorrelation, CeilingJetConvectionCoolsTheConcreteRoomMuchMoreThanTheGypsumRoom) {
    double lo, hi, loOff, hiOff;
    ratios(Case{3, 4, 2.4, 0.8, 2.0, 300, "concrete"}, lo, hi, true);
    ratios(Case{3, 4, 2.4, 0.8, 2.0, 300, "concrete"}, loOff, hiOff, false);
    EXPECT_LT(hi, hiOff - 0.08);
    EXPECT_LT(lo, loOff - 0.08);
    ratios(Case{3, 4, 2.4, 0.8, 2.0, 300, "gypsum"}, lo, hi, true);
    ratios(Case{3, 4, 2.4, 0.8, 2.0, 300, "gypsum"}, loOff, hiOff, false);
    EXPECT_LT(hi, hiOff);
    EXPECT_GT(hi, hiOff - 0.03);
}
