// Ceiling vents and fans against closed forms:
//  - a supply fan pressurising a room that vents through its roof: at steady state the fan's
//    mass flow leaves through the vent, so the room pressure at the ceiling is the orifice
//    equation's dp = (m / (Cd A))^2 / (2 rho) (Cooper 1998, as in CFAST, Cd = 0.68);
//  - an exhaust fan drawing from the smoke layer (NFPA 92 (2021) sec. 5.6 / Klote & Milke,
//    Principles of Smoke Management, ch. 10): the layer settles where the plume brings as much
//    mass as the fan removes. With adiabatic walls and a fully convective fire the layer's mass
//    and energy balances give m_plume(z) = rho_a V - m_fuel - Q / (cp T_a) exactly (ideal gas,
//    one pressure), with the Heskestad plume of plume.h;
//  - a fire in a shut room that leaks at its floor: at constant pressure the gas cannot store
//    the heat it takes, so it leaves at the volume flow (gamma - 1) / (gamma p) x the heat (the
//    pressure equation of CFAST's TRG ch. 3 at steady state; ideal gas, rho T = p / R), through
//    the leak at the orifice pressure. With every kW into the gas this is the compartment
//    over-pressure NIST's FDTs.f90 integrates (its DB model), dp = (rho_a / 2) (Q / (rho_a cp
//    T_a Cd A))^2;
//  - mass and energy conservation with ceiling vents between storeys and fans.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "fire/plume.h"
#include "fire_fixture.h"

using namespace cd::fire;
using namespace cd::fire::test;

namespace {

constexpr double kCpAir = 1004.5;
constexpr double kR = kCpAir * 0.4 / 1.4;

// Walls that neither store nor conduct heat: the layer keeps all the fire's convective heat.
WallMaterial adiabaticWall() {
    WallMaterial w;
    w.name = "adiabatic";
    w.conductivityWMK = 1e-9;
    w.densityKgM3 = 1e-3;
    w.specificHeatJKgK = 1e-3;
    w.thicknessM = 0.01;
    return w;
}

}  // namespace

TEST(RoofVent, SupplyFanPressureMatchesTheOrificeEquation) {
    for (double flow : {1.0, 3.0}) {
        for (double areaM2 : {0.25, 1.0}) {
            FireModelDef def = singleRoom(10, 10, 5);
            OpeningDef v;
            v.id = "roof";
            v.roomA = "room";
            v.kind = OpeningKind::Ceiling;
            v.areaM2 = areaM2;
            v.dischargeCoeff = 0.68;
            def.openings.push_back(v);
            FanDef fan;
            fan.id = "supply";
            fan.to = "room";
            fan.toHeightM = 1.0;
            fan.flowM3S = flow;
            fan.cutoffStartPa = 1e4;  // well above the pressures here: constant flow
            fan.cutoffEndPa = 2e4;
            def.fans.push_back(fan);
            FireModel m = makeModel(def);
            m.step(120.0);
            double rho = 101325.0 / (kR * 293.15);
            double mdot = rho * flow;
            double dp = std::pow(mdot / (0.68 * areaM2), 2) / (2.0 * rho);
            // Isothermal air: the ceiling pressure excess is the floor's.
            double got = m.roomState(0).pressurePa;
            EXPECT_NEAR(got, dp, 0.01 * dp) << "flow " << flow << " area " << areaM2;
            EXPECT_NEAR(m.openingMassFlowKgS(0, true), mdot, 1e-3 * mdot);
            EXPECT_EQ(m.openingMassFlowKgS(0, false), 0.0);  // one way: no exchange
            std::printf("roof vent A %.2f m2, supply %.1f m3/s: dp %.3f Pa (orifice %.3f)\n", areaM2, flow, got, dp);
        }
    }
}

// 50, 100 and 300 kW, all convective, in a 6 x 6 x 3 m room with adiabatic walls and a 0.5 x 0.1 m
// slot at its floor (Cd 0.7). Read at 20 s, settled (the pressure's time constant is under a
// second through this slot; through a 0.1 x 0.1 m one it is 13 s at 300 kW and 6.5 kPa) and
// before the layer reaches the slot (the gas leaving is ambient air). The model against the
// expansion of the heat it reports taking (1 %), and against the closed form from the fire's
// own HRR, the fuel's own volume added (3 %: what the adiabatic walls still take as they warm).
TEST(LeakyRoom, AFiresExpansionPushesOutThroughTheLeakAtTheOrificePressure) {
    for (double q : {50.0, 100.0, 300.0}) {
        FireModelDef def = singleRoom(6, 6, 3);
        def.rooms[0].wall = adiabaticWall();
        def.openings.push_back(floorVent("room", 0.5, 0.1));
        FireDef f = centreFire(def, q, 1.0);
        f.hrrTable = {{0, q}, {1000, q}};
        f.radiativeFraction = 0.0;
        def.fires.push_back(f);
        FireModel m = makeModel(def);
        m.advanceTo(19.0);
        const ConservationTotals before = m.conservation();
        m.advanceTo(20.0);
        const ConservationTotals after = m.conservation();
        const RoomState room = m.roomState(0);
        ASSERT_GT(room.layerHeightM, 0.3) << q << " kW: the layer must still be above the slot";
        const double ambientK = def.ambientTempC + 273.15, p0 = def.ambientPressurePa, rhoA = p0 / (kR * ambientK);
        const double gasW = (after.heatIntoGasJ - before.heatIntoGasJ) / 1.0;
        const double fuelKgS = (after.fuelAddedKg - before.fuelAddedKg) / 1.0;
        auto orifice = [&](double volumeM3S) { return 0.5 * rhoA * std::pow(volumeM3S / (0.7 * 0.05), 2); };
        const double expansionPa = orifice(gasW * 0.4 / (1.4 * p0));
        const double closedFormPa = orifice((q * 1e3 / (kCpAir * ambientK) + fuelKgS) / rhoA);
        std::printf("%3.0f kW: floor %.1f Pa over ambient; expansion of the %.1f kW into the gas %.1f Pa, closed form %.1f Pa\n", q,
                    room.pressurePa, gasW * 1e-3, expansionPa, closedFormPa);
        EXPECT_NEAR(room.pressurePa, expansionPa, 0.01 * expansionPa) << q;
        EXPECT_NEAR(room.pressurePa, closedFormPa, 0.03 * closedFormPa) << q;
    }
}

