// A door leaf's hinge measures from the leaf as it hangs shut, whichever way the door faces:
// hung open it stays open, swung shut it lies in the doorway and latches, swung open again it
// returns to where it hung. (The hinge's zero was once off by the shut leaf's heading: leaves of
// doors facing +x or +y were kicked round their hinges at the first step.)
#include <gtest/gtest.h>

#include <cmath>

#include "physics/physics_world.h"

using namespace cd::physics;

namespace {

struct Doorway {
    glm::vec3 normal;
    const char* name;
};

// A 1.2 m doorway in a 0.25 m wall at the origin, the leaf hung 3 cm in from one jamb.
struct Hung {
    std::unique_ptr<PhysicsWorld> world;
    BodyId leaf;
    glm::vec3 shutCenter{0.0f}, openCenter{0.0f};
};

Hung hang(const glm::vec3& n, float startRad) {
    WorldDef w;
    StaticBoxDef floor;
    floor.centerM = {0.0f, 0.0f, -0.05f};
    floor.halfExtentsM = {3.0f, 3.0f, 0.05f};
    w.staticBoxes.push_back(floor);
    const glm::vec3 along(-n.y, n.x, 0.0f);
    for (float side : {-1.0f, 1.0f}) {
        StaticBoxDef jamb;
        jamb.centerM = along * (side * 1.1f) + glm::vec3(0.0f, 0.0f, 1.5f);
        jamb.halfExtentsM = glm::abs(along) * 0.5f + glm::abs(n) * 0.125f + glm::vec3(0.0f, 0.0f, 1.5f);
        w.staticBoxes.push_back(jamb);
    }
    DoorDef d;
    d.hingeM = -along * 0.57f;
    d.closedDir = along;
    d.widthM = 1.14f;
    d.heightM = 2.08f;
    d.openLimitRad = 1.6f;
    d.startAngleRad = startRad;
    d.opens = startRad < 0.0f ? -1 : 1;
    w.doors.push_back(d);
    auto pw = PhysicsWorld::create(w);
    EXPECT_TRUE(pw.ok()) << (pw.ok() ? "" : pw.error().str());
    Hung h;
    h.world = std::move(*pw);
    h.leaf = makeId<BodyId>(static_cast<std::uint32_t>(w.staticBoxes.size()));
    const float a = std::atan2(along.y, along.x) + startRad;
    h.shutCenter = d.hingeM + along * 0.57f;
    h.openCenter = d.hingeM + glm::vec3(std::cos(a), std::sin(a), 0.0f) * 0.57f;
    return h;
}

float planeDistance(const glm::vec3& a, const glm::vec3& b) { return glm::length(glm::vec2(a - b)); }

const Doorway kDoorways[] = {{{1, 0, 0}, "+x"}, {{-1, 0, 0}, "-x"}, {{0, 1, 0}, "+y"}, {{0, -1, 0}, "-y"}};

}  // namespace

TEST(DoorHinge, AHungOpenLeafStaysWhereItHangsWhicheverWayTheDoorFaces) {
    for (const Doorway& d : kDoorways)
        for (float start : {1.5f, -1.5f, 0.7f}) {
            Hung h = hang(d.normal, start);
            for (int i = 0; i < 60; ++i) h.world->step();
            EXPECT_LT(planeDistance(h.world->bodyState(h.leaf).positionM, h.openCenter), 0.002f)
                << "door facing " << d.name << ", hung at " << start << " rad";
        }
}

TEST(DoorHinge, SwungShutALeafLiesInItsDoorwayAndLatchesAndSwungOpenItReturns) {
    for (const Doorway& d : kDoorways) {
        Hung h = hang(d.normal, 1.5f);
        ASSERT_TRUE(h.world->swingDoorLeaf(h.leaf, 0.0f).ok());
        for (int i = 0; i < 240; ++i) h.world->step();
        EXPECT_TRUE(h.world->doorLeafLatched(h.leaf)) << d.name;
        EXPECT_LT(planeDistance(h.world->bodyState(h.leaf).positionM, h.shutCenter), 0.02f) << "door facing " << d.name;
        // Swung open, the hand lets go within 0.02 rad of the mark and the leaf coasts on a little:
        // back where it hung to 0.1 rad (0.057 m at the leaf's middle); the other way it would be
        // 3 rad out.
        ASSERT_TRUE(h.world->swingDoorLeaf(h.leaf, 1.5f).ok());
        for (int i = 0; i < 240; ++i) h.world->step();
        EXPECT_LT(planeDistance(h.world->bodyState(h.leaf).positionM, h.openCenter), 0.057f) << "door facing " << d.name;
    }
}

// Off its hinge (its frame came down) a leaf is a free body: it drops the 1 cm it hung clear of
// the floor, and it can no longer be swung.
TEST(DoorHinge, ALeafReleasedFromItsHingeIsAFreeBody) {
    Hung h = hang({1, 0, 0}, 1.5f);
    for (int i = 0; i < 30; ++i) h.world->step();
    const float hungZ = h.world->bodyState(h.leaf).positionM.z;
    ASSERT_TRUE(h.world->releaseDoorLeaf(h.leaf).ok());
    EXPECT_TRUE(h.world->doorLeafReleased(h.leaf));
    EXPECT_FALSE(h.world->swingDoorLeaf(h.leaf, 0.0f).ok());
    for (int i = 0; i < 60; ++i) h.world->step();
    EXPECT_NEAR(h.world->bodyState(h.leaf).positionM.z, hungZ - 0.01f, 0.003f) << "resting on the floor, 1 cm lower";
    EXPECT_FALSE(h.world->releaseDoorLeaf(BodyId{}).ok()) << "not a door leaf";
}
