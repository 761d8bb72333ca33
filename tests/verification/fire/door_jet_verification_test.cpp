// Door-jet fires as CFAST burns them (CFAST Technical Reference Guide, NIST SP 1889v1, "Door jet
// fires" and "Wall vents"; fire.f90 door_jet_fire, hflow.f90 poreh_plume): the unburnt fuel in a
// hot outflow burns with the air its spill plume entrains rising through the receiving room's
// lower layer, Poreh et al., Fire Safety Journal 30:1-19 (1998):
//   m_e = 0.44 (T_l/T_u)^(2/3) (g rho_l^2 / (c_p T_l))^(1/3) (c_p (T_u - T_l) m)^(1/3) w^(2/3) z
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "fire/fire_model.h"
#include "fire/spill_plume.h"

using namespace cd::fire;

TEST(SpillPlume, EntrainmentMatchesTheHandValueOfPorehsCorrelation) {
    // m = 1 kg/s at 600 K through a 0.9 m door, rising 1.5 m through air at 293.15 K, 1.2 kg/m3,
    // c_p = 1000 J/kg/K, g = 9.80665 m/s2:
    //   (T_l/T_u)^(2/3) = 0.488583^(2/3) = 0.620334
    //   (g rho^2 / (c_p T_l))^(1/3) = (9.80665 x 1.44 / 293150)^(1/3) = (4.81718e-5)^(1/3) = 0.0363857
    //   (c_p (T_u - T_l) m)^(1/3) = 306850^(1/3) = 67.4490;  w^(2/3) = 0.932170
    //   m_e = 0.44 x 0.620334 x 0.0363857 x 67.4490 x 0.932170 x 1.5 = 0.93664 kg/s
    // and for 0.2 kg/s, 0.93664 x 0.2^(1/3) = 0.54775 kg/s. Tolerance 0.1 %.
    EXPECT_NEAR(spillPlumeEntrainmentKgS(1.0, 600.0, 293.15, 1.2, 0.9, 1.5, 1000.0), 0.93664, 0.001 * 0.93664);
    EXPECT_NEAR(spillPlumeEntrainmentKgS(0.2, 600.0, 293.15, 1.2, 0.9, 1.5, 1000.0), 0.54775, 0.001 * 0.54775);
    // Linear in the rise, none without one, none from a jet no hotter than the air it enters.
    EXPECT_NEAR(spillPlumeEntrainmentKgS(1.0, 600.0, 293.15, 1.2, 0.9, 3.0, 1000.0), 2 * 0.93664, 0.002 * 0.93664);
    EXPECT_EQ(spillPlumeEntrainmentKgS(1.0, 600.0, 293.15, 1.2, 0.9, 0.0, 1000.0), 0.0);
    EXPECT_EQ(spillPlumeEntrainmentKgS(1.0, 293.15, 293.15, 1.2, 0.9, 1.5, 1000.0), 0.0);
}

namespace {

// A 4 x 4 x 2.5 m room with only a crack to outside and a t-squared fire, which starves it; its
// door (0.9 x 2 m) to a 6 x 4 m hall, which has an exit to outside, opens at openS.
FireModelDef starvedRoomAndHall(double openS, double peakKw, double alpha) {
    FireModelDef def;
    RoomDef a;
    a.id = "fireroom";
    a.sizeM = {4, 4, 2.5};
    a.leakageAreaM2 = 0.005;
    RoomDef b = a;
    b.id = "hall";
    b.originM = {4, 0, 0};
    b.sizeM = {6, 4, 2.5};
    b.leakageAreaM2 = 0;
    def.rooms = {a, b};
    OpeningDef door;
    door.id = "door";
    door.roomA = "fireroom";
    door.roomB = "hall";
    door.widthM = 0.9;
    door.heightM = 2.0;
    door.open = false;
    door.openAtS = openS;
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
    f.alphaKwS2 = alpha;
    f.peakHrrKw = peakKw;
    def.fires.push_back(f);
    return def;
}

// After the door of the starved room opens, the hall's door-jet heat release is the lesser of the
// fuel the jet carries (Y_fuel m dHc) and what the entrained air can burn (m_e Y_O2 x 13 100 kJ
// per kg O2, Huggett: the default fuel's oxygen need is set by its dHc), computed here from the
// layers and flows the model reports. Returns how many checks were fuel- and air-limited.
// Tolerance 3 % (the jet uses the layers at the start of its last 0.02 s sub-step; O2 volume to
// mass fraction at the molar mass of air); measured within 0.5 %.
void checkJetAgainstItsFuelAndAir(FireModel& m, double openS, int& fuelLimited, int& airLimited) {
    m.step(openS);
    fuelLimited = airLimited = 0;
    for (int s = 0; s < 120; ++s) {  // 42 s
        m.step(0.25);
        for (int k = 0; k < 5; ++k) m.step(0.02);
        RoomState src = m.roomState(0), dst = m.roomState(1);
        if (dst.doorJetHrrKw <= 0) continue;
        double jet = m.openingMassFlowKgS(0, true);
        double tu = src.upperTempC + 273.15, tl = dst.lowerTempC + 273.15;
        double rise = dst.layerHeightM - std::max(0.0, src.layerHeightM);  // from the outflow up to the hall's layer
        double air = spillPlumeEntrainmentKgS(jet, tu, tl, 353.05 / tl, 0.9, rise, 1004.5);
        double yO2 = dst.lowerO2Pct / 100.0 * 32.0 / 28.96;
        double byFuel = src.upperFuelMassFraction * jet * 20000.0;  // kW
        double byAir = air * yO2 * 13100.0;                         // kW
        double expected = std::min(byFuel, byAir);
        EXPECT_NEAR(dst.doorJetHrrKw, expected, 0.03 * expected) << "t " << m.timeS();
        (byFuel < byAir ? fuelLimited : airLimited) += 1;
    }
}

}  // namespace

TEST(DoorJetFire, ALeanJetBurnsAllTheFuelItCarries) {
    // 1.5 MW fast fire, door opened at 120 s: 2 % unburnt fuel in the outflow.
    auto m = FireModel::create(starvedRoomAndHall(120, 1500, kAlphaFast));
    ASSERT_TRUE(m) << m.error().str();
    int fuelLimited, airLimited;
    checkJetAgainstItsFuelAndAir(*m, 120, fuelLimited, airLimited);
    EXPECT_GT(fuelLimited, 20);
}

TEST(DoorJetFire, AFuelRichJetBurnsWhatItsSpillPlumesAirAllows) {
    // 3 MW ultrafast fire, door opened at 240 s: some 40 % unburnt fuel in the outflow, far more
    // than the air its spill plume gathers can burn.
    auto m = FireModel::create(starvedRoomAndHall(240, 3000, kAlphaUltrafast));
    ASSERT_TRUE(m) << m.error().str();
    int fuelLimited, airLimited;
    checkJetAgainstItsFuelAndAir(*m, 240, fuelLimited, airLimited);
    EXPECT_GT(airLimited, 20);
}
