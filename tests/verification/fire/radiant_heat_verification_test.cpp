// Radiant heat on a person: the dose (Purser's time to severe skin pain above ISO 13571's
// 2.5 kW/m2; turnout gear's NFPA 1971 TPP), the flames as a point source (Modak) and the hot
// layer's radiation (the model's floor flux) in the sample a person's dose is taken from.
// Hand values of the published equations; tolerances are the time step's (0.01 s) and round-off.
#include <gtest/gtest.h>

#include <cmath>

#include "fire/fed_accumulator.h"
#include "fire/plume.h"
#include "fire/radiant_heat.h"
#include "fire_fixture.h"

using namespace cd::fire;

namespace {

FireSample radiation(double fluxKwM2, double airC = 20.0) {
    FireSample s;
    s.temperatureC = airC;
    s.radiantFluxKwM2 = fluxKwM2;
    return s;
}

// Seconds of a constant exposure until the dose reaches 1 (0.01 s steps); -1 if not in maxS.
double secondsToOne(const FireSample& s, Protection p = {}, double maxS = 3600.0) {
    FedAccumulator fed;
    for (int i = 1; i <= static_cast<int>(maxS * 100); ++i)
        if (fed.accumulate(s, 0.01, p).reached10) return i * 0.01;
    return -1.0;
}

}  // namespace

// Purser (SFPE Handbook 5th ed. ch. 63): t = 1.33 q^-1.33 min to severe skin pain; at 10 kW/m2
// that is 3.73 s, which PD 7974-6 tabulates as "about 4 s".
TEST(RadiantDose, TenKilowattsPerSquareMetreTakesAPersonInAboutFourSeconds) {
    const double purserS = 60.0 * 1.33 / std::pow(10.0, 1.33);
    EXPECT_NEAR(purserS, 3.73, 0.01);
    EXPECT_NEAR(secondsToOne(radiation(10.0)), purserS, 0.011);
    EXPECT_NEAR(secondsToOne(radiation(10.0)), 4.0, 0.4);
    // 20 kW/m2, the floor of a room at flashover: 1.5 s.
    EXPECT_NEAR(secondsToOne(radiation(20.0)), 60.0 * 1.33 / std::pow(20.0, 1.33), 0.011);
}

// ISO 13571:2012: below 2.5 kW/m2 a person tolerates radiation for many minutes; no dose.
TEST(RadiantDose, AtTheIsoLimitNothingIsCountedAndJustAboveItIsPursers) {
    FedAccumulator fed;
    for (int i = 0; i < 30 * 60; ++i) fed.accumulate(radiation(2.5), 1.0);
    EXPECT_EQ(fed.fed(), 0.0);
    EXPECT_NEAR(secondsToOne(radiation(2.6)), 60.0 * 1.33 / std::pow(2.6, 1.33), 0.011);  // 22.3 s
}

// ISO 13571:2012: the heat fractions add, sum (1/t_Iconv + 1/t_Irad) dt.
TEST(RadiantDose, ConvectedAndRadiantHeatAdd) {
    const double tConvMin = 5e7 * std::pow(100.0, -3.4);  // 7.92 min in 100 C air
    const double tRadMin = 1.33 / std::pow(5.0, 1.33);    // 0.156 min at 5 kW/m2
    FedAccumulator fed;
    for (int i = 0; i < 600; ++i) fed.accumulate(radiation(5.0, 100.0), 0.01);  // 6 s
    EXPECT_NEAR(fed.heatFed(), 0.1 * (1.0 / tConvMin + 1.0 / tRadMin), 1e-9);
    EXPECT_NEAR(fed.fed(), fed.heatFed(), 1e-12);
}

// NFPA 1971: a structural garment's TPP is at least 35 cal/cm2, measured at 2 cal/cm2/s
// (83.7 kW/m2): 17.5 s to a second-degree burn behind it. The gear counts no convected heat.
TEST(RadiantDose, TurnoutGearTakesItsTppAndNoConvectedHeat) {
    const Protection gear{false, true};
    EXPECT_NEAR(FedAccumulator::kTurnoutGearTppKjM2, 1464.4, 0.05);
    EXPECT_NEAR(secondsToOne(radiation(2.0 * 41.84), gear), 17.5, 0.011);
    EXPECT_NEAR(secondsToOne(radiation(10.0), gear), 146.44, 0.011);
    EXPECT_EQ(secondsToOne(radiation(2.5, 300.0), gear, 600.0), -1.0);
    // Bare, the same 10 kW/m2 takes 3.7 s: the gear buys about forty times the time.
    EXPECT_GT(secondsToOne(radiation(10.0), gear) / secondsToOne(radiation(10.0)), 35.0);
}

