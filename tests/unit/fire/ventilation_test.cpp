// Ceiling (horizontal) vents and fans: Cooper's flow law, the case-file format and its errors,
// and how the model moves smoke through them.
#include <cstdio>
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "fire/ceiling_vent_flow.h"
#include "fire/fire_case.h"
#include "fire/fire_model.h"

using namespace cd::fire;

namespace {

std::string errorOf(const std::string& text) {
    auto c = parseFireCase(text, "case.toml");
    return c ? std::string("no error") : c.error().str();
}

const char* kTwoStoreys = R"([[room]]
id = "hall"
size = [10.0, 10.0, 4.0]

[[room]]
id = "gallery"
origin = [0.0, 0.0, 4.0]
size = [10.0, 10.0, 3.0]
)";

FireModelDef hotRoomWithRoofVent(bool ventOpen) {
    FireModelDef def;
    RoomDef r;
    r.id = "room";
    r.sizeM = {6, 6, 4};
    def.rooms.push_back(r);
    OpeningDef v;
    v.id = "roof";
    v.roomA = "room";
    v.kind = OpeningKind::Ceiling;
    v.areaM2 = 1.0;
    v.dischargeCoeff = 0.68;
    v.open = ventOpen;
    def.openings.push_back(v);
    FireDef f;
    f.id = "fire";
    f.room = "room";
    f.positionM = {3, 3, 0};
    f.hrrTable = {{0, 200}, {60, 200}, {61, 0}};  // heats the room, then stops
    def.fires.push_back(f);
    return def;
}

}  // namespace

TEST(CeilingVentFlow, LighterGasAboveAndNoPressureDifferenceMeansNoFlow) {
    CeilingVentFlow f = ceilingVentFlow(0.0, 1.2, 0.8, 1.0, false, 0.68);
    EXPECT_EQ(f.upKgS, 0.0);
    EXPECT_EQ(f.downKgS, 0.0);
}

TEST(CeilingVentFlow, DenserGasAboveExchangesEqualVolumesBothWays) {
    // Hot smoke (0.7 kg/m^3) under a roof vent, cold air (1.2) above, no pressure difference.
    CeilingVentFlow f = ceilingVentFlow(0.0, 0.7, 1.2, 1.0, false, 0.68);
    ASSERT_GT(f.upKgS, 0.0);
    ASSERT_GT(f.downKgS, 0.0);
    EXPECT_NEAR(f.upKgS / 0.7, f.downKgS / 1.2, 1e-12);  // equal volume flows
    // Cooper's exchange: 0.1 sqrt(2 g drho A^2.5 / (rho1 + rho2)) m^3/s
    double vex = 0.1 * std::sqrt(2 * 9.80665 * 0.5 * 1.0 / 1.9);
    EXPECT_NEAR(f.upKgS, 0.7 * vex, 1e-12);
}

TEST(CeilingVentFlow, AbovetheFloodingPressureTheFlowIsOneWayByTheOrificeLaw) {
    double flood = ceilingVentFloodingPressurePa(0.7, 1.2, 1.0, false);
    ASSERT_GT(flood, 0.0);
    double dp = 2.0 * flood;
    CeilingVentFlow f = ceilingVentFlow(dp, 0.7, 1.2, 1.0, false, 0.68);
    EXPECT_EQ(f.downKgS, 0.0);
    EXPECT_NEAR(f.upKgS, 0.68 * 1.0 * std::sqrt(2 * 0.7 * dp), 1e-3 * f.upKgS);
    CeilingVentFlow g = ceilingVentFlow(-dp, 0.7, 1.2, 1.0, false, 0.68);
    EXPECT_EQ(g.upKgS, 0.0);
    EXPECT_NEAR(g.downKgS, 0.68 * std::sqrt(2 * 1.2 * dp), 1e-3 * g.downKgS);
    EXPECT_LT(g.dDownDp, 0.0);
    EXPECT_GT(f.dUpDp, 0.0);
}

