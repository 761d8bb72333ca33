// Collapse energy sanity (conservation of energy): with no external work, the debris' kinetic
// energy can never exceed the potential energy released, KE(t) <= sum m g (z0 - z(t)).
// Dissipation (friction, restitution < 1, breaking) only lowers KE. The trigger's buckling kick
// is external work and joins the budget: KE(t) <= KE_kick + PE released. Tolerance: Bullet
// corrects contact penetrations under 1 cm with Baumgarte velocity (ERP 0.2), which can add a
// little energy; we allow 2 % of the potential energy released so far plus 1 kJ.
#include <algorithm>
#include <cstdio>

#include "scene.h"

namespace cd::physics {
namespace {

TEST(CollapseEnergy, DebrisKineticEnergyNeverExceedsPotentialEnergyReleased) {
    auto world = test::makeWorld(1.0f, 0.0f);
    FrameBuildingParams p;
    p.storeys = 3;
    p.baysX = 2;
    p.baysY = 1;
    p.seed = 7;
    const StructureId s = world->addStructure(makeFrameBuilding(p)).value();
    const std::vector<BodyId> chunks = world->structureChunks(s);
    for (int n = 0; n < 90; ++n) world->step();  // settle and arm the joints
    std::vector<float> z0;
    for (BodyId b : chunks) z0.push_back(world->bodyState(b).positionM.z);
    // Scenario event: the ground storey fails.
    world->triggerCollapse(s, {-10.0f, -10.0f, -1.0f}, {30.0f, 30.0f, 3.26f});
    // The trigger's sideways kick is external work; it is added to the budget.
    double kick = 0.0;
    for (BodyId b : chunks) kick += world->bodyState(b).kineticEnergyJ;
    double worstExcess = -1e30, peakKe = 0.0, released = 0.0;
    for (int n = 0; n < 360; ++n) {
        world->step();
        double ke = 0.0;
        released = 0.0;
        for (std::size_t i = 0; i < chunks.size(); ++i) {
            const BodyState st = world->bodyState(chunks[i]);
            ke += st.kineticEnergyJ;
            released += st.massKg * 9.81 * (z0[i] - st.positionM.z);
        }
        peakKe = std::max(peakKe, ke);
        const double allowed = kick + 1.02 * std::max(0.0, released) + 1000.0;
        worstExcess = std::max(worstExcess, ke - kick - released);
        ASSERT_LE(ke, allowed) << "step " << n << " KE " << ke << " J, released " << released << " J";
    }
    std::printf("kick %.0f J, peak KE %.0f J, PE released %.0f J, worst KE - kick - released %.0f J\n", kick, peakKe,
                released, worstExcess);
    EXPECT_GT(peakKe, 1.0e5) << "the upper storeys must actually fall";
    EXPECT_GT(world->structureStats(s).jointsBroken, 0);
}

}  // namespace
}  // namespace cd::physics
