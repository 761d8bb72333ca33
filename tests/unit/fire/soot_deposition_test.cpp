// Soot settling on the linings by thermophoresis (fire/soot_deposition.h).
#include <gtest/gtest.h>

#include "fire/fire_model.h"
#include "fire/soot_deposition.h"

using namespace cd::fire;

TEST(SootDeposition, TheVelocityIsKPrTimesTheWallsConvectiveFluxOverRhoCpT) {
    // By hand: 0.55 x 0.71 x 2000 W/m2 / (0.7 kg/m3 x 1004.5 J/kg/K x 500 K) = 2.2214 mm/s.
    EXPECT_NEAR(thermophoreticVelocityMS(2000.0, 0.7, 500.0, 1004.5), 0.55 * 0.71 * 2000.0 / (0.7 * 1004.5 * 500.0), 1e-12);
    EXPECT_NEAR(thermophoreticVelocityMS(2000.0, 0.7, 500.0, 1004.5), 2.2214e-3, 1e-6);
    // Twice the flux, twice the drift; a wall hotter than the gas pushes soot away: none settles.
    EXPECT_NEAR(thermophoreticVelocityMS(4000.0, 0.7, 500.0, 1004.5), 2.0 * thermophoreticVelocityMS(2000.0, 0.7, 500.0, 1004.5), 1e-12);
    EXPECT_EQ(thermophoreticVelocityMS(-500.0, 0.7, 500.0, 1004.5), 0.0);
    EXPECT_EQ(thermophoreticVelocityMS(0.0, 0.7, 500.0, 1004.5), 0.0);
    EXPECT_EQ(thermophoreticVelocityMS(2000.0, 0.0, 500.0, 1004.5), 0.0);
}

TEST(SootDeposition, ASmokyRoomLosesSomeSootToItsCoolLiningsAndTheSootBalanceCloses) {
    FireModelDef def;
    RoomDef room;
    room.id = "room";
    room.sizeM = {6, 5, 3};
    def.rooms.push_back(room);
    FireDef f;
    f.id = "f";
    f.room = "room";
    f.positionM = {3, 2.5, 0};
    f.alphaKwS2 = 0.0469;
    f.peakHrrKw = 300;
    f.sootYield = 0.05;
    def.fires.push_back(f);
    FireModelDef off = def;
    off.sootDeposition = false;
    auto with = FireModel::create(def), without = FireModel::create(off);
    ASSERT_TRUE(with.ok() && without.ok());
    with->step(300.0);
    without->step(300.0);
    const ConservationTotals a = with->conservation(), b = without->conservation();
    EXPECT_GT(a.depositedKg, 0.0);
    EXPECT_EQ(b.depositedKg, 0.0);
    EXPECT_LT(a.gasSootKg, b.gasSootKg);
    // Sealed: every kilogram of soot made is in the gas or on the linings.
    EXPECT_NEAR(a.gasSootKg + a.depositedKg, a.sootProducedKg, 1e-9 * a.sootProducedKg);
    EXPECT_NEAR(b.gasSootKg, b.sootProducedKg, 1e-9 * b.sootProducedKg);
}
