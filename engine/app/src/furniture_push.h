#pragma once
// The last resort of someone shut in among the furniture an earthquake left: a person walking who
// has not got kHeadwayM further on in kStuckS pushes aside the desks and bookcases within
// kPushReachM of their body's edge on their own floor (a 20 kg desk is shoved out of the way,
// not walked round). The crowd's floor field prices out slots narrower than a body, so this
// fires only for someone truly shut in; not for someone held up by other people (a queue at a
// door, a crowd making for it), who stands within kJamM of another walking person who is getting
// on. A knot of people none of whom has got on for kStuckS (three pupils wedged in an aisle that
// slid narrow) is stuck together, and each pushes.
#include <vector>

#include "crowd/geometry.h"

namespace cd::app {

class FurniturePush {
public:
    static constexpr double kHeadwayM = 0.5;
    static constexpr double kStuckS = 10.0;
    static constexpr double kPushReachM = 0.3;
    static constexpr double kJamM = 0.7;   ///< centre to centre: two bodies (0.4 m) and a hand's breadth
    static constexpr double kFloorM = 0.5; ///< a piece's base this close to a person's floor is on it

    struct Person {
        crowd::Vec2 posM;
        double radiusM = 0.2;
        int area = -1;          ///< the crowd's area (people in one area can hold each other up)
        double floorZM = 0;     ///< the floor of the room they stand in (NaN: in no room)
        bool walking = false;   ///< on their way (not waiting, sheltering or out)
        bool passing = false;   ///< through a doorway or out of the building: not watched
    };
    struct Piece {
        crowd::Polygon footprint;  ///< where it stands now
        double baseZM = 0;         ///< the bottom of the piece
    };

    /// Watches the people's headway at `now` (the same people in the same order at every call)
    /// and returns those stuck: no headway for kStuckS, and nobody walking within kJamM who has
    /// had headway in that time.
    std::vector<int> whoIsStuck(double now, const std::vector<Person>& people);
    /// Pushes aside the pieces (the same in the same order at every call) within kPushReachM of
    /// the stuck people's bodies on their floor; returns those newly pushed, in piece order.
    std::vector<int> pushAside(const std::vector<Person>& people, const std::vector<int>& stuck,
                               const std::vector<Piece>& pieces);
    bool pushed(int piece) const { return piece >= 0 && piece < static_cast<int>(pushed_.size()) && pushed_[static_cast<std::size_t>(piece)]; }

private:
    std::vector<crowd::Vec2> fromM_;  ///< per person: where they were when last they got on
    std::vector<double> sinceS_;      ///< per person: since when (-1: not walking)
    std::vector<char> pushed_;        ///< per piece
};

}  // namespace cd::app
