#include "physics/physics_event.h"

namespace cd::physics {

const char* toString(PhysicsEventKind kind) {
    switch (kind) {
        case PhysicsEventKind::JointBroken: return "joint_broken";
        case PhysicsEventKind::CollapseStarted: return "collapse_started";
        case PhysicsEventKind::DebrisSettled: return "debris_settled";
        case PhysicsEventKind::DebrisFalling: return "debris_falling";
        case PhysicsEventKind::PassageBlocked: return "passage_blocked";
        case PhysicsEventKind::PassageCleared: return "passage_cleared";
        case PhysicsEventKind::CasualtyTrapped: return "casualty_trapped";
        case PhysicsEventKind::CasualtyFreed: return "casualty_freed";
        case PhysicsEventKind::AnchorBroken: return "anchor_broken";
        case PhysicsEventKind::BodyLost: return "body_lost";
    }
    return "unknown";
}

}  // namespace cd::physics
