// The heat release rate at which a room flashes over (its hot layer reaches 600 C), against the
// three hand methods of Karlsson & Quintiere, Enclosure Fire Dynamics (2000), ch. 6, and the
// SFPE Handbook (5th ed., ch. 30):
//  - MQH (McCaffrey, Quintiere & Harkleroad 1981) solved for the flashover rise dT = 580 K:
//    Q_fo = (580 / 6.85)^(3/2) (h_k A_T A_o sqrt(H_o))^(1/2), h_k as in the MQH verification
//    (sqrt(k rho c / t) before the thermal penetration time, k / delta after);
//  - Babrauskas (1980): Q_fo = 750 A_o sqrt(H_o);
//  - Thomas (1981): Q_fo = 7.8 A_T + 378 A_o sqrt(H_o).
// Q in kW, A_T the enclosing area less the opening (m^2), A_o and H_o the door's area and height.
// The three differ by up to a factor of two for one room (MQH lowest, Babrauskas's stoichiometric
// estimate highest). The model must fall inside their band (from 0.9 x the lowest to 1.1 x the
// highest), within 15 % of Thomas's, and, as all three do, need more fire for a bigger room and
// door. The fire: slow t-squared growth (0.00293 kW/s^2), so the layer stays near the steady
// state the hand methods assume.
// Measured (this build): 1184 / 1334 / 2252 kW at 636 / 675 / 877 s; model / MQH 1.52 / 1.50 /
// 1.40, / Thomas 0.99 / 1.02 / 0.98, / Babrauskas 0.70 / 0.79 / 0.82. Against MQH the model
// needs more fire here than its steady rooms suggest (at a steady 1 MW the ISO room's layer
// is at 652 C after 600 s, where MQH gives 704 C): with the fire still growing, the layer and
// the walls lag it by about a minute (with medium growth, 1.68-1.78 x MQH and 1.15-1.21 x Thomas).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "fire_fixture.h"

using namespace cd::fire;
using namespace cd::fire::test;

namespace {

struct Room {
    double w, d, h, doorW, doorH;
};

struct Flashover {
    double modelKw = -1, timeS = -1, mqhKw = 0, babrauskasKw = 0, thomasKw = 0;
};

Flashover flashoverOf(const Room& r) {
    FireModelDef def = singleRoom(r.w, r.d, r.h);
    builtinWallMaterial("gypsum", def.rooms[0].wall);
    def.openings.push_back(floorVent("room", r.doorW, r.doorH));
    FireDef f = centreFire(def, 20000, kAlphaSlow);
    f.areaM2 = 1.0;
    def.fires.push_back(f);
    FireModel model = makeModel(def);
    Flashover out;
    for (double t = 1; t <= 900 && out.modelKw < 0; t += 1) {
        model.step(1.0);
        if (model.roomState(0).upperTempC >= 600.0) {
            out.modelKw = model.fireState(0).hrrKw;
            out.timeS = t;
        }
    }
    const WallMaterial& m = def.rooms[0].wall;
    const double tp = m.densityKgM3 * m.specificHeatJKgK / m.conductivityWMK * std::pow(m.thicknessM / 2, 2);
    const double t = std::max(out.timeS, 1.0);
    const double hk = (t < tp ? std::sqrt(m.conductivityWMK * m.densityKgM3 * m.specificHeatJKgK / t)
                              : m.conductivityWMK / m.thicknessM) / 1000.0;
    const double at = 2 * r.w * r.d + 2 * (r.w + r.d) * r.h - r.doorW * r.doorH;
    const double ao = r.doorW * r.doorH * std::sqrt(r.doorH);
    out.mqhKw = std::pow(580.0 / 6.85, 1.5) * std::sqrt(hk * at * ao);
    out.babrauskasKw = 750.0 * ao;
    out.thomasKw = 7.8 * at + 378.0 * ao;
    return out;
}

}  // namespace

TEST(FlashoverHrr, ARoomFlashesOverWithinTheHandMethodsBandAndABiggerDoorNeedsMoreFire) {
    // The ISO 9705 room corner test room; K&Q's 3 x 4 x 2.5 m example room; a classroom-sized room.
    const Room rooms[] = {{3.6, 2.4, 2.4, 0.8, 2.0}, {3.0, 4.0, 2.5, 0.8, 2.0}, {5.0, 6.0, 2.7, 1.2, 2.1}};
    double previousKw = 0;
    for (const Room& r : rooms) {
        const Flashover fo = flashoverOf(r);
        ASSERT_GT(fo.modelKw, 0.0) << "no flashover within 15 min in the " << r.w << " x " << r.d << " m room";
        const double lo = std::min({fo.mqhKw, fo.babrauskasKw, fo.thomasKw});
        const double hi = std::max({fo.mqhKw, fo.babrauskasKw, fo.thomasKw});
        std::printf("%.1f x %.1f x %.1f m, door %.1f x %.1f m: flashover at %.0f s, %.0f kW; MQH %.0f, Thomas %.0f, "
                    "Babrauskas %.0f kW (model / MQH %.2f, / Thomas %.2f, / Babrauskas %.2f)\n",
                    r.w, r.d, r.h, r.doorW, r.doorH, fo.timeS, fo.modelKw, fo.mqhKw, fo.thomasKw, fo.babrauskasKw,
                    fo.modelKw / fo.mqhKw, fo.modelKw / fo.thomasKw, fo.modelKw / fo.babrauskasKw);
        EXPECT_GE(fo.modelKw, 0.9 * lo);
        EXPECT_LE(fo.modelKw, 1.1 * hi);
        EXPECT_NEAR(fo.modelKw, fo.thomasKw, 0.15 * fo.thomasKw);
        EXPECT_GT(fo.modelKw, previousKw) << "the rooms are in order of enclosing area and door (A_T 44, 57, 117 m^2; A_o sqrt(H_o) 2.26, 2.26, 3.65)";
        previousKw = fo.modelKw;
    }
}
