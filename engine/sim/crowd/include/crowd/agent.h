#pragma once
/// One person in the crowd. Plain data: the simulation writes the motion fields, the caller
/// may write the hazard fields (hazard, fed, floodExposureS) between steps.
#include <array>
#include <cstdint>

#include "crowd/geometry.h"
#include "crowd/hazard_speed.h"

namespace cd::crowd {

enum class AgentState : std::uint8_t {
    Waiting,  ///< pre-movement: stands still (an obstacle for others)
    Walking,  ///< on the floor of an area
    OnStair,  ///< inside a stair link between two levels
    Out,      ///< left through an exit
};

struct Agent {
    // Who
    int group = -1;
    double desiredSpeedMps = 1.34;  ///< free walking speed on the level
    double radiusM = 0.2;  ///< body size l = 2r = 0.4 m (JuPedSim default radius)
    double premovementS = 0.0;
    int leader = -1;        ///< agent index to follow, -1 none
    int assignedExit = -1;  ///< door index of an exit this person must use, -1 free choice
    bool external = false;  ///< moved by the caller (a trainee), never stepped

    // Where (written by the simulation)
    Vec2 pos;
    Vec2 vel;
    int area = -1;
    int level = 0;
    AgentState state = AgentState::Waiting;
    Vec2 startPos;
    double pathLengthM = 0.0;
    double exitTimeS = -1.0;  ///< time the person passed an exit, -1 while inside
    int exitDoor = -1;        ///< door index used to leave, -1 while inside

    // Route (written by the simulation)
    int chosenExit = -1;  ///< exit door index currently aimed at
    int nextGate = -1;    ///< internal gate index the person walks to
    int lastGate = -1;    ///< gate passed last (not walked back through)
    int leavingGate = -1; ///< exit just passed: walks on 1 m beyond it (still in the way) before Out
    std::array<int, 6> knownBlocked{-1, -1, -1, -1, -1, -1};  ///< gates seen smoke-logged or flooded
    int stair = -1;
    int stairDir = 0;
    double stairReadyS = 0.0;
    double stairLateral = 0.5;

    // Hazards (written by the caller)
    LocalHazard hazard;          ///< conditions at pos; the area's values are used where larger
    double fed = 0.0;            ///< fractional effective dose, accumulated by the caller
    double floodExposureS = 0.0; ///< time spent in hazardous water, accumulated by the caller
};

}  // namespace cd::crowd