TEST(CeilingVentCase, ACeilingVentToTheRoomAboveAndAFanAreRead) {
    std::string text = std::string(kTwoStoreys) + R"(
[[opening]]
id = "hatch"
kind = "ceiling"
from = "hall"
to = "gallery"
area_m2 = 2.0
shape = "round"

[[fan]]
id = "exhaust"
from = "gallery"
from_height = 2.8
flow_m3_s = 3.5
off_at = 600.0
)";
    auto c = parseFireCase(text, "case.toml");
    ASSERT_TRUE(c) << c.error().str();
    ASSERT_EQ(c->model.openings.size(), 1u);
    const auto& o = c->model.openings[0];
    EXPECT_EQ(o.kind, OpeningKind::Ceiling);
    EXPECT_EQ(o.shape, VentShape::Round);
    EXPECT_DOUBLE_EQ(o.areaM2, 2.0);
    EXPECT_DOUBLE_EQ(o.dischargeCoeff, 0.68);
    ASSERT_EQ(c->model.fans.size(), 1u);
    const auto& f = c->model.fans[0];
    EXPECT_EQ(f.from, "gallery");
    EXPECT_EQ(f.to, "outside");
    EXPECT_DOUBLE_EQ(f.flowM3S, 3.5);
    EXPECT_DOUBLE_EQ(f.fromHeightM, 2.8);
    EXPECT_DOUBLE_EQ(f.offAtS, 600.0);
}

TEST(CeilingVentCase, BadCeilingVentsNameFileLineAndField) {
    std::string base = std::string(kTwoStoreys) + "\n[[opening]]\nkind = \"ceiling\"\nfrom = \"hall\"\n";
    // line 10 is [[opening]]
    EXPECT_EQ(errorOf(base + "to = \"gallery\"\n"), "case.toml:10: opening.area_m2: missing required field");
    EXPECT_EQ(errorOf(base + "area_m2 = -1.0\n"), "case.toml:13: opening.area_m2: must be > 0");
    EXPECT_EQ(errorOf(base + "area_m2 = 1.0\nwidth = 1.0\n"),
              "case.toml:14: opening.width: not used by a ceiling vent (give area_m2 and shape)");
    EXPECT_EQ(errorOf(base + "area_m2 = 1.0\nshape = \"oval\"\n"), "case.toml:14: opening.shape: must be square or round");
    EXPECT_EQ(errorOf(base + "area_m2 = 1.0\nto = \"attic\"\n"), "case.toml:14: opening.to: unknown room 'attic'");
    // The gallery's floor must lie at the hall's ceiling.
    std::string shifted = kTwoStoreys;
    shifted.replace(shifted.find("[0.0, 0.0, 4.0]"), 15, "[0.0, 0.0, 5.0]");
    std::string err = errorOf(shifted + "\n[[opening]]\nkind = \"ceiling\"\nfrom = \"hall\"\nto = \"gallery\"\narea_m2 = 1.0\n");
    EXPECT_EQ(err.rfind("case.toml:10: opening.to: room 'gallery' is not directly above 'hall'", 0), 0u) << err;
    // ... and lie over it in plan.
    std::string aside = kTwoStoreys;
    aside.replace(aside.find("[0.0, 0.0, 4.0]"), 15, "[20.0, 0.0, 4.0]");
    err = errorOf(aside + "\n[[opening]]\nkind = \"ceiling\"\nfrom = \"hall\"\nto = \"gallery\"\narea_m2 = 1.0\n");
    EXPECT_EQ(err.rfind("case.toml:10: opening.area_m2: ceiling vent does not fit where 'hall' and 'gallery' overlap", 0),
              0u)
        << err;
    EXPECT_EQ(errorOf(base + "area_m2 = 1.0\nkind2 = 1\n"), "case.toml:14: opening.kind2: unknown field");
    EXPECT_EQ(errorOf(std::string(kTwoStoreys) + "\n[[opening]]\nfrom = \"hall\"\nwidth = 1.0\nheight = 2.0\nkind = \"floor\"\n"),
              "case.toml:14: opening.kind: must be wall or ceiling");
}

TEST(FanCase, BadFansNameFileLineAndField) {
    std::string base = std::string(kTwoStoreys) + "\n[[fan]]\n";
    // line 10 is [[fan]]
    EXPECT_EQ(errorOf(base + "from = \"hall\"\nfrom_height = 3.0\n"), "case.toml:10: fan.flow_m3_s: missing required field");
    EXPECT_EQ(errorOf(base + "from = \"hall\"\nflow_m3_s = 2.0\n"), "case.toml:10: fan.from_height: missing required field");
    EXPECT_EQ(errorOf(base + "from = \"cellar\"\nfrom_height = 3.0\nflow_m3_s = 2.0\n"),
              "case.toml:11: fan.from: unknown room 'cellar'");
    EXPECT_EQ(errorOf(base + "from = \"hall\"\nfrom_height = 3.0\nflow_m3_s = -2.0\n"),
              "case.toml:13: fan.flow_m3_s: must be > 0");
    EXPECT_EQ(errorOf(base + "flow_m3_s = 2.0\n"),
              "case.toml:10: fan.to: a fan moves gas between two different places (set from or to to a room)");
    EXPECT_EQ(errorOf(base + "from = \"hall\"\nfrom_height = 9.0\nflow_m3_s = 2.0\n"),
              "case.toml:10: fan.from_height: must be within the height of 'hall'");
    EXPECT_EQ(errorOf(base + "to = \"hall\"\nfrom_height = 1.0\nto_height = 1.0\nflow_m3_s = 2.0\n"),
              "case.toml:12: fan.from_height: only for a fan drawing from a room");
}

