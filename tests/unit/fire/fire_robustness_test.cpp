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

// The same for stacked storeys joined by ceiling vents (some unstable: hot under cold), with
// roof vents, random fans (supply, exhaust, room to room) and door jets between neighbours.
TEST(FireRobustness, RandomStacksWithCeilingVentsAndFansStayFiniteAndConserveMass) {
    cd::Rng rng(1729);
    int checked = 0;
    for (int trial = 0; trial < 60; ++trial) {
        FireModelDef def;
        int storeys = 1 + static_cast<int>(rng.below(4));
        double z = 0;
        for (int i = 0; i < storeys; ++i) {
            RoomDef r;
            r.id = "s" + std::to_string(i);
            r.originM = {0, 0, z};
            r.sizeM = {rng.uniform(2.0, 12.0), rng.uniform(2.0, 12.0), rng.uniform(2.0, 6.0)};
            r.leakageAreaM2 = rng.uniform() < 0.3 ? rng.uniform(0.0, 0.05) : 0.0;
            z += r.sizeM.z;
            def.rooms.push_back(r);
            RoomDef side = r;  // a neighbour on the same storey, for door jets
            side.id = "n" + std::to_string(i);
            side.originM = {20, 0, r.originM.z};
            def.rooms.push_back(side);
            OpeningDef door;
            door.id = "d" + std::to_string(i);
            door.roomA = r.id;
            door.roomB = side.id;
            door.widthM = rng.uniform(0.3, 2.0);
            door.heightM = rng.uniform(0.5, r.sizeM.z);
            door.open = rng.uniform() < 0.6;
            def.openings.push_back(door);
            OpeningDef window = door;
            window.id = "w" + std::to_string(i);
            window.roomA = side.id;
            window.roomB = kOutside;
            window.open = rng.uniform() < 0.7;
            def.openings.push_back(window);
        }
        for (int i = 0; i < storeys; ++i) {
            const RoomDef& below = def.rooms[2 * i];
            OpeningDef v;
            v.id = "v" + std::to_string(i);
            v.kind = OpeningKind::Ceiling;
            v.roomA = below.id;
            bool roof = i + 1 == storeys;
            if (roof && rng.uniform() < 0.4) continue;
            v.roomB = roof ? kOutside : def.rooms[2 * (i + 1)].id;
            double maxArea = below.sizeM.x * below.sizeM.y;
            if (!roof) maxArea = std::min(maxArea, def.rooms[2 * (i + 1)].sizeM.x * def.rooms[2 * (i + 1)].sizeM.y);
            v.areaM2 = rng.uniform(0.05, std::min(4.0, maxArea));
            v.shape = rng.uniform() < 0.5 ? VentShape::Round : VentShape::Square;
            v.dischargeCoeff = 0.68;
            v.open = rng.uniform() < 0.8;
            def.openings.push_back(v);
        }
        int fans = static_cast<int>(rng.below(3));
        for (int k = 0; k < fans; ++k) {
            FanDef fan;
            fan.id = "f" + std::to_string(k);
            int a = static_cast<int>(rng.below(def.rooms.size() + 1)) - 1;  // -1: outside
            int b = static_cast<int>(rng.below(def.rooms.size() + 1)) - 1;
            if (a == b) b = -1;
            if (a == b) continue;
            fan.from = a >= 0 ? def.rooms[a].id : kOutside;
            fan.to = b >= 0 ? def.rooms[b].id : kOutside;
            if (a >= 0) fan.fromHeightM = rng.uniform() * def.rooms[a].sizeM.z;
            if (b >= 0) fan.toHeightM = rng.uniform() * def.rooms[b].sizeM.z;
            fan.flowM3S = std::pow(10.0, rng.uniform(-1.0, 1.3));
            def.fans.push_back(fan);
        }
        int fires = 1 + static_cast<int>(rng.below(2));
        for (int f = 0; f < fires; ++f) {
            FireDef fd;
            fd.id = "fire" + std::to_string(f);
            const RoomDef& r = def.rooms[rng.below(def.rooms.size())];
            fd.room = r.id;
            fd.positionM = {r.originM.x + r.sizeM.x / 2, r.sizeM.y / 2, r.originM.z};
            fd.peakHrrKw = std::pow(10.0, rng.uniform(1.5, 4.0));
            fd.alphaKwS2 = std::pow(10.0, rng.uniform(-2.0, 0.5));
            fd.areaM2 = rng.uniform(0.2, 3.0);
            fd.sootYield = rng.uniform(0.0, 0.1);
            def.fires.push_back(fd);
        }
        def.maxStepS = rng.uniform(0.1, 1.0);
        auto m = FireModel::create(def);
        ASSERT_TRUE(m) << "trial " << trial << ": " << m.error().str();
        ConservationTotals start = m->conservation();
        for (int s = 0; s < 300; ++s) {
            m->step(1.0);
            if (s == 150) {
                m->setOpeningOpen(static_cast<int>(rng.below(m->openingCount())), rng.uniform() < 0.5);
                if (m->fanCount() > 0) m->setFanOn(0, !m->fanOn(0));
            }
        }
        ConservationTotals end = m->conservation();
        EXPECT_NEAR(end.gasMassKg - start.gasMassKg, end.fuelAddedKg - end.netMassOutKg - end.depositedKg, 1e-8 * end.gasMassKg)
            << "trial " << trial;
        for (int i = 0; i < m->roomCount(); ++i) {
            RoomState st = m->roomState(i);
            ASSERT_TRUE(std::isfinite(st.upperTempC) && std::isfinite(st.lowerTempC) && std::isfinite(st.pressurePa))
                << "trial " << trial << " room " << i;
            EXPECT_GT(st.lowerTempC, -30.0) << "trial " << trial;
            EXPECT_LT(st.upperTempC, 2500.0) << "trial " << trial;
            EXPECT_GE(st.layerHeightM, -1e-9) << "trial " << trial;
            EXPECT_LE(st.layerHeightM, def.rooms[i].sizeM.z + 1e-9) << "trial " << trial;
            ++checked;
        }
    }
    EXPECT_GT(checked, 200);
}
