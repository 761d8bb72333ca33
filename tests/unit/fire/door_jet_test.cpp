// Door-jet fires (CFAST): opening the door of an oxygen-starved fire room lets its unburnt,
// hot pyrolysate out into air, where it burns: the heat release rises in the receiving room.
#include <gtest/gtest.h>

#include <cmath>

#include "fire/fire_case.h"
#include "fire/fire_model.h"

using namespace cd::fire;

namespace {

// A 4 x 4 x 2.5 m room with only a crack to outside and a 1.5 MW fast fire, which starves it;
// its door to the hall (which has an exit to outside) opens at 180 s. By then the fire has
// burnt the room's air down to the lower oxygen limit (about 120 s) and lives on what the crack
// lets in.
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
    door.openAtS = 180;
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
    m->step(175.0);
    RoomState before = m->roomState(0);
    EXPECT_LT(m->fireState(0).hrrKw, 0.2 * m->fireState(0).requestedHrrKw);  // starved
    EXPECT_GT(before.upperFuelMassFraction, 0.01);                            // unburnt fuel waits
    EXPECT_EQ(m->roomState(1).hrrKw, 0.0);
    // The door opens at 180 s: air revives the fire, its layer passes CFAST's jet ignition
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
    off->step(190.0);
    on->step(190.0);
    EXPECT_EQ(off->roomState(1).hrrKw, 0.0);
    EXPECT_GT(on->roomState(1).hrrKw, 100.0);
    EXPECT_GT(on->roomState(1).upperTempC, off->roomState(1).upperTempC + 20.0);
    EXPECT_LT(on->roomState(1).upperFuelMassFraction, off->roomState(1).upperFuelMassFraction);
    ConservationTotals end = on->conservation();
    EXPECT_NEAR(end.gasMassKg - start.gasMassKg, end.fuelAddedKg - end.netMassOutKg - end.depositedKg, 1e-10 * end.gasMassKg);
    EXPECT_NEAR(end.gasInternalEnergyJ - start.gasInternalEnergyJ, end.heatIntoGasJ - end.netEnthalpyOutJ - end.depositedEnthalpyJ,
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

namespace {
// The hall side of the door at x = 4, y = 2 (the wall between the rooms), its flames a point
// source based at the middle of its 2 m height with 1 m flames, 0.9 m across.
double jetHandFluxKwM2(double qKw, const Point3& p) {
    const Point3 mid{4.0, 2.0, 1.5};  // 1.0 (the middle of the opening) + half the 1 m flames
    const double dx = p.x - mid.x, dy = p.y - mid.y, dz = p.z - mid.z;
    const double r2 = dx * dx + dy * dy + dz * dz;
    const double cosTheta = std::sqrt(dx * dx + dy * dy) / std::sqrt(r2);
    return 0.35 * qKw * cosTheta / (4.0 * M_PI * r2);
}
}  // namespace

TEST(DoorJet, APlacedDoorsJetFlamesRadiateOnProbesAndIgniteAnItemInFrontOfIt) {
    // The same rooms, with coats on a rack 0.8 m in front of the door in the hall.
    auto withItem = [](bool placed) {
        FireModelDef def = starvedRoomAndHall(true);
        def.openings[0].placed = placed;
        def.openings[0].centerXM = 4.0;
        def.openings[0].centerYM = 2.0;
        ItemDef item;
        item.id = "coats";
        item.room = "hall";
        item.positionM = {4.8, 2.0, 1.2};
        item.criticalFluxKwM2 = 10.0;
        item.fluxTimeProductKjM2 = 30.0;  // thin garments: some 0.1 kg/m2 of fabric
        item.fire.id = "coats";
        item.fire.peakHrrKw = 200.0;
        def.items.push_back(item);
        auto m = FireModel::create(def);
        EXPECT_TRUE(m) << m.error().str();
        return std::move(*m);
    };
    FireModel placed = withItem(true), unplaced = withItem(false);
    const Point3 probe{5.0, 2.0, 1.2};
    double peakKw = 0.0, itemS = -1.0, unplacedItemS = -1.0;
    for (double t = 0.5; t <= 260.0; t += 0.5) {
        placed.advanceTo(t);
        unplaced.advanceTo(t);
        const double q = placed.openingJetHrrKw(0, 1);
        // The probe takes the hall's layer and the jet's point source; the unplaced door's jet
        // burns the same (same model, same flows) but radiates on nothing.
        const double jet = placed.jetFlameFluxKwM2(1, probe);
        EXPECT_NEAR(jet, jetHandFluxKwM2(q, probe), 1e-9 + 1e-9 * jet) << "t = " << t;
        EXPECT_EQ(unplaced.jetFlameFluxKwM2(1, probe), 0.0);
        for (const auto& e : placed.drainEvents())
            if (e.type == FireEventType::ItemIgnited && itemS < 0.0) itemS = t;
        if (itemS < 0.0) {  // (then the coats' own flames join the hall's)
            EXPECT_NEAR(placed.sample(probe).radiantFluxKwM2 - placed.sampleRoom(1, probe.x, probe.y, probe.z).radiantFluxKwM2,
                        jet, 1e-9 + 1e-9 * jet);
        }
        peakKw = std::max(peakKw, q);
        for (const auto& e : unplaced.drainEvents())
            if (e.type == FireEventType::ItemIgnited && unplacedItemS < 0.0) unplacedItemS = t;
    }
    EXPECT_GT(peakKw, 100.0);
    EXPECT_GT(itemS, 180.0) << "the jet burns only once the door is open";
    // Without a place the jet's flames reach nothing: the coats catch later, if at all, from the
    // hall's hot layer alone.
    EXPECT_TRUE(unplacedItemS < 0.0 || unplacedItemS > itemS + 5.0) << unplacedItemS;
    std::printf("jet peak %.0f kW; the coats 0.8 m in front of the door caught at %.1f s (%.1f s unplaced)\n", peakKw,
                itemS, unplacedItemS);
}

TEST(DoorJet, ACaseFilesOpeningTakesItsPlanCentre) {
    const std::string rooms = "[[room]]\nid = \"a\"\nsize = [3.0, 3.0, 3.0]\n";
    auto c = parseFireCase(rooms + "[[opening]]\nfrom = \"a\"\nwidth = 1.0\nheight = 2.0\nplan_center = [3.0, 1.5]\n", "case.toml");
    ASSERT_TRUE(c) << c.error().str();
    ASSERT_EQ(c->model.openings.size(), 1u);
    EXPECT_TRUE(c->model.openings[0].placed);
    EXPECT_DOUBLE_EQ(c->model.openings[0].centerXM, 3.0);
    EXPECT_DOUBLE_EQ(c->model.openings[0].centerYM, 1.5);
    auto bad = parseFireCase(rooms + "[[opening]]\nfrom = \"a\"\nwidth = 1.0\nheight = 2.0\nplan_center = [3.0]\n", "case.toml");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().str(), "case.toml:8: opening.plan_center: must be an array of 2 numbers [x, y]");
}
