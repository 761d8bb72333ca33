// Surface connections (CFAST's CONN): which surface two rooms share, heat through it from a fire
// room into its neighbour, and the case file's [[connection]] with its errors. The wall between
// two rooms against the plane wall's closed form is in wall_conduction_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "fire/fire_case.h"
#include "fire/fire_model.h"

using namespace cd::fire;

namespace {

RoomDef box(const char* id, Point3 origin, Point3 size) {
    RoomDef r;
    r.id = id;
    r.originM = origin;
    r.sizeM = size;
    return r;
}

// A 4 x 4 x 2.5 m room with a steady 300 kW fire and a door to outside, and beside it (x 4-8 m)
// a sealed room of the same size; 16 mm gypsum throughout. The second room is `above` the fire
// room instead (z 2.5-5 m) when asked.
FireModelDef fireRoomAndNeighbour(bool connected, bool above = false) {
    FireModelDef def;
    def.rooms.push_back(box("fire", {0, 0, 0}, {4, 4, 2.5}));
    def.rooms.push_back(box("next", above ? Point3{0, 0, 2.5} : Point3{4, 0, 0}, {4, 4, 2.5}));
    OpeningDef door;
    door.id = "door";
    door.roomA = "fire";
    door.widthM = 0.8;
    door.heightM = 2.0;
    def.openings.push_back(door);
    FireDef f;
    f.id = "burner";
    f.room = "fire";
    f.positionM = {2, 2, 0};
    f.peakHrrKw = 300;
    f.alphaKwS2 = 0.1876;
    def.fires.push_back(f);
    if (connected) def.connections.push_back({"fire", "next"});
    return def;
}

std::string errorOf(const std::string& text) {
    auto c = parseFireCase(text, "case.toml");
    return c ? std::string("no error") : c.error().str();
}

const char* const kTwoRooms = R"([[room]]
id = "a"
size = [4.0, 4.0, 2.5]

[[room]]
id = "b"
origin = [4.2, 1.0, 0.0]
size = [3.0, 5.0, 3.0]

[[room]]
id = "far"
origin = [20.0, 0.0, 0.0]
size = [3.0, 3.0, 3.0]

[[connection]]
from = "a"
to = "b"
)";

}  // namespace

// Facing sides up to 0.5 m apart (a wall or slab between two boxes of air) that overlap over an
// area: a wall over the heights both rooms have, a ceiling or floor over their overlap in plan.
// Rooms apart, overlapping, or meeting only along an edge share nothing.
TEST(SharedSurface, TheWallCeilingOrFloorTwoRoomBoxesFaceAcross) {
    const RoomDef a = box("a", {0, 0, 0}, {4, 4, 2.5});
    // Side by side across a 0.25 m wall, offset 1 m along it and 0.5 m taller: 3 m x 2.5 m shared.
    auto wall = sharedSurface(a, box("b", {4.25, 1, 0}, {3, 5, 3}));
    ASSERT_TRUE(wall.has_value());
    EXPECT_EQ(wall->part, SharedSurface::Part::Wall);
    EXPECT_NEAR(wall->areaM2, 3.0 * 2.5, 1e-9);
    EXPECT_NEAR(wall->zBottomM, 0.0, 1e-12);
    EXPECT_NEAR(wall->zTopM, 2.5, 1e-12);
    // The same seen from the other room, and along y.
    EXPECT_NEAR(sharedSurface(box("b", {4.25, 1, 0}, {3, 5, 3}), a)->areaM2, 7.5, 1e-9);
    EXPECT_NEAR(sharedSurface(a, box("c", {-1, -2.1, 1}, {2, 2, 3}))->areaM2, 1.0 * 1.5, 1e-9);
    // Above across a 0.3 m slab, half over it: a's ceiling, the other's floor.
    const RoomDef up = box("up", {2, 0, 2.8}, {4, 4, 3});
    auto ceiling = sharedSurface(a, up);
    ASSERT_TRUE(ceiling.has_value());
    EXPECT_EQ(ceiling->part, SharedSurface::Part::Ceiling);
    EXPECT_NEAR(ceiling->areaM2, 8.0, 1e-9);
    EXPECT_EQ(sharedSurface(up, a)->part, SharedSurface::Part::Floor);
    EXPECT_FALSE(sharedSurface(a, box("far", {4.6, 0, 0}, {3, 3, 3}))) << "0.6 m apart";
    EXPECT_FALSE(sharedSurface(a, box("corner", {4, 4, 0}, {3, 3, 3}))) << "an edge only";
    EXPECT_FALSE(sharedSurface(a, box("inside", {1, 1, 0}, {1, 1, 1}))) << "overlapping";
    EXPECT_FALSE(sharedSurface(a, box("diagonal", {4.1, 4.1, 2.6}, {3, 3, 3}))) << "diagonally across";
}

