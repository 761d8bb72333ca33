#include "furniture_push.h"

#include <cmath>

#include "crowd_obstacle_geometry.h"

namespace cd::app {

std::vector<int> FurniturePush::whoIsStuck(double now, const std::vector<Person>& people) {
    fromM_.resize(people.size());
    sinceS_.resize(people.size(), -1.0);
    // First who has got nowhere for kStuckS; then, of those, who is not held up by someone
    // getting on (a queue that moves). A knot of people none of whom gets on is stuck together.
    std::vector<char> gotNowhere(people.size(), 0);
    for (std::size_t i = 0; i < people.size(); ++i) {
        const Person& a = people[i];
        if (!a.walking || a.passing || a.area < 0) {
            sinceS_[i] = -1.0;
            continue;
        }
        if (sinceS_[i] < 0.0 || crowd::length(a.posM - fromM_[i]) > kHeadwayM) {
            fromM_[i] = a.posM;
            sinceS_[i] = now;
            continue;
        }
        gotNowhere[i] = now - sinceS_[i] >= kStuckS;
    }
    std::vector<int> stuck;
    for (std::size_t i = 0; i < people.size(); ++i) {
        if (!gotNowhere[i]) continue;
        const Person& a = people[i];
        bool heldUpByOthers = false;
        for (std::size_t o = 0; o < people.size() && !heldUpByOthers; ++o)
            heldUpByOthers = o != i && !gotNowhere[o] && people[o].area == a.area && people[o].walking &&
                             crowd::length(people[o].posM - a.posM) < kJamM;
        if (!heldUpByOthers) stuck.push_back(static_cast<int>(i));
    }
    for (int i : stuck) sinceS_[static_cast<std::size_t>(i)] = now;
    return stuck;
}

std::vector<int> FurniturePush::pushAside(const std::vector<Person>& people, const std::vector<int>& stuck,
                                          const std::vector<Piece>& pieces) {
    pushed_.resize(pieces.size(), 0);
    std::vector<int> pushedNow;
    for (std::size_t f = 0; f < pieces.size() && !stuck.empty(); ++f) {
        if (pushed_[f]) continue;
        for (int i : stuck) {
            const Person& a = people[static_cast<std::size_t>(i)];
            if (!(std::fabs(pieces[f].baseZM - a.floorZM) <= kFloorM)) continue;  // another storey, or in no room
            if (distanceToPolygon(a.posM, pieces[f].footprint) - a.radiusM <= kPushReachM) {
                pushed_[f] = 1;
                pushedNow.push_back(static_cast<int>(f));
                break;
            }
        }
    }
    return pushedNow;
}

}  // namespace cd::app
