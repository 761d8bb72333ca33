// CrowdSim, tactical and strategic levels: which exit and which next gate each person takes,
// and the trainee's interventions that change those choices.
#include <algorithm>
#include <cmath>

#include "crowd/crowd_sim.h"
#include "nav_map.h"

namespace cd::crowd {

void CrowdSim::replan(size_t i) {
    Agent& a = agents_[i];
    if (a.external || a.area < 0 || a.leavingGate >= 0) return;
    const auto& gates = nav_->gates();
    const auto& areaGates = nav_->areaGates(a.area);
    const FloorField& field = nav_->field(a.area);
    // People see smoke-logged or flooded doors of the area they are in, and remember them.
    for (int g : areaGates) {
        if (knows(a, g) || !gateHazardBlocked(g, a.area)) continue;
        std::rotate(a.knownBlocked.rbegin(), a.knownBlocked.rbegin() + 1, a.knownBlocked.rend());
        a.knownBlocked[0] = g;
        if (a.nextGate == g) a.nextGate = -1;
    }
    const double v = std::max(0.1, a.desiredSpeedMps);
    const auto& exitGates = nav_->exitGates();
    const CrowdGroup* group = a.group >= 0 ? &groups_[a.group] : nullptr;

    // Which exits this person considers: the leader's, the assigned one, or all of them.
    int only = -1;
    if (a.leader >= 0 && prevExit_[a.leader] >= 0) only = nav_->exitIndexOfDoor(prevExit_[a.leader]);
    else if (a.assignedExit >= 0) only = nav_->exitIndexOfDoor(a.assignedExit);

    // Attempts: as planned; then any exit; then also back through the gate just passed; then,
    // with every known route blocked, through hazards rather than standing still.
    int skipGate = a.lastGate;
    bool avoidKnown = true;
    // Distance to each gate of the area, sampled once (an area has at most a few dozen gates).
    constexpr size_t kMaxGates = 128;
    double gateDist[kMaxGates];
    const size_t nGates = std::min(areaGates.size(), kMaxGates);
    for (size_t k = 0; k < nGates; ++k) gateDist[k] = field.distance(static_cast<int>(k), a.pos);
    const std::vector<int>& reachable = nav_->reachableExits(a.area);
    for (int attempt = 0; attempt < 4; ++attempt) {
        double best = kInf, current = kInf;
        int bestGate = -1, bestExit = -1;
        for (int e : reachable) {
            if (only >= 0 && e != only) continue;
            const int eg = exitGates[e];
            const int exitDoor = gates[eg].door;
            if (!building_.doors[exitDoor].open || (avoidKnown && knows(a, eg))) continue;
            double familiarity = 0.0;
            if (group && !group->knownExits.empty() &&
                std::find(group->knownExits.begin(), group->knownExits.end(), exitDoor) == group->knownExits.end())
                familiarity = group->familiarityPenaltyS;
            const double exitWait = gateWaitS(eg);
            for (size_t k = 0; k < nGates; ++k) {
                const int g = areaGates[k];
                if ((avoidKnown && knows(a, g)) || g == skipGate) continue;
                if (gates[g].door >= 0 && !building_.doors[gates[g].door].open) continue;
                // The cost of leaving through g: the route goes on from g's far side. If it comes
                // back into this area (up a stair and down again), it meets this area's queues
                // again, so their waits count: a gate leading away is never cheaper than queueing.
                const double rest = g == eg ? 0.0 : nav_->costToExit(g, e, a.area);
                if (!(rest < kInf)) continue;
                const double d = gateDist[k];
                if (d >= 1e5) continue;
                double againWait = 0.0;
                if (g != eg)
                    for (int n = nav_->nextLeave(g, e, a.area); n >= 0; n = nav_->nextNode(n, e))
                        if (nav_->nodeArea(n) == a.area && nav_->nodeGate(n) != eg) againWait += gateWaitS(nav_->nodeGate(n));
                const double cost = (d + rest) / v + gateWaitS(g) + againWait + (g == eg ? 0.0 : exitWait) + familiarity;
                if (cost < best) {
                    best = cost;
                    bestGate = g;
                    bestExit = exitDoor;
                }
                if (g == a.nextGate && exitDoor == a.chosenExit) current = cost;
            }
        }
        if (bestGate >= 0) {
            // Hysteresis: keep the current route unless the new one is clearly better.
            if (!(current < kInf) || best < current * (1.0 - settings_.switchMargin) - 0.5) {
                a.nextGate = bestGate;
                a.chosenExit = bestExit;
            }
            return;
        }
        if (only >= 0) only = -1;  // the assigned or leader's exit is unreachable: free choice
        else if (skipGate >= 0) skipGate = -1;
        else if (avoidKnown) avoidKnown = false;
        else break;
    }
    a.nextGate = -1;
    a.chosenExit = -1;
}

int CrowdSim::directGroup(int group, int exitDoor) {
    if (group < 0 || group >= static_cast<int>(groups_.size()) || nav_->exitIndexOfDoor(exitDoor) < 0) return 0;
    int affected = 0;
    for (size_t i = 0; i < agents_.size(); ++i) {
        Agent& a = agents_[i];
        if (a.group != group || a.external || a.state == AgentState::Out) continue;
        a.assignedExit = exitDoor;
        a.leader = -1;
        a.nextGate = -1;
        a.chosenExit = -1;
        if (a.state == AgentState::Walking) replan(i);
        ++affected;
    }
    actions_.push_back({CrowdAction::Kind::DirectGroup, timeS_, group, exitDoor, -1, affected});
    return affected;
}

int CrowdSim::leadGroup(int leaderAgent, int group) {
    if (leaderAgent < 0 || leaderAgent >= static_cast<int>(agents_.size()) || group < 0 ||
        group >= static_cast<int>(groups_.size()))
        return 0;
    int affected = 0;
    for (size_t i = 0; i < agents_.size(); ++i) {
        Agent& a = agents_[i];
        if (a.group != group || static_cast<int>(i) == leaderAgent || a.external || a.state == AgentState::Out) continue;
        a.leader = leaderAgent;
        ++affected;
    }
    actions_.push_back({CrowdAction::Kind::LeadGroup, timeS_, group, -1, leaderAgent, affected});
    return affected;
}

void CrowdSim::setDoorOpen(int door, bool open) {
    if (door < 0 || door >= static_cast<int>(building_.doors.size())) return;
    building_.doors[door].open = open;
    nav_->computeRouteCosts(building_);
    for (size_t i = 0; i < agents_.size(); ++i) {
        Agent& a = agents_[i];
        if (a.state != AgentState::Walking || a.external) continue;
        a.nextGate = -1;
        a.chosenExit = -1;
        replan(i);
    }
}

}  // namespace cd::crowd