// Modak's point source (SFPE Handbook 5th ed. ch. 66): chi_r Q cos(theta) / (4 pi R^2), R to the
// flame's centre. 1 MW, chi_r 0.35, at the centre's height 3 m away: 3.09 kW/m2.
TEST(FlameRadiation, APointSourceAtHalfTheFlameHeight) {
    const Point3 base{0.0, 0.0, 0.0};
    const double flame = 2.0;
    EXPECT_NEAR(flameFluxKwM2(1000.0, 0.35, base, flame, 1.0, {3.0, 0.0, 1.0}), 350.0 / (4.0 * M_PI * 9.0), 1e-9);
    // 4 m away in plan, 3 m below the flame's centre: R = 5 m, cos = 0.8.
    EXPECT_NEAR(flameFluxKwM2(1000.0, 0.35, base, flame, 1.0, {0.0, 4.0, -2.0}), 350.0 * 0.8 / (4.0 * M_PI * 25.0), 1e-9);
    // Inside the fire's radius the point source is held at its value there (0.5 m for D = 1 m).
    EXPECT_NEAR(flameFluxKwM2(1000.0, 0.35, base, flame, 1.0, {0.1, 0.0, 1.0}), 350.0 / (4.0 * M_PI * 0.25), 1e-9);
    EXPECT_EQ(flameFluxKwM2(0.0, 0.35, base, flame, 1.0, {3.0, 0.0, 1.0}), 0.0);
}

// In the model: a person's sample carries the room's floor flux (the layer and the ceiling seen
// through it) plus the flames of the room's fires; sampleRoom, without a plan position, the
// layer's part; next door, behind the wall, none of the flames.
TEST(FlameRadiation, TheModelsSampleAddsTheFlamesToTheLayersRadiation) {
    FireModelDef def = test::singleRoom(8.0, 8.0, 3.0);
    RoomDef next;
    next.id = "next";
    next.originM = {8.0, 0.0, 0.0};
    next.sizeM = {4.0, 8.0, 3.0};
    def.rooms.push_back(next);
    OpeningDef door;
    door.id = "door";
    door.roomA = "room";
    door.roomB = "outside";
    door.widthM = 1.0;
    door.heightM = 2.0;
    def.openings.push_back(door);
    FireDef f = test::centreFire(def, 1000.0, 1.0);  // at its peak from 32 s
    f.areaM2 = 1.0;
    def.fires.push_back(f);
    FireModel m = test::makeModel(def);
    m.advanceTo(120.0);
    const RoomState room = m.roomState(0);
    ASSERT_GT(room.floorFluxKwM2, 0.5) << "a 1 MW fire's layer radiates after two minutes";
    const FireState fire = m.fireState(0);
    const double d = equivalentDiameterM(1.0);
    const double flame = heskestadFlameHeightM(fire.hrrKw, d);
    const Point3 person{1.0, 4.0, 1.0};
    const double flames = flameFluxKwM2(fire.hrrKw, f.radiativeFraction, f.positionM, flame, d, person);
    // The layer seen from 1 m up: the 8 x 8 m plane at the interface, d = interface - 1 m below it.
    const double d8 = room.layerHeightM - 1.0;
    const double x = 4.0 / d8, ax = std::sqrt(1.0 + x * x);
    const double view = d8 > 0.0 ? 2.0 / M_PI * 2.0 * x / ax * std::atan(x / ax) : 1.0;
    const double layer = room.floorFluxKwM2 * view;
    EXPECT_NEAR(m.sample(person).radiantFluxKwM2, layer + flames, 1e-9 * (layer + flames));
    EXPECT_NEAR(m.sampleRoom(0, 1.0).radiantFluxKwM2, layer, 1e-12);
    EXPECT_NEAR(m.sample({10.0, 4.0, 1.0}).radiantFluxKwM2, m.sampleRoom(1, 1.0).radiantFluxKwM2, 1e-12);
    // Inside the layer, all of it; at 0.2 m, under the interface, its view factor's share.
    EXPECT_NEAR(m.sampleRoom(0, 2.9).radiantFluxKwM2, room.floorFluxKwM2, 1e-12);
    ASSERT_GT(room.layerHeightM, 0.4);
    const double dLow = room.layerHeightM - 0.2, xl = 4.0 / dLow, axl = std::sqrt(1.0 + xl * xl);
    const double viewLow = 2.0 / M_PI * 2.0 * xl / axl * std::atan(xl / axl);
    EXPECT_LT(viewLow, 0.99);  // under the 8 x 8 m plane from 0.63 m: 0.98
    EXPECT_NEAR(m.sampleRoom(0, 0.2).radiantFluxKwM2, room.floorFluxKwM2 * viewLow, 1e-12);
    // A point sample off the centre sees the layer from where it is: by the wall, 0.2 m up, with
    // no fire's flames added (the fire is in the middle; the flames' part is subtracted).
    const Point3 byWall{0.3, 4.0, 0.2};
    const double wallView = viewFactorToParallelRectangle(0.0, 8.0, 0.0, 8.0, 0.3, 4.0, dLow);
    const double wallFlames = flameFluxKwM2(fire.hrrKw, f.radiativeFraction, f.positionM, flame, d, byWall);
    EXPECT_LT(wallView, viewLow);
    EXPECT_NEAR(m.sample(byWall).radiantFluxKwM2, room.floorFluxKwM2 * wallView + wallFlames, 1e-9);
    // A known room with a plan position (a session's sample) gives the layer's part from there.
    EXPECT_NEAR(m.sampleRoom(0, 0.3, 4.0, 0.2).radiantFluxKwM2, room.floorFluxKwM2 * wallView, 1e-12);
    std::printf("1 MW at 120 s: layer %.0f C down to %.2f m, floor flux %.2f kW/m2 (%.2f of it 1 m up), flames at 3 m"
                " %.2f kW/m2\n", room.upperTempC, room.layerHeightM, room.floorFluxKwM2, view, flames);
}