TEST(CeilingVentModel, AnOpenRoofVentLetsTheSmokeOfAClosedRoomOut) {
    auto closed = FireModel::create(hotRoomWithRoofVent(false));
    auto open = FireModel::create(hotRoomWithRoofVent(true));
    ASSERT_TRUE(closed && open);
    closed->step(120.0);
    open->step(120.0);
    RoomState c = closed->roomState(0), o = open->roomState(0);
    // With the vent open the hot layer (lighter than the air above the roof) drains out and
    // fresh air falls in (Cooper's exchange flow once the pressures balance): a thinner, cooler layer.
    EXPECT_GT(o.layerHeightM, c.layerHeightM + 0.3);
    EXPECT_LT(o.upperTempC, c.upperTempC);
    EXPECT_GT(open->openingMassFlowKgS(0, true), 0.0);   // smoke goes up
    EXPECT_GT(open->openingMassFlowKgS(0, false), 0.0);  // air comes down
    EXPECT_EQ(closed->openingMassFlowKgS(0, true), 0.0);
}

TEST(FanModel, AnExhaustFanMovesRhoTimesItsVolumeFlowAndStopsWhenSwitchedOff) {
    FireModelDef def;
    RoomDef r;
    r.id = "room";
    r.sizeM = {5, 5, 3};
    def.rooms.push_back(r);
    OpeningDef door;
    door.id = "door";
    door.roomA = "room";
    door.widthM = 1.0;
    door.heightM = 2.0;
    def.openings.push_back(door);
    FanDef fan;
    fan.id = "exhaust";
    fan.from = "room";
    fan.fromHeightM = 2.5;
    fan.flowM3S = 1.5;
    def.fans.push_back(fan);
    auto m = FireModel::create(def);
    ASSERT_TRUE(m) << m.error().str();
    m->step(10.0);
    double rho = 101325.0 / (287.0 * (m->roomState(0).lowerTempC + 273.15));  // ambient air
    EXPECT_NEAR(m->fanMassFlowKgS(0), rho * 1.5, 5e-3);
    EXPECT_NEAR(m->openingMassFlowKgS(0, false), rho * 1.5, 5e-3);  // make-up air through the door
    EXPECT_LT(m->roomState(0).pressurePa, 0.0);                     // the room is under suction
    ASSERT_TRUE(m->setFanOn("exhaust", false));
    EXPECT_FALSE(m->setFanOn("nope", true));
    m->step(10.0);
    EXPECT_EQ(m->fanMassFlowKgS(0), 0.0);
    EXPECT_NEAR(m->roomState(0).pressurePa, 0.0, 1e-3);
}

TEST(FanModel, ASupplyFanIntoASealedRoomStallsAtItsCutoffPressure) {
    FireModelDef def;
    RoomDef r;
    r.id = "room";
    r.sizeM = {5, 5, 3};
    def.rooms.push_back(r);
    FanDef fan;
    fan.id = "supply";
    fan.to = "room";
    fan.toHeightM = 1.0;
    fan.flowM3S = 1.0;
    def.fans.push_back(fan);
    auto m = FireModel::create(def);
    ASSERT_TRUE(m) << m.error().str();
    m->step(120.0);
    // CFAST's fan curve (flowfan.f90's tanh): 99.97 % of the flow at 200 Pa, 0.03 % at 300 Pa;
    // with nowhere for the air to go the room settles where the fan has all but stopped pushing.
    // Measured: 304.4 Pa at the floor, the fan at 0.0002 kg/s (0.02 % of its flow).
    double p = m->roomState(0).pressurePa;
    EXPECT_GT(p, 290.0);
    EXPECT_LT(p, 320.0);
    EXPECT_LT(m->fanMassFlowKgS(0), 0.01 * 1.2);
    std::printf("sealed room: %.1f Pa at the floor, fan %.4f kg/s\n", p, m->fanMassFlowKgS(0));
}
