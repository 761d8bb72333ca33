// Door-jet fires (CFAST): opening the door of an oxygen-starved fire room lets its unburnt,
// hot pyrolysate out into air, where it burns: the heat release rises in the receiving room.
#include <gtest/gtest.h>

#include <cmath>

#include "fire/fire_case.h"
#include "fire/fire_model.h"

using namespace cd::fire;

namespace {

// A 4 x 4 x 2.5 m room with only a crack to outside and a 1.5 MW fast fire, which starves it;
// its door to the hall (which has an exit to outside) opens at 120 s.
FireModelDef starvedRoomAndHall(bool doorJets) {
    FireModelDef def;
    RoomDef a;
    a.id = "fireroom";
    a.sizeM = {4, 4, 2.5};
    a.leakageAreaM2 = 0.005;
    RoomDef b;
    b.id = "hall";
    b.originM = {4, 0, 0};
    b.sizeM = {6, 4, 2.5};
    def.rooms = {a, b};
    OpeningDef door;
    door.id = "door";
    door.roomA = "fireroom";
    door.roomB = "hall";
    door.widthM = 0.9;
    door.heightM = 2.0;
    door.open = false;
    door.openAtS = 120;
    OpeningDef exit = door;
    exit.id = "exit";
    exit.roomA = "hall";
    exit.roomB = kOutside;
    exit.open = true;
    exit.openAtS = -1;
    def.openings = {door, exit};
    FireDef f;
    f.id = "sofa";
    f.room = "fireroom";
    f.positionM = {2, 2, 0};
    f.alphaKwS2 = kAlphaFast;
    f.peakHrrKw = 1500;
    def.fires.push_back(f);
    def.doorJetFires = doorJets;
    return def;
}

}  // namespace

TEST(DoorJet, OpeningTheDoorOfAStarvedRoomBurnsItsFuelInTheHall) {
    auto m = FireModel::create(starvedRoomAndHall(true));
    ASSERT_TRUE(m) << m.error().str();
    m->step(115.0);
    RoomState before = m->roomState(0);
    EXPECT_LT(m->fireState(0).hrrKw, 0.2 * m->fireState(0).requestedHrrKw);  // starved
    EXPECT_GT(before.upperFuelMassFraction, 0.01);                            // unburnt fuel waits
    EXPECT_EQ(m->roomState(1).hrrKw, 0.0);
    // The door opens at 120 s: air revives the fire, its layer passes CFAST's jet ignition
    // temperature (ambient + 200 K) and the fuel-rich outflow burns in the hall.
    m->step(15.0);
    EXPECT_GT(m->roomState(0).upperTempC, 20.0 + 200.0);
    RoomState hall = m->roomState(1);
    EXPECT_GT(hall.doorJetHrrKw, 100.0);
    EXPECT_DOUBLE_EQ(hall.hrrKw, hall.doorJetHrrKw);  // no fire of its own: all of it is the jet
    EXPECT_GT(hall.upperTempC, 100.0);
}

TEST(DoorJet, WithoutDoorJetsTheHallOnlyReceivesSmokeAndEnergyIsStillConserved) {
    auto off = FireModel::create(starvedRoomAndHall(false));
    auto on = FireModel::create(starvedRoomAndHall(true));
    ASSERT_TRUE(off && on);
    ConservationTotals start = on->conservation();
    off->step(130.0);
    on->step(130.0);
    EXPECT_EQ(off->roomState(1).hrrKw, 0.0);
    EXPECT_GT(on->roomState(1).hrrKw, 100.0);
    EXPECT_GT(on->roomState(1).upperTempC, off->roomState(1).upperTempC + 20.0);
    EXPECT_LT(on->roomState(1).upperFuelMassFraction, off->roomState(1).upperFuelMassFraction);
    ConservationTotals end = on->conservation();
    EXPECT_NEAR(end.gasMassKg - start.gasMassKg, end.fuelAddedKg - end.netMassOutKg, 1e-10 * end.gasMassKg);
    EXPECT_NEAR(end.gasInternalEnergyJ - start.gasInternalEnergyJ, end.heatIntoGasJ - end.netEnthalpyOutJ,
                1e-10 * end.gasInternalEnergyJ);
}

TEST(DoorJet, SettingsTurnThemOffOrSetTheIgnitionTemperature) {
    const char* room = "[[room]]\nid = \"r\"\nsize = [3.0, 3.0, 3.0]\n";
    auto c = parseFireCase(std::string("[settings]\ndoor_jet_fires = false\ndoor_jet_ignition_temp_c = 400.0\n") + room,
                           "case.toml");
    ASSERT_TRUE(c) << c.error().str();
    EXPECT_FALSE(c->model.doorJetFires);
    EXPECT_DOUBLE_EQ(c->model.doorJetIgnitionTempC, 400.0);
    auto bad = parseFireCase(std::string("[settings]\ndoor_jet_ignition_temp_c = 10.0\n") + room, "case.toml");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().str(), "case.toml:2: settings.door_jet_ignition_temp_c: must be above ambient_temp_c");
}