// The view factor from a point below the centre of a parallel rectangle (four corner rectangles):
// a unit square seen from 0.5 m, X = Y = 1: (4 / pi) (1 / sqrt 2) atan(1 / sqrt 2) = 0.5541; on
// the plane 1; far below it tends to A / (pi d^2).
TEST(LayerRadiation, TheViewFactorOfTheLayerOverhead) {
    EXPECT_NEAR(viewFactorToParallelRectangle(1.0, 1.0, 0.5), 4.0 / M_PI / std::sqrt(2.0) * std::atan(1.0 / std::sqrt(2.0)), 1e-12);
    EXPECT_NEAR(viewFactorToParallelRectangle(1.0, 1.0, 0.5), 0.5541, 1e-4);
    EXPECT_EQ(viewFactorToParallelRectangle(4.0, 6.0, 0.0), 1.0);
    EXPECT_NEAR(viewFactorToParallelRectangle(3.0, 6.0, 100.0), 18.0 / (M_PI * 1e4), 1e-3 * 18.0 / (M_PI * 1e4));
    EXPECT_NEAR(viewFactorToParallelRectangle(4.0, 6.0, 0.01), 1.0, 0.01);
    // Off the centre: the four corner rectangles. At the centre, the centred formula; under a
    // corner of a 2 x 2 m rectangle, a quarter of a 4 x 4 m one's centre value; under the middle
    // of an edge of a long rectangle, half its centre value; clamped into the footprint.
    EXPECT_NEAR(viewFactorToParallelRectangle(0.0, 4.0, 0.0, 6.0, 2.0, 3.0, 1.5), viewFactorToParallelRectangle(4.0, 6.0, 1.5), 1e-12);
    EXPECT_NEAR(viewFactorToParallelRectangle(0.0, 2.0, 0.0, 2.0, 0.0, 0.0, 0.7), 0.25 * viewFactorToParallelRectangle(4.0, 4.0, 0.7),
                1e-12);
    EXPECT_NEAR(viewFactorToParallelRectangle(0.0, 100.0, 0.0, 8.0, 50.0, 0.0, 1.0), 0.5 * viewFactorToParallelRectangle(100.0, 16.0, 1.0),
                1e-12);
    EXPECT_EQ(viewFactorToParallelRectangle(0.0, 4.0, 0.0, 6.0, -3.0, -3.0, 1.0), viewFactorToParallelRectangle(0.0, 4.0, 0.0, 6.0, 0.0, 0.0, 1.0));
}
