#include "fire/extinguishing_agent.h"

namespace cd::fire {

// Agent/class suitability from the EN 3-7 and NFPA 10 (2022) charts; effectiveness below 1
// marks "limited" entries (CO2 on class A re-ignites; wet chemical on B).
AgentEffect agentEffect(Agent agent, FireClass c) {
    using O = AgentOutcome;
    switch (agent) {
        case Agent::Water:
            switch (c) {
                case FireClass::A: return {O::Effective, 1.0};
                case FireClass::E: return {O::ShockHazard, 0.0};
                case FireClass::F: return {O::FlareUp, 0.0};
                default: return {O::Ineffective, 0.0};
            }
        case Agent::Foam:
            switch (c) {
                case FireClass::A: return {O::Effective, 1.0};
                case FireClass::B: return {O::Effective, 1.0};
                case FireClass::E: return {O::ShockHazard, 0.0};
                default: return {O::Ineffective, 0.0};
            }
        case Agent::CarbonDioxide:
            switch (c) {
                case FireClass::A: return {O::Effective, 0.2};
                case FireClass::B: return {O::Effective, 1.0};
                case FireClass::E: return {O::Effective, 1.0};
                default: return {O::Ineffective, 0.0};
            }
        case Agent::DryPowderAbc:
            switch (c) {
                case FireClass::F: return {O::Ineffective, 0.0};
                default: return {O::Effective, 1.0};
            }
        case Agent::WetChemical:
            switch (c) {
                case FireClass::A: return {O::Effective, 1.0};
                case FireClass::B: return {O::Effective, 0.3};
                case FireClass::F: return {O::Effective, 1.0};
                case FireClass::E: return {O::ShockHazard, 0.0};
                default: return {O::Ineffective, 0.0};
            }
    }
    return {};
}

const AgentProperties& agentProperties(Agent agent) {
    static const AgentProperties table[] = {
        {"water", 2600.0, 0.15, 60.0, 4.0},         // 9 L, 13A
        {"foam", 4200.0, 0.15, 60.0, 4.0},          // 9 L, 21A 144B
        {"co2", 4600.0, 0.33, 15.0, 2.0},           // 5 kg, 89B
        {"powder", 10000.0, 0.40, 15.0, 5.0},       // 6 kg, 34A 183B
        {"wet_chemical", 4000.0, 0.10, 60.0, 3.0},  // 6 L, 75F
    };
    return table[static_cast<int>(agent)];
}

bool parseAgent(const std::string& n, Agent& out) {
    if (n == "water") out = Agent::Water;
    else if (n == "foam") out = Agent::Foam;
    else if (n == "co2") out = Agent::CarbonDioxide;
    else if (n == "powder" || n == "abc" || n == "dry_powder") out = Agent::DryPowderAbc;
    else if (n == "wet_chemical") out = Agent::WetChemical;
    else return false;
    return true;
}

bool parseFireClass(const std::string& n, FireClass& out) {
    if (n == "A") out = FireClass::A;
    else if (n == "B") out = FireClass::B;
    else if (n == "C") out = FireClass::C;
    else if (n == "E") out = FireClass::E;
    else if (n == "F") out = FireClass::F;
    else return false;
    return true;
}

AgentApplication hoseStream(double durationS, double distanceM) {
    AgentApplication a;
    a.agent = Agent::Water;
    a.flowKgS = kHoseFlowKgS;
    a.durationS = durationS;
    a.distanceM = distanceM;
    a.rangeM = 15.0;
    return a;
}

}  // namespace cd::fire
