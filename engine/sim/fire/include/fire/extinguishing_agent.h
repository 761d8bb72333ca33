#pragma once
/// Portable extinguishers and hose streams: which agent works on which fire class, how fast,
/// and what goes wrong with the wrong one.
/// Suitability follows the EN 3-7 / NFPA 10 (2022) agent-class charts; agent strength is
/// expressed as an equivalent knock-down energy per kg, scaled from the EN 3-7 ratings of
/// standard units (9 L water 13A, 9 L foam 21A/144B, 5 kg CO2 89B, 6 kg ABC powder 34A/183B)
/// relative to water's 2.6 MJ/kg cooling (SFPE Handbook 5th ed. ch. 46).
#include <string>

#include "fire/fire_model_def.h"

namespace cd::fire {

enum class Agent { Water, Foam, CarbonDioxide, DryPowderAbc, WetChemical };

/// What applying an agent to a fire class does.
enum class AgentOutcome {
    Effective,    ///< knocks the fire down at the agent's rate times the effectiveness
    Ineffective,  ///< no effect (e.g. water on a burning liquid)
    FlareUp,      ///< water on cooking oil: steam expansion throws burning oil, HRR spike
    ShockHazard,  ///< water-based agent on live electrical equipment
};

struct AgentEffect {
    AgentOutcome outcome = AgentOutcome::Ineffective;
    double effectiveness = 0;  ///< 0..1, multiplies the knock-down rate
};

struct AgentProperties {
    const char* name;
    double knockdownKjKg;    ///< equivalent knock-down energy per kg of agent
    double flowKgS;          ///< typical portable unit discharge rate
    double dischargeTimeS;   ///< typical portable unit discharge time
    double rangeM;           ///< typical throw
};

AgentEffect agentEffect(Agent agent, FireClass fireClass);
const AgentProperties& agentProperties(Agent agent);
/// Parses "water", "foam", "co2", "powder"/"abc", "wet_chemical"; false if unknown.
bool parseAgent(const std::string& name, Agent& out);
bool parseFireClass(const std::string& name, FireClass& out);

/// One application of an agent by a person standing distanceM from the fire.
struct AgentApplication {
    Agent agent = Agent::Water;
    double flowKgS = 0.15;
    double durationS = 60.0;
    double distanceM = 2.0;
    double rangeM = 0;        ///< 0: the agent's typical range
};

/// A fire-service hose line's flow: 2 kg/s (120 L/min), on the fire or into the layer.
inline constexpr double kHoseFlowKgS = 2.0;

/// A fire-service hose stream: water, kHoseFlowKgS, 15 m throw.
AgentApplication hoseStream(double durationS, double distanceM);

/// Time (s) for the agent to knock a fire down at the critical rate: at an application rate
/// whose knock-down power equals the HRR, the fire goes out in this time.
inline constexpr double kKnockdownTimeS = 10.0;
/// HRR multiplier during a flare-up and how long it lasts.
inline constexpr double kFlareUpFactor = 3.0;
inline constexpr double kFlareUpDurationS = 5.0;

}  // namespace cd::fire
