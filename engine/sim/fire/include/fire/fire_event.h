#pragma once
/// Events of the fire model, pulled after a step (never delivered by callback mid-step).

namespace cd::fire {

enum class FireEventType {
    Ignition,            ///< fire: a defined fire starts burning (or ignite() was called)
    ItemIgnited,         ///< device = item: radiant flux ignited a fuel item (secondary fire)
    Flashover,           ///< room: upper layer >= flashover temperature or floor flux >= limit
    DetectorActivated,   ///< device = detector
    SprinklerActivated,  ///< device = sprinkler; the fires of its room start to decay
    OxygenLimited,       ///< fire: burning became ventilation-controlled
    FlareUp,             ///< fire: water on cooking oil; value = HRR multiplier
    ShockHazard,         ///< fire: water-based agent on live electrical equipment
    AgentIneffective,    ///< fire: wrong agent, or out of range; value = distance m
    Extinguished,        ///< fire: knocked down by an agent
    Burnout,             ///< fire: fuel consumed
    BackdraftRisk,       ///< room, device = opening: opened onto oxygen-starved hot fuel-rich gas
    OpeningChanged,      ///< device = opening; value 1 open, 0 closed
    GlassBroke,          ///< room (the hot side), device = opening: its glass fell out; value = layer C
    GlassCracked,        ///< room (the hot side), device = opening: a pane cracked; value = its rise over the edge, K
    ExternalFlames,      ///< room, device = opening to outside: flames reach out of it and up the facade; value = L_L, m
    Reignited,           ///< fire, device = item: an item whose fire was put out caught again; value = flux kW/m2
    CorridorFilled,      ///< room (a corridor): its smoke front has reached both ends; value = its length, m
    ItemWetted,          ///< room, device = item: it took the heat to catch under an opened sprinkler, whose
                         ///< water keeps it from catching (once per item); value = flux kW/m2
};

struct FireEvent {
    double timeS = 0;
    FireEventType type = FireEventType::Ignition;
    int room = -1;     ///< room index, -1 if none
    int fire = -1;     ///< fire index, -1 if none
    int device = -1;   ///< detector / sprinkler / item / opening index by type, -1 if none
    double value = 0;
};

const char* eventTypeName(FireEventType type);

}  // namespace cd::fire