TEST(ExhaustFan, SteadyLayerHeightBalancesPlumeAndExhaustMassFlows) {
    struct Case {
        double q, flow;
    };
    for (Case c : {Case{500, 8}, Case{500, 15}, Case{1000, 15}, Case{1000, 25}, Case{2500, 25}, Case{2500, 45}}) {
        double q = c.q, flow = c.flow;
        FireModelDef def = singleRoom(20, 20, 12);
        def.rooms[0].wall = adiabaticWall();
        def.openings.push_back(floorVent("room", 8.0, 1.0));  // low make-up air inlet
        FanDef fan;
        fan.id = "exhaust";
        fan.from = "room";
        fan.fromHeightM = 11.8;
        fan.flowM3S = flow;
        def.fans.push_back(fan);
        FireDef f = centreFire(def, q, 1e9);  // steady at once
        f.areaM2 = q / 500.0;
        f.radiativeFraction = 0.0;
        f.sootYield = 0.0;  // a transparent layer: no radiation to the floor
        def.fires.push_back(f);
        FireModel m = makeModel(def);
        m.step(1800.0);
        double ta = 293.15, rho = 101325.0 / (kR * ta);
        double mFuel = q / f.heatOfCombustionKjKg;
        double target = rho * flow - mFuel - q * 1e3 / (kCpAir * ta);
        // Heskestad's plume is monotonic in z: bisect for the height that carries `target`.
        double d = equivalentDiameterM(f.areaM2), lo = 0.0, hi = 12.0;
        for (int i = 0; i < 100; ++i) {
            double mid = 0.5 * (lo + hi);
            (heskestadPlumeMassFlowKgS(q, q, d, mid) < target ? lo : hi) = mid;
        }
        double zRef = 0.5 * (lo + hi);
        double z = m.roomState(0).layerHeightM;
        std::printf("exhaust %.0f m3/s, fire %.0f kW: layer %.3f m, balance %.3f m\n", flow, q, z, zRef);
        ASSERT_GT(zRef, 1.5);
        ASSERT_LT(zRef, 10.5);
        EXPECT_NEAR(z, zRef, 0.005 * zRef) << "flow " << flow << " q " << q;
    }
}

TEST(Conservation, CeilingVentsBetweenStoreysAndFansBalanceMassAndEnergy) {
    // Two storeys joined by a hatch, a roof vent, a supply fan below and an exhaust fan above.
    FireModelDef def;
    RoomDef lower;
    lower.id = "lower";
    lower.sizeM = {8, 8, 3};
    RoomDef upper = lower;
    upper.id = "upper";
    upper.originM = {0, 0, 3};
    def.rooms = {lower, upper};
    OpeningDef hatch;
    hatch.id = "hatch";
    hatch.roomA = "lower";
    hatch.roomB = "upper";
    hatch.kind = OpeningKind::Ceiling;
    hatch.areaM2 = 1.0;
    OpeningDef roof = hatch;
    roof.id = "roof";
    roof.roomA = "upper";
    roof.roomB = kOutside;
    roof.areaM2 = 0.5;
    roof.shape = VentShape::Round;
    def.openings = {hatch, roof};
    FanDef supply;
    supply.id = "supply";
    supply.to = "lower";
    supply.toHeightM = 0.5;
    supply.flowM3S = 0.5;
    FanDef exhaust;
    exhaust.id = "exhaust";
    exhaust.from = "upper";
    exhaust.fromHeightM = 2.8;
    exhaust.flowM3S = 1.0;
    exhaust.offAtS = 200;
    def.fans = {supply, exhaust};
    FireDef f = centreFire(def, 800, kAlphaFast);
    f.room = "lower";
    def.fires.push_back(f);
    FireModel m = makeModel(def);
    ConservationTotals before = m.conservation();
    m.step(400.0);
    ConservationTotals after = m.conservation();
    // What settled on the linings left the gas (soot_deposition.h).
    double massIn = after.fuelAddedKg - after.netMassOutKg - after.depositedKg;
    EXPECT_NEAR(after.gasMassKg - before.gasMassKg, massIn, 1e-10 * after.gasMassKg);
    double energyIn = after.heatIntoGasJ - after.netEnthalpyOutJ - after.depositedEnthalpyJ;
    EXPECT_NEAR(after.gasInternalEnergyJ - before.gasInternalEnergyJ, energyIn, 1e-10 * after.gasInternalEnergyJ);
    // Smoke rose through the hatch into the upper storey.
    EXPECT_GT(m.roomState(1).upperTempC, 40.0);
    EXPECT_GT(m.roomState(1).upperSootKgM3, 0.0);
    EXPECT_FALSE(m.fanOn(1));
}
