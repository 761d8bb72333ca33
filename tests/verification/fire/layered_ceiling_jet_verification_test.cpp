// A plume entering a hot upper layer: the continuation source (Evans, Fire Technology 20 (1984)
// 39-63, as CFAST's ceilht codes Cooper's fit of it; the ceiling's convection uses it) against
// Evans's defining condition (the centreline temperature carries across the interface) and its
// strong-plume limit (the virtual origin z_layer - (T_u / T_l)^0.6 (z_layer - z0) that CFAST 7,
// and the devices' layered jet, use), a plume too weak to rise into the layer, and the layered
// jet's limits (no layer: Alpert's; a fire inside the layer). Measured activations under a layer:
// vettori_sprinkler_validation_test.cpp.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "fire/layered_ceiling_jet.h"
#include "fire/plume.h"
#include "fire_fixture.h"

using namespace cd::fire;
using namespace cd::fire::test;

namespace {
// A fire of qcKw convective (qcKw / 0.65 total, 1 m^2) at the floor of a 10 x 10 m room,
// ceiling ceilingZ, interface interfaceZ; the plume's mass flow at the interface is Heskestad's.
CeilingJetConvectionInput fireUnderLayer(double qcKw, double interfaceZ, double ceilingZ, double lowerK, double upperK) {
    CeilingJetConvectionInput in;
    in.convectiveW = qcKw * 1e3;
    in.plumeKgS = interfaceZ < ceilingZ ? heskestadPlumeMassFlowKgS(qcKw / 0.65, qcKw, 1.128, interfaceZ) : 0.0;
    in.fireXM = in.fireYM = 5.0;
    in.roomXM = in.roomYM = 10.0;
    in.ceilingZM = ceilingZ;
    in.interfaceZM = interfaceZ;
    in.lowerK = lowerK;
    in.upperK = upperK;
    in.lowerRhoKgM3 = 352.98 / lowerK;
    in.upperRhoKgM3 = 352.98 / upperK;
    return in;
}
}  // namespace

TEST(LayeredCeilingJet, TheContinuationSourceCarriesTheCentrelineTemperatureAcrossTheInterface) {
    // Evans's condition: above the interface the substitute plume's centreline, over the upper
    // layer, starts at the temperature the plume has just below it (from the lower-layer
    // equivalent source, over the lower layer). Heskestad's point-source law on both sides
    // (9.1 where CFAST's fit takes Evans's 9.115, c_p 1.0 kJ/kg/K): within 1 % of the plume's
    // excess over the lower layer.
    for (double qc : {300.0, 1000.0})
        for (double zi : {2.0, 3.5})
            for (double tu : {330.0, 400.0}) {
                const double tl = 293.15;
                const CeilingJetConvectionInput in = fireUnderLayer(qc, zi, 5.0, tl, tu);
                const CooperJetSource s = cooperJetSource(in);
                const double below = tl + heskestadPointSourceExcessK(qc, zi - s.equivalentZM, 0.0, tl);
                if (below <= tu) {
                    EXPECT_FALSE(s.valid) << qc << " kW under a layer at " << zi << " m, " << tu << " K";
                    continue;
                }
                ASSERT_TRUE(s.valid);
                const double sourceZ = in.ceilingZM - s.heightM;
                const double above = tu + heskestadPointSourceExcessK(s.qcW * 1e-3, zi - sourceZ, 0.0, tu);
                EXPECT_NEAR(above - tl, below - tl, 0.01 * (below - tl)) << qc << " kW, " << zi << " m, " << tu << " K";
                EXPECT_LT(s.qcW, in.convectiveW) << "the layer takes heat out of the plume";
            }
}

