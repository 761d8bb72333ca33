// Forced ventilation: the hot-layer temperature of a room with a supply fan and a vent under
// its ceiling against Foote, Pagni & Alvares (Fire Safety Science 1, 1986; the FPA correlation
// NUREG-1805 ch. 2 gives and NIST codes in its FDTs.f90):
//     dT / T_a = 0.63 (Q / (m cp T_a))^0.72 (h_k A_T / (m cp))^-0.36,
// h_k = sqrt(k rho c / t) until the wall's thermal penetration time t_p = (rho c / k)(delta / 2)^2,
// k / delta after; m the ventilation's mass flow, A_T the room's inside surface. FPA fitted it
// to fires of 150-490 kW in a 6 x 4 x 4.5 m enclosure ventilated at 0.1-0.5 kg/s; the cases
// below stay in that range: 150, 300 and 490 kW, 0.3 and 0.48 kg/s, concrete and gypsum linings.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "fire_fixture.h"

using namespace cd::fire;
using namespace cd::fire::test;

namespace {

double fpaExcessK(double qKw, double mKgS, double hkKwM2K, double areaM2, double ambientK) {
    const double cp = 1.0;  // kJ/kg/K, as FDTs.f90
    return ambientK * 0.63 * std::pow(qKw / (mKgS * cp * ambientK), 0.72) * std::pow(hkKwM2K * areaM2 / (mKgS * cp), -0.36);
}

}  // namespace

TEST(ForcedVentilation, TheHotLayerIsWithinAQuarterOfFootePagniAndAlvares) {
    const double L = 6.0, W = 4.0, H = 4.5, areaT = 2 * (L * W + L * H + W * H);
    int cases = 0;
    double lowest = 10, highest = 0;
    for (const char* lining : {"concrete", "gypsum"}) {
        for (double q : {150.0, 300.0, 490.0}) {
            for (double flow : {0.25, 0.4}) {
                FireModelDef def = singleRoom(L, W, H);
                ASSERT_TRUE(builtinWallMaterial(lining, def.rooms[0].wall));
                const WallMaterial& wall = def.rooms[0].wall;
                OpeningDef vent = floorVent("room", 0.5, 0.3);
                vent.sillM = H - 0.3;  // under the ceiling
                def.openings.push_back(vent);
                FanDef fan;
                fan.to = "room";
                fan.toHeightM = 0.3;
                fan.flowM3S = flow;
                def.fans.push_back(fan);
                FireDef fire = centreFire(def, q, 1000.0);
                def.fires.push_back(fire);
                FireModel m = makeModel(def);
                const double ambientK = def.ambientTempC + 273.15;
                const double mKgS = flow * def.ambientPressurePa / (287.0 * ambientK);  // the fan moves outside air
                const double k = wall.conductivityWMK, rhoC = wall.densityKgM3 * wall.specificHeatJKgK;
                const double tp = rhoC / k * std::pow(0.5 * wall.thicknessM, 2);
                for (double t : {900.0, 1200.0}) {
                    m.advanceTo(t);
                    const double hk = (t < tp ? std::sqrt(k * rhoC / t) : k / wall.thicknessM) * 1e-3;
                    const double fpa = fpaExcessK(q, mKgS, hk, areaT, ambientK);
                    const double model = m.roomState(0).upperTempC - def.ambientTempC;
                    std::printf("%-8s %3.0f kW %.2f kg/s %4.0f s: layer %5.1f K over ambient, FPA %5.1f K (%.2f)\n", lining, q,
                                mKgS, t, model, fpa, model / fpa);
                    EXPECT_NEAR(model / fpa, 1.0, 0.25) << lining << " " << q << " kW " << flow << " m3/s " << t << " s";
                    lowest = std::min(lowest, model / fpa);
                    highest = std::max(highest, model / fpa);
                    ++cases;
                }
            }
        }
    }
    std::printf("%d cases: model / FPA %.2f-%.2f\n", cases, lowest, highest);
}
