// Random buildings (1-6 rooms, random openings, materials, fires from 10 kW to 30 MW, steps
// from 0.05 to 2 s, a door toggled mid-run): the state must stay finite and physical. This
// is how a door opened onto a sealed, pressurised fire room was found to break Newton's
// method (fixed by the line search and sub-step refusal in fire_model_step.cpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/rng.h"
#include "fire/fire_model.h"

using namespace cd::fire;

TEST(FireRobustness, RandomBuildingsStayFiniteAndPhysical) {
    cd::Rng rng(2026);
    const char* materials[] = {"gypsum", "concrete", "steel", "glass", "wood"};
    int checked = 0;
    for (int trial = 0; trial < 120; ++trial) {
        FireModelDef def;
        int n = 1 + static_cast<int>(rng.below(6));
        for (int i = 0; i < n; ++i) {
            RoomDef r;
            r.id = "r" + std::to_string(i);
            r.originM = {i * 12.0, 0, 0};
            r.sizeM = {rng.uniform(0.5, 10.5), rng.uniform(0.5, 10.5), rng.uniform(1.0, 9.0)};
            r.leakageAreaM2 = rng.uniform() < 0.3 ? rng.uniform(0.0, 0.05) : 0.0;
            builtinWallMaterial(materials[rng.below(5)], r.wall);
            def.rooms.push_back(r);
        }
        for (int i = 0; i < n; ++i) {
            int k = static_cast<int>(rng.below(3));
            for (int j = 0; j < k; ++j) {
                OpeningDef o;
                o.id = "o" + std::to_string(i) + "_" + std::to_string(j);
                o.roomA = def.rooms[i].id;
                int b = static_cast<int>(rng.below(n + 1));
                o.roomB = (b == n || b == i) ? kOutside : def.rooms[b].id;
                double hmax = std::min(def.rooms[i].sizeM.z, o.roomB == kOutside ? 1e9 : def.rooms[b].sizeM.z);
                o.heightM = rng.uniform(0.1, hmax);
                o.sillM = rng.uniform() * (hmax - o.heightM);
                o.widthM = rng.uniform(0.05, 3.0);
                o.open = rng.uniform() < 0.7;
                def.openings.push_back(o);
            }
        }
        int fires = 1 + static_cast<int>(rng.below(3));
        for (int f = 0; f < fires; ++f) {
            FireDef fd;
            fd.id = "f" + std::to_string(f);
            const RoomDef& r = def.rooms[rng.below(n)];
            fd.room = r.id;
            fd.positionM = {r.originM.x + r.sizeM.x / 2, r.sizeM.y / 2, rng.uniform() * r.sizeM.z * 0.5};
            fd.peakHrrKw = std::pow(10.0, rng.uniform(1.0, 4.5));
            fd.alphaKwS2 = std::pow(10.0, rng.uniform(-3.0, 1.0));
            fd.areaM2 = rng.uniform(0.1, 3.0);
            fd.fuelMassKg = rng.uniform() < 0.5 ? rng.uniform(0.0, 100.0) : 0.0;
            fd.sootYield = rng.uniform(0.0, 0.2);
            fd.coYield = rng.uniform(0.0, 0.2);
            def.fires.push_back(fd);
        }
        def.maxStepS = rng.uniform(0.05, 2.0);
        auto m = FireModel::create(def);
        ASSERT_TRUE(m) << m.error().str();
        for (int s = 0; s < 400; ++s) {
            m->step(1.0);
            if (s == 200 && m->openingCount() > 0) m->setOpeningOpen(0, !m->openingOpen(0));
        }
        for (int i = 0; i < m->roomCount(); ++i) {
            RoomState st = m->roomState(i);
            FireSample sm = m->sampleRoom(i, 1.0);
            ASSERT_TRUE(std::isfinite(st.upperTempC) && std::isfinite(st.lowerTempC) && std::isfinite(st.pressurePa))
                << "trial " << trial << " room " << i;
            EXPECT_GT(st.lowerTempC, -30.0) << "trial " << trial;
            EXPECT_LT(st.upperTempC, 2500.0) << "trial " << trial;
            EXPECT_GE(st.layerHeightM, -1e-9) << "trial " << trial;
            EXPECT_LE(st.layerHeightM, def.rooms[i].sizeM.z + 1e-9) << "trial " << trial;
            EXPECT_GE(sm.o2Pct, 0.0);
            EXPECT_LE(sm.o2Pct, 21.0);
            ++checked;
        }
    }
    EXPECT_GT(checked, 300);
}