TEST(LayeredCeilingJet, AStrongPlumeTendsToCfastsVirtualOrigin) {
    // 2 MW convective, a layer 20 % hotter, the interface ever nearer the fire (deeper in its
    // flames, where the plume is hot): the continuation source tends to the fire's own heat and
    // to (T_u / T_l)^0.6 times the equivalent source's depth below the interface (CFAST 7's
    // get_plume_tempandvelocity), the gap closing as the plume strengthens; within 1 % and 0.2 %
    // 10 cm above the fire.
    const double tl = 293.15, xi = 1.2;
    double heatGap = 1.0, depthGap = 1.0;
    for (double zi : {2.0, 1.0, 0.5, 0.25, 0.1}) {
        const CeilingJetConvectionInput in = fireUnderLayer(2000.0, zi, 5.0, tl, xi * tl);
        const CooperJetSource s = cooperJetSource(in);
        ASSERT_TRUE(s.valid);
        const double depth = in.interfaceZM - (in.ceilingZM - s.heightM), plumeDepth = in.interfaceZM - s.equivalentZM;
        const double heat = std::fabs(s.qcW / in.convectiveW - 1.0), origin = std::fabs(depth / plumeDepth / std::pow(xi, 0.6) - 1.0);
        std::printf("interface %.2f m: Q_cont / Q_c %.4f, depth / limit %.4f\n", zi, s.qcW / in.convectiveW,
                    depth / plumeDepth / std::pow(xi, 0.6));
        EXPECT_LT(heat, heatGap);
        EXPECT_LT(origin, depthGap);
        heatGap = heat;
        depthGap = origin;
    }
    EXPECT_LT(heatGap, 0.01);
    EXPECT_LT(depthGap, 0.002);
}

TEST(LayeredCeilingJet, AWeakPlumeSpreadsUnderAHotLayerAndMakesNoJet) {
    // 20 kW convective, interface 3 m above it: its centreline there is between 20 and 40 K over
    // a 293 K lower layer (24 K). Into a layer 20 K warmer it rises; into one 40 K warmer it does not.
    const double tl = 293.15;
    const CeilingJetConvectionInput warm = fireUnderLayer(20.0, 3.0, 4.0, tl, tl + 20.0);
    const CeilingJetConvectionInput hot = fireUnderLayer(20.0, 3.0, 4.0, tl, tl + 40.0);
    const double excess = heskestadPointSourceExcessK(20.0, 3.0 - cooperJetSource(warm).equivalentZM, 0.0, tl);
    EXPECT_GT(excess, 20.0);
    EXPECT_LT(excess, 40.0);
    EXPECT_GT(layeredCeilingJet(warm, 20.0 / 0.65, 1.0).excessTempK, 0.0);
    const CeilingJet none = layeredCeilingJet(hot, 20.0 / 0.65, 1.0);
    EXPECT_EQ(none.excessTempK, 0.0);
    EXPECT_EQ(none.velocityMS, 0.0);
}

TEST(LayeredCeilingJet, WithoutALayerItIsAlpertsAndAFireInsideTheLayerHasItsOwnJetScaled) {
    // 1 MW (650 kW convective) under a 5 m ceiling, 3 m off axis.
    const CeilingJet alpert = alpertCeilingJet(1000.0, 5.0, 3.0);
    const CeilingJet plain = layeredCeilingJet(fireUnderLayer(650.0, 5.0, 5.0, 293.15, 293.15), 1000.0, 3.0);
    EXPECT_DOUBLE_EQ(plain.excessTempK, alpert.excessTempK);
    EXPECT_DOUBLE_EQ(plain.velocityMS, alpert.velocityMS);
    // A 400 K layer down to the fire's base: Alpert's jet, its excess scaled by T_u / T_l (Q* is
    // the same in either layer, and the excess is proportional to the ambient temperature).
    CeilingJetConvectionInput inside = fireUnderLayer(650.0, 0.0, 5.0, 293.15, 400.0);
    const CeilingJet scaled = layeredCeilingJet(inside, 1000.0, 3.0);
    EXPECT_NEAR(scaled.excessTempK, alpert.excessTempK * 400.0 / 293.15, 1e-9);
    EXPECT_DOUBLE_EQ(scaled.velocityMS, alpert.velocityMS);
    // With the interface higher up, the virtual origin moves further down ((T_u / T_l)^0.6 times
    // the plume's depth below the interface) and the jet over the layer is cooler than that; the
    // deeper the layer, the nearer to it.
    std::printf("1 MW, 5 m ceiling, 400 K layer, 3 m off axis: jet excess over the layer (Alpert over 293 K: %.1f K)\n",
                alpert.excessTempK);
    double previous = 1e9;
    for (double zi : {0.5, 1.5, 2.5, 3.5, 4.5}) {
        const CeilingJet jet = layeredCeilingJet(fireUnderLayer(650.0, zi, 5.0, 293.15, 400.0), 1000.0, 3.0);
        std::printf("  interface %.1f m: %.1f K, %.2f m/s\n", zi, jet.excessTempK, jet.velocityMS);
        EXPECT_LT(jet.excessTempK, scaled.excessTempK);
        EXPECT_LT(jet.excessTempK, previous);
        previous = jet.excessTempK;
    }
}