// Without a connection the sealed room beside a 300 kW fire stays at ambient: the fire room's
// walls lose their heat to ambient behind them. Connected, the wall between (or the slab, to the
// room above) passes it on: after 10 min the neighbour's gas is warmer (it has no upper layer,
// so all of it is the lower). Mass and energy still balance to round-off over both rooms (each
// room's gas exchanges heat only with its own faces).
TEST(SurfaceConnection, AWallOrSlabBetweenAFireRoomAndItsSealedNeighbourWarmsTheNeighbour) {
    for (bool above : {false, true}) {
        auto apart = FireModel::create(fireRoomAndNeighbour(false, above));
        auto joined = FireModel::create(fireRoomAndNeighbour(true, above));
        ASSERT_TRUE(apart.ok() && joined.ok());
        const ConservationTotals before = joined->conservation();
        apart->step(600.0);
        joined->step(600.0);
        const RoomState lone = apart->roomState(1), warmed = joined->roomState(1), fire = joined->roomState(0);
        std::printf("%s: fire room %.0f C; the neighbour %.3f / %.3f C alone, %.2f / %.2f C connected\n", above ? "above" : "beside",
                    fire.upperTempC, lone.upperTempC, lone.lowerTempC, warmed.upperTempC, warmed.lowerTempC);
        EXPECT_NEAR(lone.upperTempC, 20.0, 1e-6);
        EXPECT_NEAR(lone.lowerTempC, 20.0, 1e-6);
        // Gypsum 16 mm heated through in minutes under a 700+ C layer: degrees, not hundredths.
        EXPECT_GT(std::max(warmed.upperTempC, warmed.lowerTempC), 22.0);
        EXPECT_LT(std::max(warmed.upperTempC, warmed.lowerTempC), fire.upperTempC);
        if (above) {
            EXPECT_GT(warmed.lowerTempC, 21.0) << "the floor heats the room above from below";
        }
        const ConservationTotals after = joined->conservation();
        const double massIn = after.fuelAddedKg - after.netMassOutKg - after.depositedKg;
        EXPECT_NEAR(after.gasMassKg - before.gasMassKg, massIn, 1e-10 * after.gasMassKg);
        const double energyIn = after.heatIntoGasJ - after.netEnthalpyOutJ - after.depositedEnthalpyJ;
        EXPECT_NEAR(after.gasInternalEnergyJ - before.gasInternalEnergyJ, energyIn, 1e-10 * after.gasInternalEnergyJ);
    }
}

TEST(FireCase, AConnectionJoinsTwoRoomsThatShareASurface) {
    auto c = parseFireCase(kTwoRooms, "case.toml");
    ASSERT_TRUE(c.ok()) << c.error().str();
    ASSERT_EQ(c->model.connections.size(), 1u);
    EXPECT_EQ(c->model.connections[0].roomA, "a");
    EXPECT_EQ(c->model.connections[0].roomB, "b");
    EXPECT_EQ(c->model.connections[0].line, 15);
}

TEST(FireCase, AConnectionToNoRoomOrBetweenRoomsApartIsRejectedAtItsLine) {
    auto with = [](const std::string& from, const std::string& to) {
        std::string t = kTwoRooms;
        t.replace(t.find("from = \"a\""), 10, "from = \"" + from + "\"");
        t.replace(t.find("to = \"b\""), 8, "to = \"" + to + "\"");
        return errorOf(t);
    };
    EXPECT_EQ(with("a", "nowhere"), "case.toml:17: connection.to: unknown room 'nowhere'");
    EXPECT_EQ(with("a", "far"),
              "case.toml:15: connection.to: rooms 'a' and 'far' share no wall, ceiling or floor (their facing sides must overlap, at "
              "most 0.5 m apart)");
    EXPECT_EQ(with("a", "a"), "case.toml:15: connection.to: a connection joins two different rooms");
    EXPECT_NE(with("a", "outside").find("connection.to: a room's linings lose their heat to outside without a connection"),
              std::string::npos)
        << with("a", "outside");
    EXPECT_EQ(errorOf(std::string(kTwoRooms) + "\n[[connection]]\nfrom = \"b\"\nto = \"a\"\n"),
              "case.toml:19: connection.to: rooms 'b' and 'a' are connected twice");
    EXPECT_EQ(errorOf(std::string(kTwoRooms) + "\n[[connection]]\nfrom = \"b\"\nwith = \"a\"\n").substr(0, 29),
              "case.toml:19: connection.to: ");
}
