// Ceiling-jet convection (Cooper, as CFAST's ceilht): the forced convection a fire's ceiling
// jet adds to the ceiling and upper walls of its room.
#include <gtest/gtest.h>

#include "fire/ceiling_jet_convection.h"

using namespace cd::fire;

namespace {

// A 4 x 4 x 2.5 m room, fire on the floor in the middle, a 1 m deep layer at 150 C over 20 C.
CeilingJetConvectionInput room(double hrrKw) {
    CeilingJetConvectionInput in;
    in.convectiveW = 0.65 * hrrKw * 1e3;
    in.plumeKgS = 0.8;
    in.fireXM = 2, in.fireYM = 2, in.fireZM = 0;
    in.roomXM = 4, in.roomYM = 4, in.ceilingZM = 2.5;
    in.interfaceZM = 1.5;
    in.lowerK = 293.15, in.upperK = 423.15;
    in.lowerRhoKgM3 = 1.2, in.upperRhoKgM3 = 353.0 / 423.15;
    return in;
}

}  // namespace

TEST(CeilingJetConvection, AFireDrivesAJetHotterThanTheLayerOntoCeilingAndUpperWalls) {
    CeilingJetConvection cj = cooperCeilingJetConvection(room(300));
    EXPECT_GT(cj.ceilingHWM2K, 3.0);
    EXPECT_LT(cj.ceilingHWM2K, 100.0);
    EXPECT_GT(cj.upperWallHWM2K, 1.0);
    EXPECT_GT(cj.ceilingGasK, 423.15 + 10.0);
    EXPECT_GT(cj.upperWallGasK, 423.15);
    // The ceiling, closer to the impingement point, sees a hotter jet than the walls.
    EXPECT_GT(cj.ceilingGasK, cj.upperWallGasK);
}

TEST(CeilingJetConvection, ABiggerFireGivesAStrongerAndHotterJet) {
    CeilingJetConvection small = cooperCeilingJetConvection(room(100));
    CeilingJetConvection big = cooperCeilingJetConvection(room(1000));
    EXPECT_GT(big.ceilingHWM2K, small.ceilingHWM2K);
    EXPECT_GT(big.ceilingGasK, small.ceilingGasK);
    EXPECT_GT(big.upperWallHWM2K, small.upperWallHWM2K);
}

TEST(CeilingJetConvection, NoFireOrAPlumeThatCannotPenetrateTheLayerGivesNoJet) {
    CeilingJetConvection none = cooperCeilingJetConvection(room(0));
    EXPECT_EQ(none.ceilingHWM2K, 0.0);
    EXPECT_EQ(none.upperWallHWM2K, 0.0);
    // A weak plume carrying much air into a very hot layer is colder than the layer at the
    // interface: Cooper's continuation source has no strength (sigma <= 0).
    CeilingJetConvectionInput in = room(5);
    in.plumeKgS = 2.0;
    in.upperK = 900;
    in.upperRhoKgM3 = 353.0 / 900;
    CeilingJetConvection weak = cooperCeilingJetConvection(in);
    EXPECT_EQ(weak.ceilingHWM2K, 0.0);
    EXPECT_EQ(weak.ceilingGasK, 900.0);
}

TEST(CeilingJetConvection, AFireBurningAtTheCeilingHasNoJet) {
    CeilingJetConvectionInput in = room(300);
    in.fireZM = 2.5;
    in.interfaceZM = 1.0;
    EXPECT_EQ(cooperCeilingJetConvection(in).ceilingHWM2K, 0.0);
}

TEST(CeilingJetConvection, AFireInTheUpperLayerUsesItsOwnHeightAndTheLayerGas) {
    CeilingJetConvectionInput in = room(300);
    in.fireZM = 1.8;  // above the 1.5 m interface: 0.7 m below the ceiling
    in.plumeKgS = 0;
    CeilingJetConvection high = cooperCeilingJetConvection(in);
    CeilingJetConvection low = cooperCeilingJetConvection(room(300));
    EXPECT_GT(high.ceilingGasK, low.ceilingGasK);  // a shorter plume: a hotter jet
}