TEST(LayeredCeilingJet, InTheModelThePlumeInTheLayerContinuesFromItsTemperatureAtTheInterface) {
    // A steady 300 kW fire (flames 1.5 m) in a 10 x 10 x 6 m room with a small vent: once the
    // layer is down to 3.5-4 m, the plume's centreline above the interface is that of its
    // continuation source over the layer (`plume_temp_c`), built here from the model's state,
    // and it carries on from the open-air plume's temperature just below the interface (within
    // 3 % of the plume's excess: the equivalent source lies near, not at, Heskestad's virtual
    // origin).
    FireModelDef def = singleRoom(10, 10, 6);
    def.openings.push_back(floorVent("room", 0.5, 0.5));
    FireDef f = centreFire(def, 300, 0.0);
    f.hrrTable = {{0.0, 300.0}, {1000.0, 300.0}};
    f.areaM2 = 0.5;
    def.fires.push_back(f);
    FireModel model = makeModel(def);
    double t = 0;
    while (model.roomState(0).layerHeightM > 4.0 && t < 600) {
        model.step(0.5);
        t += 0.5;
    }
    const RoomState room = model.roomState(0);
    ASSERT_GT(room.layerHeightM, 3.5);
    const double zi = room.layerHeightM, tl = room.lowerTempC + 273.15, tu = room.upperTempC + 273.15;
    const double below = model.plumeAt({5.0, 5.0, zi - 1e-3}).plumeTempC + 273.15;
    const double above = model.plumeAt({5.0, 5.0, zi + 1e-3}).plumeTempC + 273.15;
    EXPECT_NEAR(above - tl, below - tl, 0.03 * (below - tl));
    CeilingJetConvectionInput in = fireUnderLayer(0.65 * 300.0, zi, 6.0, tl, tu);
    in.plumeKgS = model.fireState(0).plumeKgS;
    const CooperJetSource s = cooperJetSource(in);
    ASSERT_TRUE(s.valid);
    const double high = model.plumeAt({5.0, 5.0, 5.5}).plumeTempC + 273.15;
    const double expected = tu + heskestadPointSourceExcessK(s.qcW * 1e-3, 5.5 - (6.0 - s.heightM), 0.0, tu);
    EXPECT_NEAR(high, expected, 2e-3 * (expected - tu));
    std::printf("after %.1f s, layer at %.2f m, %.1f K over the lower: plume %.1f / %.1f K either side of the interface, "
                "%.1f K at 5.5 m (open-air plume over the lower layer: %.1f K)\n",
                t, zi, tu - tl, below - 273.15, above - 273.15, high - 273.15,
                tl + heskestadPlumeExcessK(300.0, 195.0, std::sqrt(4 * 0.5 / M_PI), 5.5, 0.0, tl) - 273.15);
}
